import { LetterStatus } from '../../../shared/api/letters.js';
import { type AuditDraft, DuplicateFinalSignature, LetterEventKind, type LetterEventConditions, TextMovedOn, type LetterEventRecord, type SignatoryRecord, type SignoffRecord, type SignoffStore } from '../store.js';
import { appendAuditWithin } from './postgres-audit.js';
import type { PgDatabase, Queryable } from './pg-database.js';

const signoffColumns = `id::int, letter_id AS "letterId", paragraph_id AS "paragraphId", office_id AS "officeId", action,
  content_hash AS "contentHash", paragraph_text AS "paragraphText", reason, user_id AS "userId", created_at AS "createdAt"`;
const eventColumns = `id::int, letter_id AS "letterId", kind, office_id AS "officeId", from_status AS "fromStatus",
  to_status AS "toStatus", letter_hash AS "letterHash", reason, user_id AS "userId", created_at AS "createdAt"`;

/** PostgreSQL's SQLSTATE for a broken unique constraint. */
const uniqueViolation = '23505';

export class PostgresSignoffs implements SignoffStore {
  constructor(private readonly db: PgDatabase) {}

  async appendSignoffs(acts: Omit<SignoffRecord, 'id'>[], audit?: AuditDraft[]): Promise<SignoffRecord[]> {
    return this.db.transaction(async (tx) => {
      const recorded: SignoffRecord[] = [];
      for (const act of acts) {
        const { rows } = await tx.query<{ id: number }>(
          `INSERT INTO signoffs (letter_id, paragraph_id, office_id, action, content_hash, paragraph_text, reason, user_id, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id::int`,
          [act.letterId, act.paragraphId, act.officeId, act.action, act.contentHash, act.paragraphText, act.reason, act.userId, act.createdAt],
        );
        recorded.push({ ...act, id: rows[0]!.id });
      }
      await appendAuditWithin(tx, audit);
      return recorded;
    });
  }

  async listSignoffs(letterId: string): Promise<SignoffRecord[]> {
    return (await this.db.query<SignoffRecord>(`SELECT ${signoffColumns} FROM signoffs WHERE letter_id = $1 ORDER BY id`, [letterId])).rows;
  }

  async recordLetterEvent(
    event: Omit<LetterEventRecord, 'id'>,
    expectedStatus: LetterStatus,
    audit?: AuditDraft[],
    conditions: LetterEventConditions = {},
  ): Promise<boolean> {
    try {
      return await this.recordLetterEventWithin(event, expectedStatus, audit, conditions);
    } catch (error) {
      if ((error as { code?: unknown }).code === uniqueViolation && event.kind === LetterEventKind.finalSignature) {
        throw new DuplicateFinalSignature('this office already signed this letter hash');
      }
      throw error;
    }
  }

  private async recordLetterEventWithin(
    event: Omit<LetterEventRecord, 'id'>,
    expectedStatus: LetterStatus,
    audit: AuditDraft[] | undefined,
    conditions: LetterEventConditions,
  ): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      if (event.toStatus !== null) {
        // A racing transition on another instance commits first; this UPDATE then re-reads the row and matches nothing.
        const moved = await tx.query('UPDATE letters SET status = $1, updated_at = $2 WHERE id = $3 AND status = $4', [
          event.toStatus,
          event.createdAt,
          event.letterId,
          expectedStatus,
        ]);
        if (moved.rowCount !== 1) return false;
      } else {
        // Held until commit: no transition can slip in between the check and the event.
        const { rows } = await tx.query<{ status: string }>('SELECT status FROM letters WHERE id = $1 FOR NO KEY UPDATE', [event.letterId]);
        if (rows[0]?.status !== expectedStatus) return false;
      }
      // The letter's row is locked now, as every append of text locks it: no update can be stored in between.
      if (conditions.textThroughSeq !== undefined && (await lastTextSeq(tx, event.letterId)) > conditions.textThroughSeq) {
        throw new TextMovedOn('text was stored after the checked text');
      }
      await insertEvent(tx, event);
      await appendAuditWithin(tx, audit);
      return true;
    });
  }

  async nextStateSeq(letterId: string): Promise<number> {
    const { rows } = await this.db.query<{ seq: string }>(
      'INSERT INTO letter_state_seq (letter_id, seq) VALUES ($1, 1) ON CONFLICT (letter_id) DO UPDATE SET seq = letter_state_seq.seq + 1 RETURNING seq',
      [letterId],
    );
    return Number(rows[0]!.seq);
  }

  async currentStateSeq(letterId: string): Promise<number> {
    const { rows } = await this.db.query<{ seq: string }>('SELECT seq FROM letter_state_seq WHERE letter_id = $1', [letterId]);
    return rows[0] ? Number(rows[0].seq) : 0;
  }

  async listLetterEvents(letterId: string): Promise<LetterEventRecord[]> {
    return (await this.db.query<LetterEventRecord>(`SELECT ${eventColumns} FROM letter_events WHERE letter_id = $1 ORDER BY id`, [letterId])).rows;
  }

  async replaceSignatories(
    letterId: string,
    signatories: SignatoryRecord[],
    event: Omit<LetterEventRecord, 'id'>,
    audit?: AuditDraft[],
    onlyIn?: readonly LetterStatus[],
  ): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      // Two coordinators replacing the list at once take turns; the later list wins whole.
      const { rows } = await tx.query<{ status: LetterStatus }>('SELECT status FROM letters WHERE id = $1 FOR NO KEY UPDATE', [letterId]);
      if (onlyIn && (!rows[0] || !onlyIn.includes(rows[0].status))) return false;
      await tx.query('DELETE FROM signatories WHERE letter_id = $1', [letterId]);
      for (const s of signatories) {
        await tx.query('INSERT INTO signatories (letter_id, office_id, position, signer_name, capacity) VALUES ($1, $2, $3, $4, $5)', [
          letterId,
          s.officeId,
          s.position,
          s.signerName,
          s.capacity,
        ]);
      }
      await insertEvent(tx, event);
      await appendAuditWithin(tx, audit);
      return true;
    });
  }
}

async function insertEvent(tx: Queryable, event: Omit<LetterEventRecord, 'id'>): Promise<void> {
  // The letter's row lock, taken before, keeps the round from moving until this commits.
  const round =
    event.kind === LetterEventKind.finalSignature
      ? (await tx.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM letter_events WHERE letter_id = $1 AND to_status = $2', [event.letterId, LetterStatus.ready])).rows[0]!.n
      : null;
  await tx.query(
    `INSERT INTO letter_events (letter_id, kind, office_id, from_status, to_status, letter_hash, reason, user_id, created_at, signing_round)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [event.letterId, event.kind, event.officeId, event.fromStatus, event.toStatus, event.letterHash, event.reason, event.userId, event.createdAt, round],
  );
}

/** The newest stored text update of a letter, counting those a compaction merged into its snapshot. */
async function lastTextSeq(tx: Queryable, letterId: string): Promise<number> {
  const { rows } = await tx.query<{ seq: string | null }>(
    `SELECT GREATEST((SELECT max(seq) FROM text_updates WHERE letter_id = $1), (SELECT through_seq FROM text_snapshots WHERE letter_id = $1)) AS seq`,
    [letterId],
  );
  return Number(rows[0]?.seq ?? 0);
}
