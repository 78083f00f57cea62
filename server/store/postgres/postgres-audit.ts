import { auditEventHash, auditGenesisHash } from '../../../shared/domain/audit-hash.js';
import type { AuditDraft, AuditPage, AuditRecord, AuditStore } from '../store.js';
import type { PgDatabase, Queryable } from './pg-database.js';

const auditColumns = `seq::int, at, kind, actor_user_id AS "actorUserId", actor_office_id AS "actorOfficeId", letter_id AS "letterId",
  detail, previous_hash AS "previousHash", hash`;
/** Every instance appends to one chain: this transaction-scoped lock makes them take turns at its head. */
const chainLockKey = 0x4a4c4155; // any fixed number, used for nothing else

/** Chains and inserts `drafts` inside the caller's transaction, so an act and its events commit together. */
export async function appendAuditWithin(tx: Queryable, drafts: readonly AuditDraft[] | undefined): Promise<AuditRecord[]> {
  if (!drafts || drafts.length === 0) return [];
  await tx.query('SELECT pg_advisory_xact_lock($1)', [chainLockKey]);
  const head = (await tx.query<{ seq: number; hash: string }>('SELECT seq::int, hash FROM audit_events ORDER BY seq DESC LIMIT 1')).rows[0];
  let seq = head?.seq ?? 0;
  let previousHash = head?.hash ?? auditGenesisHash;
  const records: AuditRecord[] = [];
  for (const draft of drafts) {
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
    await tx.query(
      `INSERT INTO audit_events (seq, at, kind, actor_user_id, actor_office_id, letter_id, detail, previous_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [record.seq, record.at, record.kind, record.actorUserId, record.actorOfficeId, record.letterId, record.detail, record.previousHash, record.hash],
    );
    previousHash = record.hash;
    records.push(record);
  }
  return records;
}

export class PostgresAudit implements AuditStore {
  constructor(private readonly db: PgDatabase) {}

  append(drafts: AuditDraft[]): Promise<AuditRecord[]> {
    return this.db.transaction((tx) => appendAuditWithin(tx, drafts));
  }

  async listForLetter(letterId: string): Promise<AuditRecord[]> {
    return (await this.db.query<AuditRecord>(`SELECT ${auditColumns} FROM audit_events WHERE letter_id = $1 ORDER BY seq`, [letterId])).rows;
  }

  async pageForLetter(letterId: string, page: AuditPage): Promise<AuditRecord[]> {
    const values: (string | number)[] = [letterId];
    const conditions = ['letter_id = $1'];
    const add = (sql: string, value: string | number) => {
      values.push(value);
      conditions.push(`${sql} $${values.length}`);
    };
    if (page.beforeSeq !== undefined) add('seq <', page.beforeSeq);
    if (page.kind !== undefined) add('kind =', page.kind);
    if (page.actorUserId !== undefined) add('actor_user_id =', page.actorUserId);
    if (page.actorOfficeId !== undefined) add('actor_office_id =', page.actorOfficeId);
    values.push(page.limit);
    const sql = `SELECT ${auditColumns} FROM audit_events WHERE ${conditions.join(' AND ')} ORDER BY seq DESC LIMIT $${values.length}`;
    return (await this.db.query<AuditRecord>(sql, values)).rows;
  }

  async readChain(afterSeq: number, limit: number): Promise<AuditRecord[]> {
    return (await this.db.query<AuditRecord>(`SELECT ${auditColumns} FROM audit_events WHERE seq > $1 ORDER BY seq LIMIT $2`, [afterSeq, limit])).rows;
  }
}
