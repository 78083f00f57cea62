import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { wouldWriteOthersSuggestion } from '../../client/editor/suggestion-safe-undo.js';
import { SuggestionKind, newSuggestionAttributes } from '../../shared/domain/suggestions.js';
import { CloseCode } from '../../shared/protocol/close-codes.js';
import { bodyOf } from './harness/letter-body.js';
import { useSharedServer } from './harness/server-process.js';
import { joinLetter } from './harness/sync-client.js';
import { authorOf, lastText, opening, suggestionLetters } from './harness/suggestion-letter.js';
import { withTimeout } from './harness/wait-for.js';

describe('S13 an editor’s undo after deleting someone’s proposal', () => {
  const server = useSharedServer({ env: { ROOM_GRACE_MS: '0' } });
  const { letterWithSuggester, attempt } = suggestionLetters(server);

  /** Aino (Finland, drafter) with Kadri's proposal " at once" in the letter, and an undo history of her own edits. */
  async function ainoBesideKadrisProposal() {
    const { letterId, kadri, aino } = await letterWithSuggester();
    const proposal = newSuggestionAttributes(authorOf(kadri));
    const at = opening.length - 1;
    expect(await attempt(kadri, letterId, (client) => lastText(client).insert(at, ' at once', { [SuggestionKind.insertion]: proposal }))).toBe('saved');
    const client = await joinLetter(server(), aino, letterId);
    const own = 'aino-editor';
    const undoManager = new Y.UndoManager(bodyOf(client.doc), { trackedOrigins: new Set([own]), captureTimeout: 0 });
    const edit = async (change: () => void) => {
      client.doc.transact(change, own);
      await client.whenSaved();
    };
    /** Undoes and waits for the server: 'saved', or the close code it answered with. */
    const undo = async (): Promise<'saved' | number> => {
      const closed = new Promise<number>((resolve) => client.provider.once('connection-close', (event) => resolve(event?.code ?? 0)));
      undoManager.undo();
      return withTimeout(Promise.race([client.whenSaved().then(() => 'saved' as const), closed]), 5000, 'the undo to be saved or refused');
    };
    return { client, undoManager, undo, edit, at, aino };
  }

  it('S13 undoing the deletion of the whole proposal is what the server refuses (4403), and the client sees it coming', async () => {
    const { client, undoManager, undo, edit, at, aino } = await ainoBesideKadrisProposal();
    await edit(() => lastText(client).delete(at, ' at once'.length));
    expect(wouldWriteOthersSuggestion(undoManager, 'undo', aino.user.id)).toBe(true);
    // What the editor no longer sends: the server would close the connection.
    expect(await undo()).toBe(CloseCode.forbidden);
    client.destroy();
  });

  it('S13 undoing the deletion of a few of its words is accepted, and the client lets it through', async () => {
    const { client, undoManager, undo, edit, at, aino } = await ainoBesideKadrisProposal();
    await edit(() => lastText(client).delete(at + ' at '.length, 2));
    expect(wouldWriteOthersSuggestion(undoManager, 'undo', aino.user.id)).toBe(false);
    expect(await undo()).toBe('saved');
    expect(lastText(client).toString()).toContain(' at once');
    client.destroy();
  });
});
