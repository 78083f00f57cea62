import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bodyFieldName } from '../../shared/domain/editor-extensions.js';
import { SuggestionKind, newSuggestionAttributes } from '../../shared/domain/suggestions.js';
import { CloseCode } from '../../shared/protocol/close-codes.js';
import { SuggestOnlyGuard, checkSuggestOnlyUpdate, checkSuggestionAttribution } from './suggestion-guard.js';
import { UpdateRefusal, decodeIncomingUpdate } from './update-guard.js';

const kadri = { userId: 'user-kadri', name: 'Kadri Tamm', officeId: 'ee-interior' };
const aino = { userId: 'user-aino', name: 'Aino Mäkelä', officeId: 'fi-interior' };

/** The server's letter with one paragraph, and a client that has it. */
function letter(): { server: Y.Doc; client: Y.Doc; text: () => Y.XmlText } {
  const server = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.setAttribute('id', 'paragraph-1');
  server.getXmlFragment(bodyFieldName).insert(0, [paragraph]);
  const content = new Y.XmlText();
  paragraph.insert(0, [content]);
  content.insert(0, 'We agree.');
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  return { server, client, text: () => textOf(client) };
}

const textOf = (doc: Y.Doc) => (doc.getXmlFragment(bodyFieldName).get(0) as Y.XmlElement).get(0) as Y.XmlText;

/** What `change` sends from the client, as the server receives it. */
function updateOf(client: Y.Doc, change: () => void): Uint8Array {
  const before = Y.encodeStateVector(client);
  change();
  return Y.encodeStateAsUpdate(client, before);
}

function refusalCode(check: () => void): number | null {
  try {
    check();
    return null;
  } catch (error) {
    return (error as { code?: number }).code ?? -1;
  }
}

describe('S13 the suggestion guard, on Yjs structs', () => {
  it('S13 accepts a suggestion in the sender’s own name and refuses one in someone else’s (4403)', () => {
    const { server, client, text } = letter();
    const own = updateOf(client, () => text().insert(2, ' all', { [SuggestionKind.insertion]: newSuggestionAttributes(kadri) }));
    expect(refusalCode(() => checkSuggestionAttribution(server, decodeIncomingUpdate(own), kadri, bodyFieldName))).toBeNull();
    const claimed = updateOf(client, () => text().insert(0, 'So ', { [SuggestionKind.insertion]: newSuggestionAttributes(aino) }));
    expect(refusalCode(() => checkSuggestionAttribution(server, decodeIncomingUpdate(claimed), kadri, bodyFieldName))).toBe(CloseCode.forbidden);
  });

  it('S13 refuses a malformed suggestion mark (a schema refusal: 4422)', () => {
    const { server, client, text } = letter();
    const malformed = updateOf(client, () => text().format(0, 2, { [SuggestionKind.deletion]: { id: 'x', authorId: kadri.userId } }));
    expect(() => checkSuggestionAttribution(server, decodeIncomingUpdate(malformed), kadri, bodyFieldName)).toThrow(UpdateRefusal);
  });

  it('S13 lets a suggest-only sender add and take back its own proposals, and nothing else', () => {
    const { server, client, text } = letter();
    const attrs = newSuggestionAttributes(kadri);
    const insert = updateOf(client, () => text().insert(2, ' all', { [SuggestionKind.insertion]: attrs }));
    expect(refusalCode(() => checkSuggestOnlyUpdate(server, insert, kadri, bodyFieldName))).toBeNull();
    Y.applyUpdate(server, insert);
    const mark = updateOf(client, () => text().format(0, 2, { [SuggestionKind.deletion]: newSuggestionAttributes(kadri) }));
    expect(refusalCode(() => checkSuggestOnlyUpdate(server, mark, kadri, bodyFieldName))).toBeNull();
    Y.applyUpdate(server, mark);
    const withdraw = updateOf(client, () => text().delete(2, 4));
    expect(refusalCode(() => checkSuggestOnlyUpdate(server, withdraw, kadri, bodyFieldName))).toBeNull();
    Y.applyUpdate(server, withdraw);
    const forgeries: ((target: Y.XmlText) => void)[] = [
      (target) => target.insert(0, 'Plain '),
      (target) => target.delete(3, 5),
      (target) => target.format(3, 5, { bold: {} }),
      // Kadri's deletion mark, removed by Aino.
      (target) => target.format(0, 2, { [SuggestionKind.deletion]: null }),
    ];
    for (const forge of forgeries) {
      const other = new Y.Doc();
      Y.applyUpdate(other, Y.encodeStateAsUpdate(server));
      const update = updateOf(other, () => forge(textOf(other)));
      expect(refusalCode(() => checkSuggestOnlyUpdate(server, update, aino, bodyFieldName))).toBe(CloseCode.forbidden);
    }
  });

  it('S13 the guard kept for a room follows others’ edits, and starts afresh after a refusal', () => {
    const { server, client, text } = letter();
    const guard = new SuggestOnlyGuard(server, bodyFieldName);
    const first = updateOf(client, () => text().insert(0, 'So ', { [SuggestionKind.insertion]: newSuggestionAttributes(kadri) }));
    guard.check(first, kadri);
    Y.applyUpdate(server, first);
    // An editor changes the text meanwhile; the guard's copy follows it.
    const editor = new Y.Doc();
    Y.applyUpdate(editor, Y.encodeStateAsUpdate(server));
    Y.applyUpdate(server, updateOf(editor, () => textOf(editor).insert(textOf(editor).length, ' Signed.')));
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    const forged = updateOf(client, () => text().delete(text().length - ' Signed.'.length, ' Signed.'.length));
    expect(refusalCode(() => guard.check(forged, kadri))).toBe(CloseCode.forbidden);
    // The refused update never reached the letter: the next check reads the letter as it is.
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(server));
    const next = updateOf(fresh, () => textOf(fresh).format(3, 2, { [SuggestionKind.deletion]: newSuggestionAttributes(kadri) }));
    expect(refusalCode(() => guard.check(next, kadri))).toBeNull();
    guard.destroy();
  });
});
