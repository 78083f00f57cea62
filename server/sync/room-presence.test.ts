import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/protocol/close-codes.js';
import { MessageType } from '../../shared/protocol/message-types.js';
import { Connection } from './connection.js';
import { ProtocolViolation } from './protocol-violation.js';
import { RoomPresence, maxDepartedIdsPerPerson, roomPresence, roomPresenceKey } from './room-presence.js';
import { loadTestRoom, testMember } from './test-room.js';

const helena = testMember('6f1f0f7e-0d6b-4b8f-9a51-2f4d5c1b7a10', 'Helena');
const mikko = testMember('0d5e5d8a-5b8e-4c1c-8a35-0e8f1d9c6a01', 'Mikko');

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** Presence of a room with no other parts: connections, a letter without text, and what it reported. */
function presenceRoom() {
  const connections = new Set<Connection>();
  const doc = new Y.Doc();
  const sentOwners: (readonly [number, string])[][] = [];
  /** Who wrote text under each client id, as the room's store holds it. */
  const textOwners = new Map<number, string>();
  const presence = new RoomPresence({
    connections,
    doc: () => doc,
    textOwnerOf: (clientId) => textOwners.get(clientId),
    isDestroyed: () => false,
    changed: () => undefined,
  });
  presence.onSent((owners) => void sentOwners.push([...owners]));
  cleanups.push(() => {
    presence.destroyed();
    doc.destroy();
  });
  /** A connection of `user` in the room, with the presence states each message it got showed. */
  const connect = (user: typeof helena) => {
    const received: Map<number, unknown>[] = [];
    const socket = {
      isOpen: true,
      close: () => undefined,
      send: (message: Uint8Array) => {
        const decoder = decoding.createDecoder(message);
        if (decoding.readVarUint(decoder) !== MessageType.awareness) return;
        const shown = new awarenessProtocol.Awareness(new Y.Doc());
        shown.setLocalState(null);
        awarenessProtocol.applyAwarenessUpdate(shown, decoding.readVarUint8Array(decoder), null);
        received.push(new Map(shown.getStates()));
        shown.destroy();
      },
    };
    const connection = new Connection(socket, user, `session-${user.id}`, true);
    connections.add(connection);
    presence.joined(connection);
    return { connection, received };
  };
  return { presence, connections, connect, sentOwners, textOwners };
}

/** A browser tab's presence: its awareness, and the update it sends for its own state. */
function tab(state: Record<string, unknown>) {
  const awareness = new awarenessProtocol.Awareness(new Y.Doc());
  cleanups.push(() => awareness.destroy());
  awareness.setLocalState(state);
  return { awareness, update: () => awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]) };
}

describe('room presence', () => {
  it('shows everyone the identity the server authenticated, whatever name the tab claims to have', async () => {
    const { presence, connect } = presenceRoom();
    const writer = connect(helena);
    const reader = connect(mikko);
    const helenasTab = tab({ user: { color: '#ff00ff' }, banner: 'All changes saved' });

    presence.receive(writer.connection, helenasTab.update());

    await vi.waitFor(() => expect(reader.received).toHaveLength(1));
    const shown = reader.received[0]!.get(helenasTab.awareness.clientID);
    expect(shown).toEqual({ user: { name: 'Helena', color: '#0b4f6c', office: 'Ministry of the Interior', officeId: 'fi-interior', country: 'Finland' } });
  });

  it('refuses presence that names someone else with 4403', () => {
    const { presence, connect } = presenceRoom();
    const { connection } = connect(mikko);
    const spoof = tab({ user: { name: 'Helena' } });

    expect(() => presence.receive(connection, spoof.update())).toThrow(expect.objectContaining({ code: CloseCode.forbidden }));
    expect(() => presence.receive(connection, spoof.update())).toThrow(ProtocolViolation);
    expect(presence.awareness.getStates().has(spoof.awareness.clientID)).toBe(false);
  });

  it('sends the changes of one tick as one message per connection, each with its latest state, and reports who made them', async () => {
    const { presence, connect, sentOwners } = presenceRoom();
    const writer = connect(helena);
    const reader = connect(mikko);
    const helenasTab = tab({ cursor: null });
    for (let moves = 0; moves < 20; moves++) {
      helenasTab.awareness.setLocalStateField('cursor', null);
      presence.receive(writer.connection, helenasTab.update());
    }

    await vi.waitFor(() => expect(reader.received).toHaveLength(1));
    expect(writer.received).toHaveLength(1);
    expect(sentOwners).toEqual([[[helenasTab.awareness.clientID, helena.id]]]);
  });

  it('keeps a client id for the connection that first showed it: another person cannot take it over', async () => {
    const { presence, connect } = presenceRoom();
    const helenas = connect(helena);
    const mikkos = connect(mikko);
    const helenasTab = tab({ cursor: null });
    presence.receive(helenas.connection, helenasTab.update());

    // Mikko sends a newer state under Helena's id: dropped, not applied.
    helenasTab.awareness.setLocalState({ cursor: null, user: { name: 'Mikko' } });
    presence.receive(mikkos.connection, helenasTab.update());
    expect(presence.ownerOf(helenasTab.awareness.clientID)?.user.id).toBe(helena.id);
    await vi.waitFor(() => expect(mikkos.received.length).toBeGreaterThan(0));
    expect(presence.awareness.getStates().get(helenasTab.awareness.clientID)).toMatchObject({ user: { name: 'Helena' } });
  });

  it('makes a client id written under in text the writer’s, so nobody else can show presence under it', () => {
    const { presence, connect } = presenceRoom();
    const helenas = connect(helena);
    const mikkos = connect(mikko);
    const textTab = tab({ cursor: null });
    presence.claim(textTab.awareness.clientID, helenas.connection);

    presence.receive(mikkos.connection, textTab.update());
    expect(presence.awareness.getStates().has(textTab.awareness.clientID)).toBe(false);
  });

  it('keeps a client id someone wrote text under (stored, no presence yet) theirs: another person’s presence under it is dropped', () => {
    const { presence, connect, textOwners } = presenceRoom();
    const mikkos = connect(mikko);
    const helenasTab = tab({ cursor: null });
    textOwners.set(helenasTab.awareness.clientID, helena.id);

    presence.receive(mikkos.connection, helenasTab.update());
    expect(presence.awareness.getStates().has(helenasTab.awareness.clientID)).toBe(false);
    expect(presence.ownerOf(helenasTab.awareness.clientID)).toBeUndefined();

    const helenas = connect(helena);
    presence.receive(helenas.connection, helenasTab.update());
    expect(presence.ownerOf(helenasTab.awareness.clientID)).toBe(helenas.connection);
  });

  it('removes a connection’s presence when it leaves and tells the others', async () => {
    const { presence, connections, connect } = presenceRoom();
    const helenas = connect(helena);
    const mikkos = connect(mikko);
    const helenasTab = tab({ cursor: null });
    presence.receive(helenas.connection, helenasTab.update());
    await vi.waitFor(() => expect(mikkos.received).toHaveLength(1));

    connections.delete(helenas.connection);
    presence.left(helenas.connection);

    await vi.waitFor(() => expect(mikkos.received).toHaveLength(2));
    expect(mikkos.received[1]!.has(helenasTab.awareness.clientID)).toBe(false);
    expect(presence.awareness.getStates().has(helenasTab.awareness.clientID)).toBe(false);
  });

  it('keeps a departed connection’s ids as its person’s without keeping the connection, and only the latest 64 of them', () => {
    const { presence, connect, connections } = presenceRoom();
    const mikkos = connect(mikko);
    const departed: number[] = [];
    for (let visit = 0; visit < maxDepartedIdsPerPerson + 10; visit++) {
      const { connection } = connect(helena);
      const helenasTab = tab({ cursor: null });
      presence.receive(connection, helenasTab.update());
      departed.push(helenasTab.awareness.clientID);
      connections.delete(connection);
      presence.left(connection);
      // Held by a record of her, not by the connection (and what it still holds).
      expect(presence.ownerOf(helenasTab.awareness.clientID)).toMatchObject({ user: { id: helena.id }, isClosed: true });
      expect(presence.ownerOf(helenasTab.awareness.clientID)).not.toBe(connection);
    }
    const latest = departed.slice(-maxDepartedIdsPerPerson);
    expect(latest.every((clientId) => presence.ownerOf(clientId)?.user.id === helena.id)).toBe(true);
    expect(departed.slice(0, 10).every((clientId) => presence.ownerOf(clientId) === undefined)).toBe(true);

    // Mikko still cannot show presence under one of her kept ids.
    const kept = new awarenessProtocol.Awareness(new Y.Doc());
    cleanups.push(() => kept.destroy());
    kept.clientID = latest[0]!;
    kept.setLocalState({ cursor: null });
    presence.receive(mikkos.connection, awarenessProtocol.encodeAwarenessUpdate(kept, [kept.clientID]));
    expect(presence.ownerOf(latest[0]!)?.user.id).toBe(helena.id);
  });

  it('counts presence from another instance as that person’s: only they take its client id over here', () => {
    const { presence, connect } = presenceRoom();
    const elsewhere = tab({ user: { name: 'Helena' }, cursor: null });
    presence.applyRemote(elsewhere.update(), [[elsewhere.awareness.clientID, helena.id]], 'relayed');
    expect(presence.awareness.getStates().has(elsewhere.awareness.clientID)).toBe(true);

    const mikkos = connect(mikko);
    elsewhere.awareness.setLocalState({ cursor: null });
    presence.receive(mikkos.connection, elsewhere.update());
    expect(presence.ownerOf(elsewhere.awareness.clientID)?.user.id).toBe(helena.id);

    const helenas = connect(helena);
    presence.receive(helenas.connection, elsewhere.update());
    expect(presence.ownerOf(elsewhere.awareness.clientID)).toBe(helenas.connection);
  });

  it('answers a presence query with everyone present, and names for a new instance only its own connections', () => {
    const { presence, connect } = presenceRoom();
    const helenas = connect(helena);
    const helenasTab = tab({ cursor: null });
    presence.receive(helenas.connection, helenasTab.update());
    const elsewhere = tab({ cursor: null });
    presence.applyRemote(elsewhere.update(), [[elsewhere.awareness.clientID, mikko.id]], 'relayed');

    const asking = connect(mikko);
    asking.received.splice(0);
    presence.answerQuery(asking.connection);
    expect([...asking.received[0]!.keys()].sort()).toEqual([helenasTab.awareness.clientID, elsewhere.awareness.clientID].sort());
    expect(presence.local()).toMatchObject({ kind: 'presence', owners: [[helenasTab.awareness.clientID, helena.id]] });
  });

  it('drops entries not renewed within the awareness timeout', () => {
    const { presence, connect } = presenceRoom();
    const helenas = connect(helena);
    const helenasTab = tab({ cursor: null });
    presence.receive(helenas.connection, helenasTab.update());

    presence.expire(Date.now() + awarenessProtocol.outdatedTimeout - 1000);
    expect(presence.awareness.getStates().has(helenasTab.awareness.clientID)).toBe(true);
    presence.expire(Date.now() + awarenessProtocol.outdatedTimeout + 1000);
    expect(presence.awareness.getStates().has(helenasTab.awareness.clientID)).toBe(false);
  });
});

/** An awareness message (1) carrying `update`, as a y-websocket tab sends it. */
function presenceFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.awareness);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** The presence states each awareness message among `sent` showed. */
function presenceShown(sent: Uint8Array[]): Map<number, unknown>[] {
  return sent.flatMap((message) => {
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) !== MessageType.awareness) return [];
    const shown = new awarenessProtocol.Awareness(new Y.Doc());
    shown.setLocalState(null);
    awarenessProtocol.applyAwarenessUpdate(shown, decoding.readVarUint8Array(decoder), null);
    const states = new Map(shown.getStates());
    shown.destroy();
    return [states];
  });
}

describe('room presence as an extension of a room', () => {
  it('answers a tab’s presence and queries through the room, shows a joiner who is here, and removes a leaver', async () => {
    const { room, connect } = await loadTestRoom({ extensions: [roomPresence] });
    cleanups.push(() => room.destroy(CloseCode.goingAway, 'test over'));
    const helenas = connect(helena);
    const helenasTab = tab({ cursor: null });
    room.receive(helenas.connection, presenceFrame(helenasTab.update()));
    await vi.waitFor(() => expect(presenceShown(helenas.sent)).toHaveLength(1));

    const mikkos = connect(mikko);
    expect(presenceShown(mikkos.sent)[0]?.get(helenasTab.awareness.clientID)).toMatchObject({ user: { name: 'Helena' } });
    room.receive(mikkos.connection, new Uint8Array([MessageType.queryAwareness]));
    expect(presenceShown(mikkos.sent)).toHaveLength(2);

    room.leave(helenas.connection);
    await vi.waitFor(() => expect(presenceShown(mikkos.sent)).toHaveLength(3));
    expect(presenceShown(mikkos.sent)[2]!.has(helenasTab.awareness.clientID)).toBe(false);
    expect(room.extension(roomPresenceKey)!.awareness.getStates().size).toBe(0);
  });

  it('keeps a room in use while presence changes: the room does not drop its document meanwhile', async () => {
    const idleMs = 60_000;
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const { room, connect } = await loadTestRoom({ extensions: [roomPresence] });
      cleanups.push(() => room.destroy(CloseCode.goingAway, 'test over'));
      const helenas = connect(helena);
      void room.doc;
      vi.setSystemTime(Date.now() + idleMs);

      room.receive(helenas.connection, presenceFrame(tab({ cursor: null }).update()));

      expect(await room.sleep(idleMs, Date.now())).toBe(false);
      expect(room.hasLiveDoc).toBe(true);
      expect(await room.sleep(idleMs, Date.now() + idleMs)).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('is absent from a room built without it: presence messages close the sender with 4400', async () => {
    const { room, connect } = await loadTestRoom();
    const { connection } = connect(helena);
    expect(room.extension(roomPresenceKey)).toBeUndefined();
    expect(() => room.receive(connection, presenceFrame(tab({ cursor: null }).update()))).toThrow(
      expect.objectContaining({ code: CloseCode.malformedMessage }),
    );
  });

  it('cannot be given to one room twice: two extensions answering one message type is a mistake that stops the room loading', async () => {
    await expect(loadTestRoom({ extensions: [roomPresence, roomPresence] })).rejects.toThrow(/answered twice/);
  });
});
