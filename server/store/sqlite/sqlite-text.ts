import { randomUUID } from 'node:crypto';
import { restoreMarkedEvents } from '../restore-marked-events.js';
import type Database from 'better-sqlite3';
import { textReadOnlyStatuses } from '../../../shared/domain/letter-course.js';
import { originalGeneration, type StoredText, TextReadOnly, type TextStore, type UpdateToAppend } from '../store.js';
import type { SqliteAudit } from './sqlite-audit.js';
import type { SqliteHistory } from './sqlite-history.js';

export class SqliteText implements TextStore {
  // Prepared once: every commit batch of every letter runs them, on the event loop.
  private readonly insertUpdate: Database.Statement;
  private readonly claimClient: Database.Statement;
  private readonly touchLetter: Database.Statement;
  private readonly readStatus: Database.Statement;

  constructor(
    private readonly db: Database.Database,
    private readonly history: SqliteHistory,
    private readonly audit: SqliteAudit,
  ) {
    this.insertUpdate = db.prepare('INSERT INTO text_updates (letter_id, body, user_id, created_at) VALUES (?, ?, ?, ?)');
    this.claimClient = db.prepare('INSERT INTO text_clients (letter_id, client_id, user_id) VALUES (?, ?, ?)');
    this.touchLetter = db.prepare('UPDATE letters SET updated_at = ? WHERE id = ?');
    this.readStatus = db.prepare('SELECT status FROM letters WHERE id = ?');
  }

  async loadText(letterId: string): Promise<StoredText> {
    return this.db.transaction(() => {
      const snapshotRow = this.db
        .prepare('SELECT snapshot, through_seq FROM text_snapshots WHERE letter_id = ?')
        .get(letterId) as { snapshot: Buffer; through_seq: number } | undefined;
      const rows = this.db
        .prepare('SELECT seq, body FROM text_updates WHERE letter_id = ? ORDER BY seq')
        .all(letterId) as { seq: number; body: Buffer }[];
      const owners = this.db
        .prepare('SELECT client_id AS clientId, user_id AS userId FROM text_clients WHERE letter_id = ?')
        .all(letterId) as { clientId: number; userId: string }[];
      const letterRow = this.db.prepare('SELECT text_generation FROM letters WHERE id = ?').get(letterId) as { text_generation: string } | undefined;
      return {
        snapshot: snapshotRow ? new Uint8Array(snapshotRow.snapshot) : null,
        updates: rows.map((row) => new Uint8Array(row.body)),
        lastSeq: rows.at(-1)?.seq ?? snapshotRow?.through_seq ?? 0,
        clientOwners: new Map(owners.map((owner) => [owner.clientId, owner.userId])),
        generation: letterRow?.text_generation ?? originalGeneration,
      };
    })();
  }

  async appendUpdates(updates: UpdateToAppend[]): Promise<number[]> {
    const { insertUpdate: insert, claimClient: claim, touchLetter: touch } = this;
    return this.db.transaction(() => {
      const letterIds = new Set(updates.map((u) => u.letterId));
      const readOnly = Array.from(letterIds).filter((letterId) => {
        const row = this.readStatus.get(letterId) as { status: (typeof textReadOnlyStatuses)[number] } | undefined;
        return row !== undefined && textReadOnlyStatuses.includes(row.status);
      });
      if (readOnly.length > 0) throw new TextReadOnly(readOnly);
      const now = new Date().toISOString();
      const seqs = updates.map((u) => {
        for (const clientId of u.newClientIds) claim.run(u.letterId, clientId, u.userId);
        const seq = Number(insert.run(u.letterId, u.update, u.userId, now).lastInsertRowid);
        this.history.writeRevisions(u.revisions);
        this.audit.appendWithin(u.audit);
        return seq;
      });
      for (const letterId of letterIds) touch.run(now, letterId);
      return seqs;
    })();
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

  async compactText(letterId: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    this.db.transaction(() => {
      const replaced = this.db
        .prepare(
          `INSERT INTO text_snapshots (letter_id, snapshot, through_seq) VALUES (?, ?, ?)
           ON CONFLICT (letter_id) DO UPDATE SET snapshot = excluded.snapshot, through_seq = excluded.through_seq
           WHERE text_snapshots.through_seq < excluded.through_seq`,
        )
        .run(letterId, snapshot, throughSeq);
      if (replaced.changes === 0) return;
      this.db.prepare('DELETE FROM text_updates WHERE letter_id = ? AND seq <= ?').run(letterId, throughSeq);
    })();
  }
}
