import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { LetterStateMessage } from '../../shared/api/signoffs.js';
import { CloseCode } from '../../shared/protocol/close-codes.js';
import { MessageType } from '../../shared/protocol/message-types.js';
import { createLogger } from '../logger.js';
import { Connection } from './connection.js';
import { RoomLetterState } from './room-letter-state.js';
import { roomPresence, roomPresenceKey } from './room-presence.js';
import type { RoomExtensionFactory } from './room.js';
import { loadTestRoom, testLetterState, testMember } from './test-room.js';

const helena = testMember('helena', 'Helena');
const erik = testMember('erik', 'Erik');

/** A connection of `user` that records what it was sent and how it was closed. */
function connectionOf(user: typeof helena) {
  const sent: number[] = [];
  const closed: number[] = [];
  const connection = new Connection(
    {
      isOpen: true,
      close: (code) => closed.push(code),
      send: (message) => sent.push(message[0]!),
    },
    user,
    `session-${user.id}`,
    true,
  );
  return { connection, sent, closed };
}

/** A browser tab's presence update, as y-websocket sends it, with the tab's client id. */
function tabPresence(): { clientId: number; update: Uint8Array } {
  const awareness = new awarenessProtocol.Awareness(new Y.Doc());
  awareness.setLocalState({ cursor: null });
  const clientId = awareness.clientID;
  const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [clientId]);
  awareness.destroy();
  return { clientId, update };
}

/** Waits for `condition`, at most one second. */
async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 1000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met within 1 s');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('one extension failing does not leave a connection half-joined nor break the room for others', () => {
  it('a joiner whose letter state cannot be read is closed with 4500 (it reconnects and reads it again), not left without sign-offs; the others stay', async () => {
    let failing = false;
    const letterState: RoomExtensionFactory = (room) =>
      new RoomLetterState(room, {
        letterStatus: async () => 'drafting',
        letterState: async (): Promise<LetterStateMessage> => {
          if (failing) throw new Error('the store is unavailable');
          return testLetterState;
        },
        logger: createLogger('silent'),
      });
    const { room } = await loadTestRoom({ extensions: [letterState, roomPresence] });
    const first = connectionOf(helena);
    room.join(first.connection);
    await until(() => first.sent.includes(MessageType.letterState));

    failing = true;
    const second = connectionOf(erik);
    room.join(second.connection);
    await until(() => second.closed.length > 0);
    expect(second.closed).toEqual([CloseCode.storeFailure]);
    expect(second.sent).not.toContain(MessageType.letterState);
    expect(room.connections.has(second.connection)).toBe(false);
    expect(first.closed).toEqual([]);
    expect(room.connections.has(first.connection)).toBe(true);
  });

  it('an extension that throws as someone joins: the joiner is closed with 4500 and out of the room, and the next joiner is served', async () => {
    let emptied = 0;
    const faulty: RoomExtensionFactory = () => ({
      joining: (connection) => {
        if (connection.user.id === erik.id) throw new Error('a fault of the extension');
      },
    });
    const { room } = await loadTestRoom({ extensions: [faulty, roomPresence] });
    // loadTestRoom's onEmpty does nothing; count emptiness through the room itself.
    const failing = connectionOf(erik);
    expect(() => room.join(failing.connection)).not.toThrow();
    expect(failing.closed).toEqual([CloseCode.storeFailure]);
    expect(room.connections.has(failing.connection)).toBe(false);
    if (room.isEmpty) emptied++;
    expect(emptied).toBe(1);

    const next = connectionOf(helena);
    room.join(next.connection);
    expect(next.closed).toEqual([]);
    expect(next.sent).toContain(MessageType.sync);
  });

  it('an extension that throws as someone leaves does not keep their presence showing to the others', async () => {
    const faulty: RoomExtensionFactory = () => ({
      left: () => {
        throw new Error('a fault of the extension');
      },
    });
    const { room } = await loadTestRoom({ extensions: [faulty, roomPresence] });
    const leaving = connectionOf(erik);
    const staying = connectionOf(helena);
    room.join(leaving.connection);
    room.join(staying.connection);
    const tab = tabPresence();
    room.receive(leaving.connection, awarenessFrame(tab.update));
    const presence = room.extension(roomPresenceKey)!;
    expect(presence.awareness.getStates().has(tab.clientId)).toBe(true);

    expect(() => room.leave(leaving.connection)).not.toThrow();
    expect(room.connections.has(leaving.connection)).toBe(false);
    expect(presence.awareness.getStates().has(tab.clientId)).toBe(false);
  });
});

function awarenessFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.awareness);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}
