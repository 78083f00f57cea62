import type Database from 'better-sqlite3';
import { textReadOnlyStatuses } from '../../../shared/domain/letter-course.js';
import { TextReadOnly, type UpdateToAppend } from '../store.js';
import { SqliteAudit } from './sqlite-audit.js';
import { SqliteHistory } from './sqlite-history.js';

/**
 * A letter's "last change" (letters.updated_at) moves on with its text at most this often. The
 * letter list shows it to the minute and sorts by it; writing the letters row at every commit
 * would add a page to each commit for nothing anyone sees.
 */
const touchEveryMs = 1000;

/**
 * Appending text updates to SQLite: one transaction per batch, with the C5 read-only check under
 * the write lock, the client ids the updates claim, their revisions and audit events. Runs on the
 * text writer's thread, on a connection of its own (see TextWriter); statements are prepared once.
 */
export class SqliteTextAppends {
  private readonly history: SqliteHistory;
  private readonly audit: SqliteAudit;
  private readonly readStatus: Database.Statement;
  private readonly claimClient: Database.Statement;
  private readonly insertUpdate: Database.Statement;
  private readonly touchLetter: Database.Statement;
  private readonly appendAll: Database.Transaction<(updates: readonly UpdateToAppend[]) => number[]>;

  constructor(db: Database.Database) {
    this.audit = new SqliteAudit(db);
    this.history = new SqliteHistory(db, this.audit);
    this.readStatus = db.prepare('SELECT status FROM letters WHERE id = ?');
    this.claimClient = db.prepare('INSERT INTO text_clients (letter_id, client_id, user_id) VALUES (?, ?, ?)');
    this.insertUpdate = db.prepare('INSERT INTO text_updates (letter_id, body, user_id, created_at) VALUES (?, ?, ?, ?)');
    this.touchLetter = db.prepare('UPDATE letters SET updated_at = ? WHERE id = ? AND updated_at < ?');
    this.appendAll = db.transaction((updates: readonly UpdateToAppend[]) => this.appendWithin(updates));
  }

  /**
   * Stores the updates in one transaction and returns their sequence numbers, in order. IMMEDIATE:
   * the write lock is taken before the letters' status is read, so that a move to ready made on
   * another connection is either wholly before this batch (TextReadOnly) or wholly after it.
   */
  append(updates: readonly UpdateToAppend[]): number[] {
    if (updates.length === 0) return [];
    return this.appendAll.immediate(updates);
  }

  private appendWithin(updates: readonly UpdateToAppend[]): number[] {
    const letterIds = Array.from(new Set(updates.map((u) => u.letterId)));
    const readOnly = letterIds.filter((letterId) => {
      const row = this.readStatus.get(letterId) as { status: (typeof textReadOnlyStatuses)[number] } | undefined;
      return row !== undefined && textReadOnlyStatuses.includes(row.status);
    });
    if (readOnly.length > 0) throw new TextReadOnly(readOnly);
    const at = new Date();
    const now = at.toISOString();
    const seqs = updates.map((u) => {
      for (const clientId of u.newClientIds) this.claimClient.run(u.letterId, clientId, u.userId);
      const seq = Number(this.insertUpdate.run(u.letterId, u.update, u.userId, now).lastInsertRowid);
      this.history.writeRevisions(u.revisions);
      this.audit.appendWithin(u.audit);
      return seq;
    });
    const touchedBefore = new Date(at.getTime() - touchEveryMs).toISOString();
    for (const letterId of letterIds) this.touchLetter.run(now, letterId, touchedBefore);
    return seqs;
  }
}
