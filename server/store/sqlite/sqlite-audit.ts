import type Database from 'better-sqlite3';
import { auditEventHash, auditGenesisHash } from '../../../shared/domain/audit-hash.js';
import type { AuditDraft, AuditPage, AuditRecord, AuditStore } from '../store.js';

const auditColumns = `seq, at, kind, actor_user_id AS actorUserId, actor_office_id AS actorOfficeId, letter_id AS letterId,
  detail, previous_hash AS previousHash, hash`;

/**
 * The audit chain in SQLite. `appendWithin` is called inside another area's transaction so that
 * an act and its audit events are stored together; the chain's head is read in that transaction.
 */
export class SqliteAudit implements AuditStore {
  // Prepared at first use, then kept: commits that carry audit events run them.
  private readHead: Database.Statement | null = null;
  private insertEvent: Database.Statement | null = null;

  constructor(private readonly db: Database.Database) {}

  async append(drafts: AuditDraft[]): Promise<AuditRecord[]> {
    return this.db.transaction(() => this.appendWithin(drafts))();
  }

  /** Chains and inserts `drafts`; must run inside a transaction. */
  appendWithin(drafts: readonly AuditDraft[] | undefined): AuditRecord[] {
    if (!drafts || drafts.length === 0) return [];
    this.readHead ??= this.db.prepare('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1');
    const head = this.readHead.get() as { seq: number; hash: string } | undefined;
    const insert = (this.insertEvent ??= this.db.prepare(
      `INSERT INTO audit_events (seq, at, kind, actor_user_id, actor_office_id, letter_id, detail, previous_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ));
    let seq = head?.seq ?? 0;
    let previousHash = head?.hash ?? auditGenesisHash;
    return drafts.map((draft) => {
      seq += 1;
      const fields = {
        seq,
        at: draft.at,
        kind: draft.kind,
        actorUserId: draft.actorUserId,
        actorOfficeId: draft.actorOfficeId,
        letterId: draft.letterId,
        detail: JSON.stringify(draft.detail),
        previousHash,
      };
      const record = { ...fields, hash: auditEventHash(fields) };
      insert.run(record.seq, record.at, record.kind, record.actorUserId, record.actorOfficeId, record.letterId, record.detail, record.previousHash, record.hash);
      previousHash = record.hash;
      return record;
    });
  }

  async listForLetter(letterId: string): Promise<AuditRecord[]> {
    return this.db.prepare(`SELECT ${auditColumns} FROM audit_events WHERE letter_id = ? ORDER BY seq`).all(letterId) as AuditRecord[];
  }

  async pageForLetter(letterId: string, page: AuditPage): Promise<AuditRecord[]> {
    const conditions = ['letter_id = ?'];
    const values: (string | number)[] = [letterId];
    const add = (sql: string, value: string | number) => {
      conditions.push(sql);
      values.push(value);
    };
    if (page.beforeSeq !== undefined) add('seq < ?', page.beforeSeq);
    if (page.kind !== undefined) add('kind = ?', page.kind);
    if (page.actorUserId !== undefined) add('actor_user_id = ?', page.actorUserId);
    if (page.actorOfficeId !== undefined) add('actor_office_id = ?', page.actorOfficeId);
    return this.db
      .prepare(`SELECT ${auditColumns} FROM audit_events WHERE ${conditions.join(' AND ')} ORDER BY seq DESC LIMIT ?`)
      .all(...values, page.limit) as AuditRecord[];
  }

  async readChain(afterSeq: number, limit: number): Promise<AuditRecord[]> {
    return this.db.prepare(`SELECT ${auditColumns} FROM audit_events WHERE seq > ? ORDER BY seq LIMIT ?`).all(afterSeq, limit) as AuditRecord[];
  }
}
