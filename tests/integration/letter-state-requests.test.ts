import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { MessageType } from '../../shared/protocol/message-types.js';
import { expectOnlyObserverRefused, openObservedLetter } from './harness/observer-over-budget.js';
import { openRawSocket, whenLetterStates } from './harness/raw-socket.js';
import { useSharedServer } from './harness/server-process.js';
import { joinLetter } from './harness/sync-client.js';

/** Message 103, as the client sends it after a gap in the letter state's numbers. */
function letterStateRequest(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.letterStateRequest);
  return encoding.toUint8Array(encoder);
}

/** SYNC_STATE_REQUESTS_PER_MINUTE: README.md, "Configuration", and shared/protocol/PROTOCOL.md, "Budgets". */
describe('the full letter state asked for again (103) draws from the person’s budget (default budgets)', () => {
  const server = useSharedServer();

  it('an observer asking again and again is answered a few times, then closed with 1013; editors of the letter and of another keep getting their edits', async () => {
    const letter = await openObservedLetter(server());
    const { letterId, observer: janis } = letter;
    const colleague = await joinLetter(server(), letter.colleague, letterId);

    const asker = openRawSocket(server(), letterId, { cookie: janis.cookie });
    await asker.opened;
    // Joining brings one full letter state, read from the store.
    expect(await whenLetterStates(asker, 1)).toBe(true);
    // Each request waits for its answer: none of them is covered by a read still running.
    let answered = 0;
    for (let ask = 0; ask < 40; ask++) {
      if (asker.socket.readyState !== asker.socket.OPEN) break;
      asker.socket.send(letterStateRequest());
      if (!(await whenLetterStates(asker, answered + 2))) break;
      answered++;
    }

    await expectOnlyObserverRefused(server(), letter, asker, colleague, 'Written while an observer keeps asking for the letter state.');
    expect(answered).toBeGreaterThan(0);
    expect(answered).toBeLessThan(10);

    // A new socket still gets the full state on joining.
    const again = openRawSocket(server(), letterId, { cookie: janis.cookie });
    await again.opened;
    expect(await whenLetterStates(again, 1)).toBe(true);
  });
});
