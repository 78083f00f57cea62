import { auditEventHash, auditGenesisHash } from '../../../shared/domain/audit-hash.js';
import type { AuditDraft, AuditPage, AuditRecord, AuditStore } from '../store.js';
import type { PgDatabase, Queryable } from './pg-database.js';

const auditColumns = `seq::int, at, kind, actor_user_id AS "actorUserId", actor_office_id AS "actorOfficeId", letter_id AS "letterId",
  detail, previous_hash AS "previousHash", hash`;
/** Every instance appends to one chain: this transaction-scoped lock makes them take turns at its head. */
const chainLockKey = 0x4a4c4155; // any fixed number, used for nothing else

const chainLockStatement = { name: 'audit-chain-lock', text: 'SELECT pg_advisory_xact_lock($1)' };
const chainHeadStatement = { name: 'audit-chain-head', text: 'SELECT seq::int, hash FROM audit_events ORDER BY seq DESC LIMIT 1' };
const insertEventsStatement = {
  name: 'audit-insert-events',
  text: `INSERT INTO audit_events (seq, at, kind, actor_user_id, actor_office_id, letter_id, detail, previous_hash, hash)
    SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])`,
};

/** Chains and inserts `drafts` inside the caller's transaction, so an act and its events commit together. */
export async function appendAuditWithin(tx: Queryable, drafts: readonly AuditDraft[] | undefined): Promise<AuditRecord[]> {
  if (!drafts || drafts.length === 0) return [];
  await tx.query({ ...chainLockStatement, values: [chainLockKey] });
  const head = (await tx.query<{ seq: number; hash: string }>({ ...chainHeadStatement, values: [] })).rows[0];
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
    previousHash = record.hash;
    records.push(record);
  }
  // The whole chain's new links in one statement: their numbers and hashes are worked out above.
  const column = <T>(pick: (record: AuditRecord) => T) => records.map(pick);
  await tx.query({
    ...insertEventsStatement,
    values: [
      column((r) => r.seq),
      column((r) => r.at),
      column((r) => r.kind),
      column((r) => r.actorUserId),
      column((r) => r.actorOfficeId),
      column((r) => r.letterId),
      column((r) => r.detail),
      column((r) => r.previousHash),
      column((r) => r.hash),
    ],
  });
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
