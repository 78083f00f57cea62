import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/protocol/close-codes.js';
import { MessageType } from '../../shared/protocol/message-types.js';
import { canaryEchoes, openCanary } from './harness/canary.js';
import { appendParagraph } from './harness/letter-body.js';
import { closeOf, openRawSocket, type RawSocket } from './harness/raw-socket.js';
import { useSharedServer } from './harness/server-process.js';
import { apiRequest, createLetter, signIn } from './harness/sign-in.js';
import { connectClient, joinLetter } from './harness/sync-client.js';

/** Message 103, as the client sends it after a gap in the letter state's numbers. */
function letterStateRequest(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.letterStateRequest);
  return encoding.toUint8Array(encoder);
}

/** How many letter state messages (102) a raw socket has received. */
function letterStatesOf(raw: RawSocket): number {
  return raw.received.filter((frame) => decoding.readVarUint(decoding.createDecoder(frame)) === MessageType.letterState).length;
}

/** Resolves once the socket holds `count` letter state messages, or closes; true when they arrived. */
function nextLetterState(raw: RawSocket, count: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(() => reject(new Error(`no letter state ${count} within 10 s`))), 10_000);
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      raw.socket.off('message', check);
      raw.socket.off('close', onClose);
      settle();
    };
    const check = () => {
      if (letterStatesOf(raw) >= count) finish(() => resolve(true));
    };
    const onClose = () => finish(() => resolve(false));
    raw.socket.on('message', check);
    raw.socket.on('close', onClose);
    check();
  });
}

/** SYNC_STATE_REQUESTS_PER_MINUTE: README.md, "Configuration", and shared/protocol/PROTOCOL.md, "Budgets". */
describe('the full letter state asked for again (103) draws from the person’s budget (default budgets)', () => {
  const server = useSharedServer();

  it('an observer asking again and again is answered a few times, then closed with 1013; editors of the letter and of another keep getting their edits', async () => {
    const canary = await openCanary(server());
    const [helena, erik, janis] = await Promise.all([signIn(server(), 'Helena Virtanen'), signIn(server(), 'Erik Åkesson'), signIn(server(), 'Jānis Bērziņš')]);
    const letterId = await createLetter(server(), helena, [helena.user.office.id, erik.user.office.id, janis.user.office.id]);
    const readOnly = await apiRequest(server(), helena, 'PUT', `/api/letters/${letterId}/members/${janis.user.id}`, { roles: ['observer'] });
    expect(readOnly.status).toBe(200);
    const writer = connectClient(server(), helena, letterId);
    await writer.whenSynced();
    const colleague = await joinLetter(server(), erik, letterId);

    const asker = openRawSocket(server(), letterId, { cookie: janis.cookie });
    await asker.opened;
    // Joining brings one full letter state, read from the store.
    expect(await nextLetterState(asker, 1)).toBe(true);
    // Each request waits for its answer: none of them is covered by a read still running.
    let answered = 0;
    for (let ask = 0; ask < 40; ask++) {
      if (asker.socket.readyState !== asker.socket.OPEN) break;
      asker.socket.send(letterStateRequest());
      if (!(await nextLetterState(asker, answered + 2))) break;
      answered++;
    }
    appendParagraph(writer.doc, 'Written while an observer keeps asking for the letter state.');

    const [closed] = await Promise.all([
      closeOf(asker),
      canaryEchoes(canary, 'Written on another letter meanwhile.'),
      expect.poll(() => colleague.text, { timeout: 10_000 }).toContain('Written while an observer keeps asking for the letter state.'),
    ]);
    expect(closed.code).toBe(CloseCode.tryAgainLater);
    expect(answered).toBeGreaterThan(0);
    expect(answered).toBeLessThan(10);
    expect(writer.closeCodes).toEqual([]);
    expect(colleague.closeCodes).toEqual([]);
    expect(
      server()
        .logsWith('closing connection')
        .some((line) => line.userId === janis.user.id && line.code === CloseCode.tryAgainLater),
      'the refusal is logged',
    ).toBe(true);

    // A new socket still gets the full state on joining.
    const again = openRawSocket(server(), letterId, { cookie: janis.cookie });
    await again.opened;
    expect(await nextLetterState(again, 1)).toBe(true);
  });
});
