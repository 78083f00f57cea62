import type * as Y from 'yjs';
import type { Logger } from '../logger.js';
import type { AuditDraft, RevisionWrite, Store } from '../store/store.js';
import { isStoreBusy } from '../store/store-busy.js';
import type { Connection } from './connection.js';

/** What the queue needs of a room: its document, and to be told how its commit went. */
export interface CommitTarget {
  readonly letterId: string;
  readonly doc: Y.Doc;
  readonly isDestroyed: boolean;
  committed(entries: PendingUpdate[], seqs: number[]): void;
  commitFailed(error: unknown): void;
}

/** An update that has been validated and applied to its room's document but not yet stored. */
export interface PendingUpdate {
  room: CommitTarget;
  /** The connection that sent the update; null for a change the server made for someone (a restore). */
  connection: Connection | null;
  /** Whom the update is attributed to. */
  userId: string;
  update: Uint8Array;
  /** Client ids this update writes under for the first time. */
  newClientIds: number[];
  revisions: RevisionWrite[];
  audit?: AuditDraft[];
}

/** How long a commit waits for a busy database before its letters close with 4500 (clients resend). */
const maxBusyWaitMs = 60_000;
const maxBusyRetryDelayMs = 2000;

/** A room's updates as one commit stored them, in order, with their sequence numbers. */
interface StoredUpdates {
  room: CommitTarget;
  entries: PendingUpdate[];
  seqs: number[];
}

/**
 * Group commit: every update that arrives in one turn of the event loop, for any letter, is
 * stored in one transaction; only then are they broadcast and confirmed. Batches run one after
 * the other, so each room sees its updates committed in the order it applied them.
 */
export class CommitQueue {
  private batch: PendingUpdate[] = [];
  /** The updates of the batch being stored right now. */
  private storing: PendingUpdate[] = [];
  private scheduled = false;
  private running: Promise<void> | null = null;
  private readonly idleWaiters: (() => void)[] = [];
  private readonly storedListeners = new Set<(letterId: string, revisions: RevisionWrite[]) => void>();

  constructor(
    private readonly store: Store,
    private readonly logger: Logger,
    /** Merges the revision writes of one letter's batch before they are stored (see history's coalesceRevisionWrites); as they are when absent. */
    private readonly coalesceRevisions: (writes: RevisionWrite[]) => RevisionWrite[] = (writes) => writes,
  ) {}

  /** Hears of the paragraph revisions of each letter once they are stored (notifications watch for stale approvals). */
  onStored(listener: (letterId: string, revisions: RevisionWrite[]) => void): void {
    this.storedListeners.add(listener);
  }

  enqueue(entry: PendingUpdate): void {
    this.batch.push(entry);
    this.schedule();
  }

  /** What is not yet stored: for the log line of a shutdown that ran out of time. */
  pending(): { updates: number; letterIds: string[] } {
    const entries = [...this.storing, ...this.batch];
    return { updates: entries.length, letterIds: Array.from(new Set(entries.map((entry) => entry.room.letterId))) };
  }

  /** Resolves once everything enqueued so far has been committed (or has failed). */
  async drain(): Promise<void> {
    if (this.batch.length === 0 && !this.running && !this.scheduled) return;
    await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }

  private schedule(): void {
    if (this.scheduled || this.running) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.running = this.flush().finally(() => {
        this.running = null;
        if (this.batch.length > 0) this.schedule();
        else for (const resolve of this.idleWaiters.splice(0)) resolve();
      });
    });
  }

  private async flush(): Promise<void> {
    const batch = this.batch;
    this.batch = [];
    this.storing = batch;
    const byRoom = new Map<CommitTarget, PendingUpdate[]>();
    for (const entry of batch) {
      if (entry.room.isDestroyed) continue;
      const entries = byRoom.get(entry.room);
      if (entries) entries.push(entry);
      else byRoom.set(entry.room, [entry]);
    }
    if (byRoom.size === 0) return;
    const stored = await this.storeBatch(byRoom).finally(() => (this.storing = []));
    // Only now, outside the commit's try: a throw while confirming must never store a batch twice.
    for (const { room, entries, seqs } of stored) this.confirm(room, entries, seqs);
    for (const { room, entries } of stored) this.tellStored(room.letterId, entries.flatMap((entry) => entry.revisions));
  }

  /**
   * Stores the batch; rooms whose updates the store refused are told so and left out of the result.
   * While another writer holds the database's lock the batch waits and is tried again (nothing was
   * written), for up to `maxBusyWaitMs`; its updates stay unconfirmed meanwhile.
   */
  private async storeBatch(byRoom: Map<CommitTarget, PendingUpdate[]>): Promise<StoredUpdates[]> {
    const started = Date.now();
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.commit(byRoom);
      } catch (error) {
        if (!isStoreBusy(error) || Date.now() - started > maxBusyWaitMs) return this.storeSeparately(byRoom, error);
        if (attempt === 0) this.logger.warn({ err: error, letters: Array.from(byRoom.keys(), (room) => room.letterId) }, 'the store is busy; the commit waits');
        await new Promise((resolve) => setTimeout(resolve, Math.min(maxBusyRetryDelayMs, 100 * 2 ** attempt)));
      }
    }
  }

  /** The batch failed as a whole: one letter's failure must not cost the others, so they are tried one by one. */
  private async storeSeparately(byRoom: Map<CommitTarget, PendingUpdate[]>, error: unknown): Promise<StoredUpdates[]> {
    if (byRoom.size === 1) {
      for (const room of byRoom.keys()) room.commitFailed(error);
      return [];
    }
    this.logger.warn({ err: error }, 'batch commit failed; retrying per letter');
    const stored: StoredUpdates[] = [];
    for (const [room, entries] of byRoom) {
      try {
        stored.push(...(await this.commit(new Map([[room, entries]]))));
      } catch (roomError) {
        room.commitFailed(roomError);
      }
    }
    return stored;
  }

  private tellStored(letterId: string, revisions: RevisionWrite[]): void {
    if (revisions.length === 0) return;
    for (const listener of this.storedListeners) {
      try {
        listener(letterId, revisions);
      } catch (error) {
        this.logger.error({ err: error, letterId }, 'a listener of stored revisions failed');
      }
    }
  }

  /** Broadcasts and confirms what was stored; a room that fails at it is closed, so that its clients resync. */
  private confirm(room: CommitTarget, entries: PendingUpdate[], seqs: number[]): void {
    try {
      room.committed(entries, seqs);
    } catch (error) {
      this.logger.error({ err: error, letterId: room.letterId }, 'confirming a stored batch failed');
      room.commitFailed(error);
    }
  }

  private async commit(byRoom: Map<CommitTarget, PendingUpdate[]>): Promise<StoredUpdates[]> {
    const toAppend = Array.from(byRoom.values()).flatMap((entries) => {
      // A burst of typing extends one revision many times: only its last state needs writing, once.
      const revisions = this.coalesceRevisions(entries.flatMap((entry) => entry.revisions));
      return entries.map((entry, index) => ({
        letterId: entry.room.letterId,
        update: entry.update,
        userId: entry.userId,
        newClientIds: entry.newClientIds,
        revisions: index === entries.length - 1 ? revisions : [],
        ...(entry.audit ? { audit: entry.audit } : {}),
      }));
    });
    const seqs = await this.store.text.appendUpdates(toAppend);
    let index = 0;
    return Array.from(byRoom, ([room, entries]) => {
      const roomSeqs = seqs.slice(index, index + entries.length);
      index += entries.length;
      return { room, entries, seqs: roomSeqs };
    });
  }
}
