import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import { Awareness, applyAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { MessageType } from '../../shared/protocol/message-types.js';
import { appendParagraph, bodyOf } from './harness/letter-body.js';
import { openRawSocket, whenReceived } from './harness/raw-socket.js';
import { useSharedServer } from './harness/server-process.js';
import { createLetter, signIn } from './harness/sign-in.js';
import { connectClient, type SyncClient } from './harness/sync-client.js';

/** A caret inside the first paragraph's text, as the editor would send it. */
function caretAt(client: SyncClient, offset: number): { anchor: unknown; head: unknown } {
  const text = (bodyOf(client.doc).get(0) as Y.XmlElement).get(0) as Y.XmlText;
  const position = JSON.parse(JSON.stringify(Y.createRelativePositionFromTypeIndex(text, offset))) as unknown;
  return { anchor: position, head: position };
}

/** The caret of `clientId` as a reader has been shown it so far, from the frames it received. */
function cursorShownTo(received: readonly Uint8Array[], clientId: number): string {
  const shown = new Awareness(new Y.Doc());
  for (const frame of received) {
    const decoder = decoding.createDecoder(frame);
    if (decoding.readVarUint(decoder) === MessageType.awareness) applyAwarenessUpdate(shown, decoding.readVarUint8Array(decoder), null);
  }
  const cursor = JSON.stringify(shown.getStates().get(clientId)?.cursor);
  shown.destroy();
  return cursor;
}

const moves = 100;

/** Presence rules are in shared/protocol/PROTOCOL.md, "Budgets". */
describe('INV-13 presence changes are sent once per tick, however many arrive in it', () => {
  const server = useSharedServer();

  it(`${moves} caret moves sent at once reach a reader in far fewer messages, ending at the last position`, async () => {
    const [helena, kadri] = await Promise.all([signIn(server(), 'Helena Virtanen'), signIn(server(), 'Kadri Tamm')]);
    const letterId = await createLetter(server(), helena);
    const writer = connectClient(server(), helena, letterId);
    await writer.whenSynced();
    appendParagraph(writer.doc, 'x'.repeat(moves + 20));
    await writer.whenSaved();

    const reader = openRawSocket(server(), letterId, { cookie: kadri.cookie });
    await whenReceived(reader, 1);
    const awarenessBefore = reader.received.filter((frame) => frame[0] === MessageType.awareness).length;

    for (let offset = 1; offset <= moves; offset++) writer.awareness.setLocalStateField('cursor', caretAt(writer, offset));
    const last = JSON.stringify(caretAt(writer, moves));
    const cursorShown = () => cursorShownTo(reader.received, writer.doc.clientID);
    await expect.poll(cursorShown, { timeout: 10_000 }).toBe(last);

    const received = reader.received.filter((frame) => frame[0] === MessageType.awareness).length - awarenessBefore;
    expect(received).toBeLessThan(moves / 2);
    expect(writer.closeCodes).toEqual([]);
  });

  it('a connection moving its caret every 5 ms for 2 s reaches a reader at the presence rate, ending at the last position', async () => {
    const [helena, kadri] = await Promise.all([signIn(server(), 'Helena Virtanen'), signIn(server(), 'Kadri Tamm')]);
    const letterId = await createLetter(server(), helena);
    const writer = connectClient(server(), helena, letterId);
    await writer.whenSynced();
    const floodMoves = 400;
    appendParagraph(writer.doc, 'x'.repeat(floodMoves + 20));
    await writer.whenSaved();

    const reader = openRawSocket(server(), letterId, { cookie: kadri.cookie });
    await whenReceived(reader, 1);
    const awarenessBefore = reader.received.filter((frame) => frame[0] === MessageType.awareness).length;

    // One move per timer tick, so that batching per tick alone would pass each of them on.
    const floodStarted = performance.now();
    for (let offset = 1; offset <= floodMoves; offset++) {
      writer.awareness.setLocalStateField('cursor', caretAt(writer, offset));
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    // 2 s on an idle machine; far longer on a busy one, where the timers fire late.
    const floodSeconds = (performance.now() - floodStarted) / 1000;
    const last = JSON.stringify(caretAt(writer, floodMoves));
    const cursorShown = () => cursorShownTo(reader.received, writer.doc.clientID);
    await expect.poll(cursorShown, { timeout: 10_000 }).toBe(last);

    // The default rate: 20 a second after a burst of 60, over the time the flood took (and the last
    // move's wait); below one per move however slow the machine.
    const received = reader.received.filter((frame) => frame[0] === MessageType.awareness).length - awarenessBefore;
    expect(received).toBeLessThanOrEqual(60 + Math.ceil(20 * (floodSeconds + 1)));
    expect(received).toBeLessThan(floodMoves);
    expect(writer.closeCodes).toEqual([]);
  });
});
