import type Database from 'better-sqlite3';
import { LetterStatus } from '../../../shared/api/letters.js';
import { type AuditDraft, DuplicateFinalSignature, LetterEventKind, type LetterEventConditions, TextMovedOn, type LetterEventRecord, type SignatoryRecord, type SignoffRecord, type SignoffStore } from '../store.js';
import type { SqliteAudit } from './sqlite-audit.js';

const signoffColumns = `id, letter_id AS letterId, paragraph_id AS paragraphId, office_id AS officeId, action,
  content_hash AS contentHash, paragraph_text AS paragraphText, reason, user_id AS userId, created_at AS createdAt`;
const eventColumns = `id, letter_id AS letterId, kind, office_id AS officeId, from_status AS fromStatus,
  to_status AS toStatus, letter_hash AS letterHash, reason, user_id AS userId, created_at AS createdAt`;

export class SqliteSignoffs implements SignoffStore {
  constructor(
    private readonly db: Database.Database,
    private readonly audit: SqliteAudit,
  ) {}

  async appendSignoffs(acts: Omit<SignoffRecord, 'id'>[], audit?: AuditDraft[]): Promise<SignoffRecord[]> {
    const insert = this.db.prepare(
      `INSERT INTO signoffs (letter_id, paragraph_id, office_id, action, content_hash, paragraph_text, reason, user_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    return this.db.transaction(() => {
      const recorded = acts.map((act) => {
        const result = insert.run(act.letterId, act.paragraphId, act.officeId, act.action, act.contentHash, act.paragraphText, act.reason, act.userId, act.createdAt);
        return { ...act, id: Number(result.lastInsertRowid) };
      });
      this.audit.appendWithin(audit);
      return recorded;
    })();
  }

  async listSignoffs(letterId: string): Promise<SignoffRecord[]> {
    return this.db.prepare(`SELECT ${signoffColumns} FROM signoffs WHERE letter_id = ? ORDER BY id`).all(letterId) as SignoffRecord[];
  }

  async recordLetterEvent(
    event: Omit<LetterEventRecord, 'id'>,
    expectedStatus: LetterStatus,
    audit?: AuditDraft[],
    conditions: LetterEventConditions = {},
  ): Promise<boolean> {
    try {
      return this.recordLetterEventWithin(event, expectedStatus, audit, conditions);
    } catch (error) {
      if ((error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE' && event.kind === LetterEventKind.finalSignature) {
        throw new DuplicateFinalSignature('this office already signed this letter hash');
      }
      throw error;
    }
  }

  private recordLetterEventWithin(
    event: Omit<LetterEventRecord, 'id'>,
    expectedStatus: LetterStatus,
    audit: AuditDraft[] | undefined,
    conditions: LetterEventConditions,
  ): boolean {
    return this.db.transaction(() => {
      if (event.toStatus !== null) {
        const moved = this.db
          .prepare('UPDATE letters SET status = ?, updated_at = ? WHERE id = ? AND status = ?')
          .run(event.toStatus, event.createdAt, event.letterId, expectedStatus);
        if (moved.changes !== 1) return false;
      } else {
        const current = this.db.prepare('SELECT status FROM letters WHERE id = ?').get(event.letterId) as { status: string } | undefined;
        if (current?.status !== expectedStatus) return false;
      }
      if (conditions.textThroughSeq !== undefined && this.lastTextSeq(event.letterId) > conditions.textThroughSeq) {
        throw new TextMovedOn('text was stored after the checked text');
      }
      this.insertEvent(event);
      this.audit.appendWithin(audit);
      return true;
    })();
  }

  /** The newest stored text update of a letter, counting those a compaction merged into its snapshot. */
  private lastTextSeq(letterId: string): number {
    const row = this.db
      .prepare(
        'SELECT max(coalesce((SELECT max(seq) FROM text_updates WHERE letter_id = ?), 0), coalesce((SELECT through_seq FROM text_snapshots WHERE letter_id = ?), 0)) AS seq',
      )
      .get(letterId, letterId) as { seq: number };
    return row.seq;
  }

  async listLetterEvents(letterId: string): Promise<LetterEventRecord[]> {
    return this.db.prepare(`SELECT ${eventColumns} FROM letter_events WHERE letter_id = ? ORDER BY id`).all(letterId) as LetterEventRecord[];
  }

  async replaceSignatories(
    letterId: string,
    signatories: SignatoryRecord[],
    event: Omit<LetterEventRecord, 'id'>,
    audit?: AuditDraft[],
    onlyIn?: readonly LetterStatus[],
  ): Promise<boolean> {
    const insert = this.db.prepare(
      'INSERT INTO signatories (letter_id, office_id, position, signer_name, capacity) VALUES (?, ?, ?, ?, ?)',
    );
    return this.db.transaction(() => {
      const current = this.db.prepare('SELECT status FROM letters WHERE id = ?').get(letterId) as { status: LetterStatus } | undefined;
      if (onlyIn && (!current || !onlyIn.includes(current.status))) return false;
      this.db.prepare('DELETE FROM signatories WHERE letter_id = ?').run(letterId);
      for (const s of signatories) insert.run(letterId, s.officeId, s.position, s.signerName, s.capacity);
      this.insertEvent(event);
      this.audit.appendWithin(audit);
      return true;
    })();
  }

  async nextStateSeq(letterId: string): Promise<number> {
    const row = this.db
      .prepare('INSERT INTO letter_state_seq (letter_id, seq) VALUES (?, 1) ON CONFLICT (letter_id) DO UPDATE SET seq = letter_state_seq.seq + 1 RETURNING seq')
      .get(letterId) as { seq: number };
    return row.seq;
  }

  async currentStateSeq(letterId: string): Promise<number> {
    const row = this.db.prepare('SELECT seq FROM letter_state_seq WHERE letter_id = ?').get(letterId) as { seq: number } | undefined;
    return row?.seq ?? 0;
  }

  private insertEvent(event: Omit<LetterEventRecord, 'id'>): void {
    const round =
      event.kind === LetterEventKind.finalSignature
        ? (this.db.prepare('SELECT COUNT(*) AS n FROM letter_events WHERE letter_id = ? AND to_status = ?').get(event.letterId, LetterStatus.ready) as { n: number }).n
        : null;
    this.db
      .prepare(
        `INSERT INTO letter_events (letter_id, kind, office_id, from_status, to_status, letter_hash, reason, user_id, created_at, signing_round)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(event.letterId, event.kind, event.officeId, event.fromStatus, event.toStatus, event.letterHash, event.reason, event.userId, event.createdAt, round);
  }
}
