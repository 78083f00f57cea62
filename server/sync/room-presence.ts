import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { MessageType } from '../../shared/protocol/message-types.js';
import { Connection, noteUse } from './connection.js';
import type { RelayedMessage } from './letter-relay.js';
import { PresenceBatch } from './presence-batch.js';
import { PresenceGate } from './presence-gate.js';
import { sanitizePresence, type PresenceOwner } from './presence-guard.js';
import { ExtensionKey, type MessageAnswer, type RoomExtension } from './room-extension.js';

/** What presence needs of its room. */
export interface PresenceRoom {
  /** This instance's connections on the letter: presence goes to each of them. */
  readonly connections: ReadonlySet<Connection>;
  /** The letter's document, asked for only when a caret must be checked against it. */
  doc(): Y.Doc;
  /** Who wrote text under a client id in the letter, if anyone: nobody else may show it in presence. */
  textOwnerOf(clientId: number): string | undefined;
  /** Whether the room is gone (a presence update that waited for its rate is then dropped). */
  isDestroyed(): boolean;
  /** A presence was added, changed or removed: the room is in use. */
  changed(): void;
}

/** Told when the presence changes of one tick went out; `owners`: the changed client ids of people connected here. */
export type PresenceSent = (owners: readonly [clientId: number, userId: string][]) => void;

/**
 * How the room's users and the other extensions reach its presence: update admission (who shows a
 * client id), the relay (this instance's presence for the others) and the room registry (presence
 * from other instances, expiry).
 */
export const roomPresenceKey: ExtensionKey<RoomPresence> = new ExtensionKey('presence');

/** What presence reads of its room: the Room class, seen through what it needs (room.ts imports admission, which imports this file). */
export interface PresenceHost {
  readonly connections: ReadonlySet<Connection>;
  readonly doc: Y.Doc;
  readonly clientIdOwners: ReadonlyMap<number, string>;
  readonly isDestroyed: boolean;
  noteActivity(): void;
}

/** The presence of `room`, as one of its extensions (see compose.ts). */
export function roomPresence(room: PresenceHost): RoomPresence {
  return new RoomPresence({
    connections: room.connections,
    doc: () => room.doc,
    textOwnerOf: (clientId) => room.clientIdOwners.get(clientId),
    isDestroyed: () => room.isDestroyed,
    changed: () => room.noteActivity(),
  });
}

/** An awareness message (type 1) carrying `update`. */
export function awarenessMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.awareness);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** How many presence ids of one person's departed connections a letter's presence keeps as theirs. */
export const maxDepartedIdsPerPerson = 64;

/**
 * One letter's presence (awareness): who is here and where their carets are. Each connection's
 * updates pass its rate (PresenceGate) and the presence guard, which shows only the identity the
 * server authenticated and a caret checked against the letter; a presence client id belongs to the
 * connection that first showed it, and one someone wrote text under is theirs alone. The changes of one tick go out as one message (PresenceBatch).
 * Presence of other instances' connections arrives through the relay and counts as theirs.
 * A room extension: it answers awareness messages (1) and queries (3).
 */
export class RoomPresence implements RoomExtension {
  readonly key: ExtensionKey<RoomPresence> = roomPresenceKey;
  /** Presence lives on its own small document: it needs a client id, not the letter. */
  readonly awareness = new awarenessProtocol.Awareness(new Y.Doc());
  readonly answers: ReadonlyMap<MessageType, MessageAnswer> = new Map<MessageType, MessageAnswer>([
    [MessageType.awareness, (connection, decoder) => this.receive(connection, decoding.readVarUint8Array(decoder))],
    [MessageType.queryAwareness, (connection) => this.query(connection)],
  ]);
  /**
   * Which connection owns each presence client id; kept after it leaves (as a small record, not
   * the connection), so nobody inherits it: the same person's tab may come back under it.
   */
  private readonly owners = new Map<number, PresenceOwner>();
  /** The ids each person's departed connections held here, oldest first: at most maxDepartedIdsPerPerson kept. */
  private readonly departedIds = new Map<string, number[]>();
  private readonly batch = new PresenceBatch((changed) => this.send(changed));
  private readonly sentListeners: PresenceSent[] = [];
  private isGone = false;

  constructor(private readonly room: PresenceRoom) {
    // The room registry checks every room's presence for outdated entries with one timer (expire).
    clearInterval((this.awareness as unknown as { _checkInterval: NodeJS.Timeout })._checkInterval);
    // The server has no presence of its own.
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.gather);
    this.awareness.on('change', noteUse);
  }

  /** Calls `listener` each time the presence changes of one tick went out (the relay passes them on). */
  onSent(listener: PresenceSent): void {
    this.sentListeners.push(listener);
  }

  /** A joining connection gets everyone's presence, if there is any. */
  joined(connection: Connection): void {
    if (this.awareness.getStates().size > 0) this.answerQuery(connection);
  }

  /** Answers a query (message 3) with everyone's presence. */
  answerQuery(connection: Connection): void {
    const clients = Array.from(this.awareness.getStates().keys());
    connection.send(awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients)));
  }

  /**
   * A query (message 3) from a connection. Each answer encodes everyone's presence, so queries are
   * answered at the connection's presence rate: beyond it they wait, and one answer covers them all.
   */
  query(connection: Connection): void {
    if (connection.presenceRate === null) return this.answerQuery(connection);
    connection.queryGate ??= new PresenceGate(connection.presenceRate, () => {
      if (!this.room.isDestroyed() && this.room.connections.has(connection)) this.answerQuery(connection);
    });
    connection.queryGate.admit(new Uint8Array(0));
  }

  /** A presence update (message 1) from a connection, at most at its rate; a bad one throws a ProtocolViolation. */
  receive(connection: Connection, update: Uint8Array): void {
    if (connection.presenceRate === null) return this.apply(connection, update);
    connection.presenceGate ??= new PresenceGate(connection.presenceRate, (latest) => {
      if (!this.room.isDestroyed() && this.room.connections.has(connection)) this.apply(connection, latest);
    });
    connection.presenceGate.admit(update);
  }

  /** The connection left: what waited for its rate is dropped and its presence removed (its ids stay its own). */
  left(connection: Connection): void {
    connection.presenceGate?.stop();
    connection.queryGate?.stop();
    const clients = Array.from(connection.awarenessClients);
    if (clients.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, clients, connection);
    this.rememberDeparted(connection, clients);
  }

  /**
   * Keeps a departed connection's ids as its person's, without keeping the connection itself (and
   * what it still holds) alive for as long as the letter is open. A member reconnecting in a loop
   * would make these pile up, so each person keeps the latest maxDepartedIdsPerPerson; an older
   * id goes back to nobody, which matters only for a tab gone that long.
   */
  private rememberDeparted(connection: Connection, clients: number[]): void {
    const userId = connection.user.id;
    let departed = this.departedIds.get(userId);
    for (const clientId of clients) {
      if (this.owners.get(clientId) !== connection) continue;
      this.owners.set(clientId, { user: { id: userId }, isClosed: true, awarenessClients: new Set() });
      if (!departed) this.departedIds.set(userId, (departed = []));
      departed.push(clientId);
    }
    while (departed && departed.length > maxDepartedIdsPerPerson) {
      const oldest = departed.shift()!;
      const owner = this.owners.get(oldest);
      if (owner && owner.isClosed && owner.user.id === userId) this.owners.delete(oldest);
    }
  }

  /** Who holds a presence client id, if anyone. */
  ownerOf(clientId: number): PresenceOwner | undefined {
    return this.owners.get(clientId);
  }

  /** Makes a client id the connection's (it wrote text under it), unless someone holds it already. */
  claim(clientId: number, connection: Connection): void {
    if (this.owners.has(clientId)) return;
    this.owners.set(clientId, connection);
    connection.awarenessClients.add(clientId);
  }

  /** Removes presence entries not renewed within the awareness timeout (30 s), as each Awareness would on its own timer. */
  expire(now = Date.now()): void {
    if (this.isGone) return;
    const outdated: number[] = [];
    for (const [clientId, meta] of this.awareness.meta) {
      if (clientId !== this.awareness.clientID && this.awareness.states.has(clientId) && now - meta.lastUpdated >= awarenessProtocol.outdatedTimeout) {
        outdated.push(clientId);
      }
    }
    if (outdated.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, outdated, 'timeout');
  }

  /** Presence of another instance's connections. Their client ids count as taken: only the same person takes one over. */
  applyRemote(update: Uint8Array, owners: readonly [clientId: number, userId: string][], origin: unknown): void {
    if (this.isGone) return;
    for (const [clientId, userId] of owners) {
      const owner = this.owners.get(clientId);
      if (owner && !owner.isClosed) continue;
      this.owners.set(clientId, { user: { id: userId }, isClosed: true, awarenessClients: new Set() });
    }
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, origin);
  }

  /** The presence of this instance's own connections, for an instance that has just opened the letter. */
  local(): RelayedMessage | null {
    const states = this.awareness.getStates();
    const owners: [number, string][] = [];
    for (const [clientId, owner] of this.owners) {
      if (owner instanceof Connection && this.room.connections.has(owner) && states.has(clientId)) owners.push([clientId, owner.user.id]);
    }
    if (owners.length === 0) return null;
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, owners.map(([clientId]) => clientId));
    return { kind: 'presence', update, owners };
  }

  /** The room is gone: stops sending and frees the awareness. */
  destroyed(): void {
    this.isGone = true;
    this.awareness.off('update', this.gather);
    this.batch.cancel();
    this.awareness.destroy();
    this.awareness.doc.destroy();
  }

  private apply(connection: Connection, update: Uint8Array): void {
    const knownClock = (clientId: number) => this.awareness.meta.get(clientId)?.clock ?? -1;
    const sanitized = sanitizePresence(update, connection, this.owners, knownClock, (clientId) => this.room.textOwnerOf(clientId), () => this.room.doc());
    if (sanitized) awarenessProtocol.applyAwarenessUpdate(this.awareness, sanitized, connection);
  }

  private readonly gather = (change: { added: number[]; updated: number[]; removed: number[] }, origin: unknown): void => {
    this.room.changed();
    this.batch.add([...change.added, ...change.updated, ...change.removed], origin instanceof Connection ? origin.user.id : null);
  };

  /** Sends the presence changes of one tick, each client's latest state once. */
  private send(changed: ReadonlyMap<number, string | null>): void {
    if (this.room.isDestroyed()) return;
    const message = awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, Array.from(changed.keys())));
    // The sender gets its own presence back too: y-websocket reconnects after 30 s without any message.
    for (const connection of this.room.connections) connection.send(message);
    const owners = Array.from(changed).filter((entry): entry is [number, string] => entry[1] !== null);
    if (owners.length === 0) return;
    for (const listener of this.sentListeners) listener(owners);
  }
}
