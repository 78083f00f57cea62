import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { applyAwarenessUpdate, Awareness } from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MessageType } from '../../shared/protocol/message-types.js';
import { openRawSocket, syncStep1Frame, type RawSocket } from './harness/raw-socket.js';
import { useSharedServer } from './harness/server-process.js';
import { apiRequest, createLetter, signIn } from './harness/sign-in.js';
import { connectClient } from './harness/sync-client.js';

/** Message 3: y-protocols' query for everyone's presence. */
function presenceQuery(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.queryAwareness);
  return encoding.toUint8Array(encoder);
}

/** Everyone's presence as a client applying these frames' presence messages in order would see it. */
function presenceIn(frames: Uint8Array[]): Map<number, unknown> {
  const awareness = new Awareness(new Y.Doc());
  awareness.setLocalState(null);
  for (const frame of frames) {
    const decoder = decoding.createDecoder(frame);
    if (decoding.readVarUint(decoder) === MessageType.awareness) applyAwarenessUpdate(awareness, decoding.readVarUint8Array(decoder), 'server');
  }
  const states = new Map(awareness.getStates());
  awareness.destroy();
  return states;
}

function typeOf(frame: Uint8Array): number {
  return decoding.readVarUint(decoding.createDecoder(frame));
}

function isSyncStep2(frame: Uint8Array): boolean {
  const decoder = decoding.createDecoder(frame);
  return decoding.readVarUint(decoder) === MessageType.sync && decoding.readVarUint(decoder) === syncProtocol.messageYjsSyncStep2;
}

/** Resolves once a frame arrived that `matches`, with how many frames had arrived by then; rejects after 10 s. */
function whenArrived(raw: RawSocket, matches: (frames: Uint8Array[]) => boolean, what: string): Promise<Uint8Array[]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      raw.socket.off('message', check);
      reject(new Error(`${what}: not within 10 s (frame types ${raw.received.map(typeOf).join(' ')})`));
    }, 10_000);
    const check = () => {
      if (!matches(raw.received)) return;
      clearTimeout(timer);
      raw.socket.off('message', check);
      resolve(raw.received.slice());
    };
    raw.socket.on('message', check);
    check();
  });
}

/** SYNC_PRESENCE_PER_SECOND: README.md, "Configuration", and shared/protocol/PROTOCOL.md, "Budgets". */
describe('presence queries (message 3) are answered at the presence rate (default budgets)', () => {
  const server = useSharedServer();

  it('an observer flooding presence queries gets at most a burst of answers at once and one more that covers the rest; the others’ presence still reaches it', async () => {
    const [helena, janis] = await Promise.all([signIn(server(), 'Helena Virtanen'), signIn(server(), 'Jānis Bērziņš')]);
    const letterId = await createLetter(server(), helena, [helena.user.office.id, janis.user.office.id]);
    const readOnly = await apiRequest(server(), helena, 'PUT', `/api/letters/${letterId}/members/${janis.user.id}`, { roles: ['observer'] });
    expect(readOnly.status).toBe(200);
    const writer = connectClient(server(), helena, letterId);
    await writer.whenSynced();
    // Any presence of the writer's; the server shows only who they are.
    writer.awareness.setLocalStateField('note', 'writing');

    const asker = openRawSocket(server(), letterId, { cookie: janis.cookie });
    await asker.opened;
    // Joined, and the writer's presence arrived: from here on only answers to the queries are presence messages.
    await whenArrived(asker, (frames) => frames.some((frame) => typeOf(frame) === MessageType.sync), 'joined');
    const writerId = writer.awareness.clientID;
    await whenArrived(asker, (frames) => presenceIn(frames).has(writerId), 'the writer’s presence');
    const before = asker.received.length;
    const queries = 300;
    for (let ask = 0; ask < queries; ask++) asker.socket.send(presenceQuery());
    // Frames are handled in order: once the answer to this request is here, every query was handled.
    asker.socket.send(syncStep1Frame(new Y.Doc()));
    const handled = await whenArrived(asker, (frames) => frames.slice(before).some(isSyncStep2), 'the sync answer after the queries');
    const answeredAtOnce = handled.slice(before).filter((frame) => typeOf(frame) === MessageType.awareness).length;
    // SYNC_PRESENCE_PER_SECOND (20) with SYNC_BURST_SECONDS (3) of burst, and at most one answer for those that waited.
    expect(answeredAtOnce).toBeGreaterThan(0);
    expect(answeredAtOnce).toBeLessThanOrEqual(61);

    // The writer's next presence change (gone) still reaches the asker, and no answer that waited brings it back.
    writer.awareness.setLocalState(null);
    await whenArrived(asker, (frames) => !presenceIn(frames).has(writerId), 'the writer gone');
    expect(asker.socket.readyState).toBe(asker.socket.OPEN);
    expect(writer.closeCodes).toEqual([]);
  });
});
