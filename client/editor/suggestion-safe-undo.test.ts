import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SuggestionKind, newSuggestionAttributes } from '../../shared/domain/suggestions.js';
import { wouldWriteOthersSuggestion } from './suggestion-safe-undo.js';

const kadri = { userId: 'user-kadri', name: 'Kadri Tamm', officeId: 'ee-interior' };
const aino = { userId: 'user-aino', name: 'Aino Mäkelä', officeId: 'fi-interior' };
const local = 'aino-typing';

/** Aino's copy of a letter whose one paragraph reads "We agree fully." with " fully" proposed by Kadri. */
function ainosLetter() {
  const doc = new Y.Doc();
  const body = doc.getXmlFragment('body');
  const paragraph = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  body.insert(0, [paragraph]);
  text.insert(0, 'We agree.');
  text.insert('We agree'.length, ' fully', { [SuggestionKind.insertion]: newSuggestionAttributes(kadri) });
  const undoManager = new Y.UndoManager(body, { trackedOrigins: new Set([local]), captureTimeout: 0 });
  const edit = (change: () => void) => doc.transact(change, local);
  return { doc, text, undoManager, edit };
}

describe('S13 undo never sends someone else’s suggestion under your name', () => {
  it('S13 undoing the deletion of someone’s whole proposal would bring it back in your name: refused before it is sent', () => {
    const { doc, text, undoManager, edit } = ainosLetter();
    edit(() => text.delete('We agree'.length, ' fully'.length));
    expect(text.toString()).toBe('We agree.');
    const sent: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => sent.push(update));
    expect(wouldWriteOthersSuggestion(undoManager, 'undo', aino.userId)).toBe(true);
    // Only tried on a copy: nothing changed, nothing to send.
    expect(sent).toEqual([]);
    expect(text.toString()).toBe('We agree.');
  });

  it('S13 undoing one’s own plain edits, or the deletion of words inside a proposal that is still there, goes ahead', () => {
    const { text, undoManager, edit } = ainosLetter();
    edit(() => text.insert(0, 'Finally, '));
    expect(wouldWriteOthersSuggestion(undoManager, 'undo', aino.userId)).toBe(false);
    undoManager.undo();
    expect(wouldWriteOthersSuggestion(undoManager, 'redo', aino.userId)).toBe(false);
    edit(() => text.delete('We agree fu'.length, 2));
    expect(wouldWriteOthersSuggestion(undoManager, 'undo', aino.userId)).toBe(false);
  });

  it('S13 a proposal of one’s own may always come back', () => {
    const { text, undoManager, edit } = ainosLetter();
    edit(() => text.insert(0, 'Now ', { [SuggestionKind.insertion]: newSuggestionAttributes(aino) }));
    edit(() => text.delete(0, 'Now '.length));
    expect(wouldWriteOthersSuggestion(undoManager, 'undo', aino.userId)).toBe(false);
  });
});
