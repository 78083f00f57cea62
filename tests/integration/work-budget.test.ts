import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/protocol/close-codes.js';
import { appendParagraph } from './harness/letter-body.js';
import { closeOf, openRawSocket, updateFrame } from './harness/raw-socket.js';
import { useSharedServer } from './harness/server-process.js';
import { createLetter, signIn } from './harness/sign-in.js';
import { connectClient, joinLetter } from './harness/sync-client.js';

/**
 * SYNC_WORK_MS_PER_SECOND: README.md, "Configuration", and shared/protocol/PROTOCOL.md, "Budgets".
 * Set to a tenth of the default (200) so that a few seconds of small pastes are over it, while an
 * editor's typing stays far below it even on a busy machine.
 */
describe('the server’s time on one person’s frames in a letter is budgeted (SYNC_WORK_MS_PER_SECOND=20)', () => {
  const server = useSharedServer({ env: { SYNC_WORK_MS_PER_SECOND: '20' } });

  it('a member pasting paragraph after paragraph within the frame and byte budgets is slowed, then closed with 1013; an editor of another letter is not', async () => {
    const helena = await signIn(server(), 'Helena Virtanen');
    const ingrid = await signIn(server(), 'Ingrid Løvås');
    const [flooded, quiet] = await Promise.all([createLetter(server(), helena), createLetter(server(), helena)]);
    const editor = connectClient(server(), helena, quiet);
    await editor.whenSynced();

    // Ingrid's tab pastes a paragraph every 5 ms: 200 frames a second, the frame budget's rate.
    const flooder = new Y.Doc();
    const raw = openRawSocket(server(), flooded, { cookie: ingrid.cookie });
    await raw.opened;
    const closed = closeOf(raw);
    let sent = 0;
    const paste = setInterval(() => {
      if (raw.socket.readyState !== raw.socket.OPEN) return;
      const before = Y.encodeStateVector(flooder);
      appendParagraph(flooder, `Pasted paragraph ${sent++}. ${'Words the server must check and store. '.repeat(8)}`);
      raw.socket.send(updateFrame(Y.encodeStateAsUpdate(flooder, before)));
    }, 5);
    try {
      // Meanwhile Helena writes in her letter and each change is saved.
      for (let n = 1; n <= 5; n++) {
        appendParagraph(editor.doc, `Helena’s paragraph ${n}.`);
        await editor.whenSaved();
      }
      expect((await closed).code).toBe(CloseCode.tryAgainLater);
    } finally {
      clearInterval(paste);
    }
    expect(editor.closeCodes).toEqual([]);

    // Ingrid's tab was slowed to what her budget allows: the letter holds only part of what it sent.
    const reader = await joinLetter(server(), helena, flooded);
    const stored = reader.text.match(/Pasted paragraph \d+\./g) ?? [];
    expect(stored.length).toBeLessThan(sent / 2);
  });
});
