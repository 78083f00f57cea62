import { randomUUID } from 'node:crypto';
import { restoreMarkedEvents } from '../restore-marked-events.js';
import type Database from 'better-sqlite3';
import { originalGeneration, type StoredText, type StoredTextSince, type TextSnapshot, type TextStore, type UpdateToAppend } from '../store.js';
import type { SqliteAudit } from './sqlite-audit.js';

/** How SqliteText appends updates: on the text writer's thread (TextWriter), or on this connection for a database in memory. */
export interface TextAppender {
  append(updates: UpdateToAppend[]): Promise<number[]>;
}

export class SqliteText implements TextStore {
  constructor(
    private readonly db: Database.Database,
    private readonly appender: TextAppender,
    private readonly audit: SqliteAudit,
  ) {}

  async loadText(letterId: string): Promise<StoredText> {
    return this.db.transaction(() => {
      const snapshotRow = this.db
        .prepare('SELECT snapshot, state_vector, through_seq FROM text_snapshots WHERE letter_id = ?')
        .get(letterId) as { snapshot: Buffer; state_vector: Buffer | null; through_seq: number } | undefined;
      const rows = this.db
        .prepare('SELECT seq, body FROM text_updates WHERE letter_id = ? ORDER BY seq')
        .all(letterId) as { seq: number; body: Buffer }[];
      const owners = this.db
        .prepare('SELECT client_id AS clientId, user_id AS userId FROM text_clients WHERE letter_id = ?')
        .all(letterId) as { clientId: number; userId: string }[];
      const letterRow = this.db.prepare('SELECT text_generation FROM letters WHERE id = ?').get(letterId) as { text_generation: string } | undefined;
      return {
        snapshot: snapshotRow ? new Uint8Array(snapshotRow.snapshot) : null,
        snapshotStateVector: snapshotRow?.state_vector ? new Uint8Array(snapshotRow.state_vector) : null,
        updates: rows.map((row) => new Uint8Array(row.body)),
        lastSeq: rows.at(-1)?.seq ?? snapshotRow?.through_seq ?? 0,
        clientOwners: new Map(owners.map((owner) => [owner.clientId, owner.userId])),
        generation: letterRow?.text_generation ?? originalGeneration,
      };
    })();
  }

  async loadTextSince(letterId: string, afterSeq: number): Promise<StoredTextSince | null> {
    return this.db.transaction(() => {
      const snapshotRow = this.db.prepare('SELECT through_seq FROM text_snapshots WHERE letter_id = ?').get(letterId) as { through_seq: number } | undefined;
      if (snapshotRow && snapshotRow.through_seq > afterSeq) return null;
      const rows = this.db
        .prepare('SELECT seq, body FROM text_updates WHERE letter_id = ? AND seq > ? ORDER BY seq')
        .all(letterId, afterSeq) as { seq: number; body: Buffer }[];
      const owners = this.db
        .prepare('SELECT client_id AS clientId, user_id AS userId FROM text_clients WHERE letter_id = ?')
        .all(letterId) as { clientId: number; userId: string }[];
      return {
        updates: rows.map((row) => new Uint8Array(row.body)),
        lastSeq: rows.at(-1)?.seq ?? afterSeq,
        clientOwners: new Map(owners.map((owner) => [owner.clientId, owner.userId])),
      };
    })();
  }

  /** Runs off the event loop (see TextWriter); reads on this connection see the batch once it resolves. */
  async appendUpdates(updates: UpdateToAppend[]): Promise<number[]> {
    return this.appender.append(updates);
  }

  async markRestored(): Promise<number> {
    return this.db.transaction(() => {
      const ids = this.db.prepare('SELECT id FROM letters').all() as { id: string }[];
      const mark = this.db.prepare('UPDATE letters SET text_generation = ? WHERE id = ?');
      const marked = ids.map(({ id }) => ({ letterId: id, generation: randomUUID() }));
      for (const { letterId, generation } of marked) mark.run(generation, letterId);
      this.audit.appendWithin(restoreMarkedEvents(marked));
      return ids.length;
    })();
  }

  async compactText(letterId: string, snapshot: TextSnapshot, throughSeq: number): Promise<void> {
    this.db.transaction(() => {
      const replaced = this.db
        .prepare(
          `INSERT INTO text_snapshots (letter_id, snapshot, state_vector, through_seq) VALUES (?, ?, ?, ?)
           ON CONFLICT (letter_id) DO UPDATE SET snapshot = excluded.snapshot, state_vector = excluded.state_vector, through_seq = excluded.through_seq
           WHERE text_snapshots.through_seq < excluded.through_seq`,
        )
        .run(letterId, snapshot.state, snapshot.stateVector, throughSeq);
      if (replaced.changes === 0) return;
      this.db.prepare('DELETE FROM text_updates WHERE letter_id = ? AND seq <= ?').run(letterId, throughSeq);
    })();
  }
}
