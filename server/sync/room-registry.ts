import { CloseCode } from '../../shared/protocol/close-codes.js';
import type { Role } from '../../shared/domain/roles.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import type { CommitQueue } from './commit-queue.js';
import type { Connection } from './connection.js';
import { Room, type RoomDeps } from './room.js';
import type * as Y from 'yjs';
import type { SchemaRules } from './schema-rules.js';

export interface RoomRegistryOptions {
  letterState: RoomDeps['letterState'];
  store: Store;
  commits: CommitQueue;
  rules: SchemaRules;
  logger: Logger;
  graceMs: number;
  compactAfterUpdates: number;
  historyPauseMs: number;
}

/**
 * The loaded letters. A room loads on its first connection and unloads `graceMs` after its last
 * one leaves, so memory follows the letters in use, not the letters stored.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Promise<Room>>();
  /** The same rooms once loaded, so that unloading can forget them synchronously. */
  private readonly loaded = new Map<string, Room>();
  private readonly unloadTimers = new Map<Room, NodeJS.Timeout>();

  constructor(private readonly options: RoomRegistryOptions) {}

  async join(letterId: string, connection: Connection): Promise<Room> {
    const room = await this.open(letterId);
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
    const { store, commits, rules, logger, compactAfterUpdates, letterState, historyPauseMs } = this.options;
    const loading = Room.load(letterId, {
      letterState,
      store,
      commits,
      rules,
      logger,
      compactAfterUpdates,
      historyPauseMs,
      onEmpty: (room) => this.scheduleUnload(room),
      onBroken: (room) => this.unload(room, CloseCode.storeFailure, 'the letter is being reloaded'),
    });
    this.rooms.set(letterId, loading);
    loading.then(
      (room) => this.loaded.set(letterId, room),
      () => this.rooms.delete(letterId),
    );
    return loading;
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
    }
    room.destroy(code, reason);
  }

  /**
   * Reads a letter's text as stored: the room is loaded if it is not (and unloaded again later),
   * and every update applied before the call is committed before `read` runs.
   */
  async readText<T>(letterId: string, read: (doc: Y.Doc) => T): Promise<T> {
    const room = await this.open(letterId);
    await room.settled();
    try {
      return read(room.doc);
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
    try {
      return await act(room);
    } finally {
      if (room.isEmpty && !this.unloadTimers.has(room)) this.scheduleUnload(room);
    }
  }

  /** Sign-offs on these paragraphs: the next change to each opens a new revision. */
  sealRevisions(letterId: string, paragraphIds: Iterable<string>): void {
    this.loaded.get(letterId)?.history.seal(paragraphIds);
  }

  /** Sends a server-owned message to everyone who has the letter open. */
  broadcast(letterId: string, message: Uint8Array): void {
    this.loaded.get(letterId)?.broadcast(message);
  }

  /** Every office signed (frozen) or the letter was reopened: open editors follow at once. */
  setFrozen(letterId: string, frozen: boolean, canEditOf: (userId: string) => boolean): void {
    this.loaded.get(letterId)?.setFrozen(frozen, (connection) => canEditOf(connection.user.id));
  }

  /** A member's roles changed (empty: removed): their open connections follow at once. */
  accessChanged(letterId: string, userId: string, roles: Role[]): void {
    this.loaded.get(letterId)?.applyAccess(userId, roles);
  }

  /** Sessions ended (sign-out, password set): their sockets close with 4401. */
  closeSessions(sessionIds: string[]): void {
    const ended = new Set(sessionIds);
    for (const room of Array.from(this.loaded.values())) room.closeSessions(ended);
  }

  /**
   * Asks of every open connection whether its session is still valid (idle and absolute expiry);
   * a connection that sent something since the last check counts as use of its session.
   */
  async sweepSessions(isValid: (sessionId: string, active: boolean) => Promise<boolean>): Promise<void> {
    const expired = new Set<string>();
    for (const room of Array.from(this.loaded.values())) {
      for (const connection of Array.from(room.connections)) {
        const active = connection.wasActive;
        connection.wasActive = false;
        if (!(await isValid(connection.sessionId, active))) expired.add(connection.sessionId);
      }
    }
    if (expired.size > 0) this.closeSessions(Array.from(expired));
  }

  /** Closes every room (server shutting down): clients reconnect elsewhere or later. */
  async closeAll(): Promise<void> {
    await this.options.commits.drain();
    await Promise.allSettled(this.rooms.values());
    for (const room of Array.from(this.loaded.values())) this.unload(room, CloseCode.goingAway, 'server shutting down');
  }
}
