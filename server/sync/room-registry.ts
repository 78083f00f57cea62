import { CloseCode } from '../../shared/protocol/close-codes.js';
import type { Role } from '../../shared/domain/roles.js';
import type { LetterStatus } from '../../shared/api/letters.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import type { CommitQueue } from './commit-queue.js';
import type { Connection } from './connection.js';
import type { LetterRelay, RelayedMessage } from './letter-relay.js';
import { relayedOrigin, Room, type RoomDeps } from './room.js';
import { roomLetterStateKey } from './room-letter-state.js';
import { roomPresenceKey } from './room-presence.js';
import type * as Y from 'yjs';
import type { SchemaRules } from './schema-rules.js';

export interface RoomRegistryOptions {
  store: Store;
  commits: CommitQueue;
  rules: SchemaRules;
  logger: Logger;
  graceMs: number;
  /** A room whose text and presence did not change for this long drops its document (Room.sleep); never when absent. */
  idleMs?: number;
  /** How large one letter may grow; the shared defaults when absent. */
  letterLimits?: RoomDeps['letterLimits'];
  suggestionLimits?: RoomDeps['suggestionLimits'];
  /** Other instances (scale-out): every room subscribes to its letter's messages before it loads. */
  relay?: LetterRelay;
  /** Each room's concerns beyond the core (presence, letter state, history, compaction, relay), in the order they run. */
  extensions?: RoomDeps['extensions'];
}

/** How often presence is checked for entries not renewed (as y-protocols' Awareness does, every 3 s) and rooms for idleness. */
const sweepIntervalMs = 3000;

/**
 * The loaded letters. A room loads on its first connection and unloads `graceMs` after its last
 * one leaves, so memory follows the letters in use, not the letters stored.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Promise<Room>>();
  /** The same rooms once loaded, so that unloading can forget them synchronously. */
  private readonly loaded = new Map<string, Room>();
  private readonly unloadTimers = new Map<Room, NodeJS.Timeout>();
  /** One timer for every room: outdated presence, and idle rooms that may drop their document. */
  private readonly sweepTimer: NodeJS.Timeout;

  constructor(private readonly options: RoomRegistryOptions) {
    const { relay } = options;
    this.sweepTimer = setInterval(() => this.sweep(), sweepIntervalMs);
    this.sweepTimer.unref();
    relay?.onSessionsEnded((sessionIds) => this.closeSessionsHere(sessionIds));
    relay?.onReconnected(() => void this.catchUpAll());
  }

  async join(letterId: string, connection: Connection): Promise<Room> {
    const wasOpen = this.rooms.has(letterId);
    const room = await this.open(letterId);
    // The person may have come from another instance with text this room has not heard of yet.
    if (wasOpen && this.options.relay) await room.catchUp();
    const timer = this.unloadTimers.get(room);
    if (timer) {
      clearTimeout(timer);
      this.unloadTimers.delete(room);
    }
    room.join(connection);
    return room;
  }

  get loadedCount(): number {
    return this.loaded.size;
  }

  private open(letterId: string): Promise<Room> {
    const existing = this.rooms.get(letterId);
    if (existing) return existing;
    const loading = this.load(letterId);
    this.rooms.set(letterId, loading);
    loading.then(
      (room) => this.loaded.set(letterId, room),
      () => this.rooms.delete(letterId),
    );
    return loading;
  }

  /**
   * Subscribes first, then loads: an update committed elsewhere meanwhile is either in what was
   * loaded or arrives on the subscription (applying it twice does no harm).
   */
  private async load(letterId: string): Promise<Room> {
    const { store, commits, rules, logger, relay, letterLimits, suggestionLimits, extensions } = this.options;
    let room: Room | null = null;
    const early: RelayedMessage[] = [];
    await relay?.subscribe(letterId, (message) => (room ? this.receiveRelayed(room, message) : early.push(message)));
    try {
      room = await Room.load(letterId, {
        store,
        commits,
        rules,
        logger,
        ...(letterLimits ? { letterLimits } : {}),
        ...(suggestionLimits ? { suggestionLimits } : {}),
        ...(extensions ? { extensions } : {}),
        onEmpty: (loaded) => this.scheduleUnload(loaded),
        onBroken: (loaded) => this.unload(loaded, CloseCode.storeFailure, 'the letter is being reloaded'),
      });
    } catch (error) {
      relay?.unsubscribe(letterId);
      throw error;
    }
    for (const message of early.splice(0)) this.receiveRelayed(room, message);
    relay?.publish(letterId, { kind: 'presence-query' });
    return room;
  }

  /** A message from another instance about a letter open here; presence and letter state go to those extensions, if the room has them. */
  private receiveRelayed(room: Room, message: RelayedMessage): void {
    switch (message.kind) {
      case 'text':
        return room.applyCommitted(message.update, message.owners);
      case 'presence':
        return room.extension(roomPresenceKey)?.applyRemote(message.update, message.owners, relayedOrigin);
      case 'presence-query': {
        const presence = room.extension(roomPresenceKey)?.local();
        if (presence) this.options.relay?.publish(room.letterId, presence);
        return;
      }
      case 'catch-up':
        return void this.catchUp(room);
      case 'letter-state':
        return room.extension(roomLetterStateKey)?.broadcast(message.message);
      case 'signed-off':
        return room.signedOff(message.paragraphIds);
      case 'access':
        return room.extension(roomLetterStateKey)?.applyAccess(message.userId, message.roles);
      case 'frozen': {
        const editors = new Set(message.editorIds);
        return room.extension(roomLetterStateKey)?.setTextStatus(message.status, (connection) => editors.has(connection.user.id));
      }
      default:
        throw new Error(`unknown relayed message ${(message as { kind: string }).kind}`);
    }
  }

  /** Runs every few seconds for all rooms, instead of a timer per room and per presence. */
  private sweep(): void {
    const now = Date.now();
    const { idleMs } = this.options;
    for (const room of this.loaded.values()) {
      room.extension(roomPresenceKey)?.expire(now);
      if (idleMs === undefined) continue;
      room.sleep(idleMs, now).catch((error: unknown) => this.options.logger.warn({ err: error, letterId: room.letterId }, 'an idle room could not drop its document'));
    }
  }

  private async catchUp(room: Room): Promise<void> {
    try {
      await room.catchUp();
    } catch (error) {
      this.options.logger.warn({ err: error, letterId: room.letterId }, 'catching up failed');
    }
  }

  /**
   * The link to the other instances broke and is back: what was relayed meanwhile may be lost,
   * in both directions. Every room reads the store again and asks the others to do the same.
   */
  private async catchUpAll(): Promise<void> {
    const relay = this.options.relay!;
    const rooms = Array.from(this.loaded.values());
    this.options.logger.info({ rooms: rooms.length }, 'relay reconnected; catching up from the store');
    for (const room of rooms) {
      relay.publish(room.letterId, { kind: 'catch-up' });
      relay.publish(room.letterId, { kind: 'presence-query' });
      await this.catchUp(room);
    }
  }

  private scheduleUnload(room: Room): void {
    const timer = setTimeout(() => {
      this.unloadTimers.delete(room);
      if (room.isEmpty && !room.hasUncommitted) this.unload(room, CloseCode.goingAway, 'unloaded');
    }, this.options.graceMs);
    timer.unref();
    this.unloadTimers.set(room, timer);
  }

  private unload(room: Room, code: CloseCode, reason: string): void {
    const timer = this.unloadTimers.get(room);
    if (timer) clearTimeout(timer);
    this.unloadTimers.delete(room);
    if (this.loaded.get(room.letterId) === room) {
      this.loaded.delete(room.letterId);
      this.rooms.delete(room.letterId);
      this.options.relay?.unsubscribe(room.letterId);
    }
    room.destroy(code, reason);
  }

  /**
   * Reads a letter's text as stored: the room is loaded if it is not (and unloaded again later),
   * and every update applied before the call is committed before `read` runs. `read` also gets
   * the newest stored update the document is known to hold (see Room.storedThroughSeq).
   */
  async readText<T>(letterId: string, read: (doc: Y.Doc, storedThroughSeq: number) => T): Promise<T> {
    const room = await this.open(letterId);
    await room.settled();
    // What another instance committed counts too: a sign-off is checked against the text as stored.
    if (this.options.relay) await room.catchUp();
    try {
      return read(room.doc, room.storedThroughSeq);
    } finally {
      if (room.isEmpty && !this.unloadTimers.has(room)) this.scheduleUnload(room);
    }
  }

  /**
   * Runs `act` on the letter's room, loaded if it is not (and unloaded again later), once every
   * update applied before the call is committed: for changes the server makes (a restore).
   */
  async withRoom<T>(letterId: string, act: (room: Room) => Promise<T>): Promise<T> {
    const room = await this.open(letterId);
    await room.settled();
    // A restore is checked against the text as stored, including what other instances committed.
    if (this.options.relay) await room.catchUp();
    try {
      return await room.keepingDoc(() => act(room));
    } finally {
      if (room.isEmpty && !this.unloadTimers.has(room)) this.scheduleUnload(room);
    }
  }

  /** Sign-offs on these paragraphs, told to the letter's rooms on every instance: the next change to each opens a new revision. */
  sealRevisions(letterId: string, paragraphIds: Iterable<string>): void {
    const ids = Array.from(paragraphIds);
    if (ids.length === 0) return;
    this.loaded.get(letterId)?.signedOff(ids);
    this.options.relay?.publish(letterId, { kind: 'signed-off', paragraphIds: ids });
  }

  /** Sends a server-owned message to everyone who has the letter open, on any instance. */
  broadcast(letterId: string, message: Uint8Array): void {
    this.loaded.get(letterId)?.extension(roomLetterStateKey)?.broadcast(message);
    this.options.relay?.publish(letterId, { kind: 'letter-state', message });
  }

  /**
   * The letter moved to `status`: its text turns read-only (ready, signed, sent) or editable again,
   * and open editors on every instance follow at once (rule C5). `editorIds`: the members whose
   * roles let them edit the letter while its text is open.
   */
  setTextStatus(letterId: string, status: LetterStatus, editorIds: ReadonlySet<string>): void {
    this.loaded.get(letterId)?.extension(roomLetterStateKey)?.setTextStatus(status, (connection) => editorIds.has(connection.user.id));
    this.options.relay?.publish(letterId, { kind: 'frozen', status, editorIds: Array.from(editorIds) });
  }

  /** A member's roles changed (empty: removed): their open connections on every instance follow at once. */
  accessChanged(letterId: string, userId: string, roles: Role[]): void {
    this.loaded.get(letterId)?.extension(roomLetterStateKey)?.applyAccess(userId, roles);
    this.options.relay?.publish(letterId, { kind: 'access', userId, roles });
  }

  /** Sessions ended (sign-out, password set): their sockets close with 4401, on every instance. */
  closeSessions(sessionIds: string[]): void {
    this.closeSessionsHere(sessionIds);
    this.options.relay?.publishSessionsEnded(sessionIds);
  }

  private closeSessionsHere(sessionIds: string[]): void {
    const ended = new Set(sessionIds);
    for (const room of Array.from(this.loaded.values())) room.closeSessions(ended);
  }

  /** Closes every room (server shutting down): clients reconnect elsewhere or later. */
  async closeAll(): Promise<void> {
    clearInterval(this.sweepTimer);
    await Promise.allSettled(this.rooms.values());
    // No frames from here on: a client writing without pause would keep the commit queue busy for
    // ever. Clients reconnect (elsewhere or later) and resend whatever was not confirmed.
    for (const room of this.loaded.values()) {
      room.stopAccepting();
      for (const connection of room.connections) connection.close(CloseCode.goingAway, 'server shutting down');
    }
    await this.options.commits.drain();
    // A compaction under way runs in a worker thread that stops with the server; let it finish.
    await Promise.all(Array.from(this.loaded.values(), (room) => room.compacted()));
    for (const room of Array.from(this.loaded.values())) this.unload(room, CloseCode.goingAway, 'server shutting down');
  }
}
