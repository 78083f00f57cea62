import type { LetterStatus } from '../../../shared/api/letters.js';
import type { Role } from '../../../shared/domain/roles.js';
import type { LetterDetails } from '../../../shared/api/letter-details.js';
import type { AuditDraft, DetailsEditRecord, LetterListEntry, LetterRecord, LetterStore, MembershipRecord, NewLetter, SignatoryRecord } from '../store.js';
import { appendAuditWithin } from './postgres-audit.js';
import { writeRevisionsWithin } from './postgres-history.js';
import type { PgDatabase } from './pg-database.js';

const letterColumns = `id, title, subject, addressees, letter_date AS "letterDate", status, created_by AS "createdBy",
  created_at AS "createdAt", updated_at AS "updatedAt"`;

type LetterRow = Omit<LetterRecord, 'status'> & { status: string };
const toLetter = (row: LetterRow): LetterRecord => ({ ...row, status: row.status as LetterStatus });

export class PostgresLetters implements LetterStore {
  constructor(private readonly db: PgDatabase) {}

  async createLetter({ letter, signatories, memberships, initialText, initialRevisions, audit }: NewLetter): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO letters (id, title, subject, addressees, letter_date, status, created_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          letter.id,
          letter.title,
          letter.subject,
          JSON.stringify(letter.addressees),
          letter.letterDate,
          letter.status,
          letter.createdBy,
          letter.createdAt,
          letter.updatedAt,
        ],
      );
      for (const s of signatories) {
        await tx.query('INSERT INTO signatories (letter_id, office_id, position, signer_name, capacity) VALUES ($1, $2, $3, $4, $5)', [
          letter.id,
          s.officeId,
          s.position,
          s.signerName,
          s.capacity,
        ]);
      }
      for (const m of memberships) {
        await tx.query('INSERT INTO memberships (letter_id, user_id, roles) VALUES ($1, $2, $3)', [letter.id, m.userId, JSON.stringify(m.roles)]);
      }
      if (initialText) {
        await tx.query('INSERT INTO text_snapshots (letter_id, snapshot, state_vector, through_seq) VALUES ($1, $2, $3, 0)', [
          letter.id,
          initialText.state,
          initialText.stateVector,
        ]);
      }
      await writeRevisionsWithin(tx, initialRevisions?.map((revision) => ({ op: 'open' as const, revision })));
      await appendAuditWithin(tx, audit);
    });
  }

  async getLetter(id: string): Promise<LetterRecord | null> {
    const row = (await this.db.query<LetterRow>(`SELECT ${letterColumns} FROM letters WHERE id = $1`, [id])).rows[0];
    return row ? toLetter(row) : null;
  }

  async listLetters(): Promise<LetterListEntry[]> {
    const { rows } = await this.db.query<LetterRow & { signatoryCount: number }>(
      `SELECT ${letterColumns}, (SELECT COUNT(*)::int FROM signatories s WHERE s.letter_id = letters.id) AS "signatoryCount"
       FROM letters ORDER BY updated_at COLLATE "C" DESC, id COLLATE "C"`,
    );
    return rows.map(({ signatoryCount, ...row }) => ({ ...toLetter(row), signatoryCount }));
  }

  async listSignatories(letterId: string): Promise<SignatoryRecord[]> {
    const { rows } = await this.db.query<SignatoryRecord>(
      `SELECT position, office_id AS "officeId", signer_name AS "signerName", capacity
       FROM signatories WHERE letter_id = $1 ORDER BY position`,
      [letterId],
    );
    return rows;
  }

  async getRoles(letterId: string, userId: string): Promise<Role[]> {
    const { rows } = await this.db.query<{ roles: Role[] }>('SELECT roles FROM memberships WHERE letter_id = $1 AND user_id = $2', [
      letterId,
      userId,
    ]);
    return rows[0]?.roles ?? [];
  }

  async listMembers(letterId: string): Promise<MembershipRecord[]> {
    const { rows } = await this.db.query<MembershipRecord>(
      'SELECT user_id AS "userId", roles FROM memberships WHERE letter_id = $1 ORDER BY position',
      [letterId],
    );
    return rows;
  }

  async setRoles(letterId: string, userId: string, roles: Role[], audit?: AuditDraft[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO memberships (letter_id, user_id, roles) VALUES ($1, $2, $3)
         ON CONFLICT (letter_id, user_id) DO UPDATE SET roles = excluded.roles`,
        [letterId, userId, JSON.stringify(roles)],
      );
      await appendAuditWithin(tx, audit);
    });
  }

  async removeMember(letterId: string, userId: string, audit?: AuditDraft[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query('DELETE FROM memberships WHERE letter_id = $1 AND user_id = $2', [letterId, userId]);
      await appendAuditWithin(tx, audit);
    });
  }

  async updateDetails(
    letterId: string,
    details: LetterDetails,
    edit: Omit<DetailsEditRecord, 'id'>,
    audit: AuditDraft[],
    onlyIn: readonly LetterStatus[],
  ): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      // Locks the letter so that a status move cannot slip between the check and the change.
      const { rows } = await tx.query<{ status: LetterStatus }>('SELECT status FROM letters WHERE id = $1 FOR NO KEY UPDATE', [letterId]);
      if (!rows[0] || !onlyIn.includes(rows[0].status)) return false;
      await tx.query('UPDATE letters SET title = $1, subject = $2, addressees = $3, letter_date = $4, updated_at = $5 WHERE id = $6', [
        details.title,
        details.subject,
        JSON.stringify(details.addressees),
        details.letterDate,
        edit.createdAt,
        letterId,
      ]);
      await tx.query('INSERT INTO letter_details_edits (letter_id, user_id, created_at, changes) VALUES ($1, $2, $3, $4)', [
        letterId,
        edit.userId,
        edit.createdAt,
        JSON.stringify(edit.changes),
      ]);
      await appendAuditWithin(tx, audit);
      return true;
    });
  }

  async listDetailsEdits(letterId: string): Promise<DetailsEditRecord[]> {
    const { rows } = await this.db.query<Omit<DetailsEditRecord, 'id'> & { id: string }>(
      `SELECT id, letter_id AS "letterId", user_id AS "userId", created_at AS "createdAt", changes
       FROM letter_details_edits WHERE letter_id = $1 ORDER BY id DESC`,
      [letterId],
    );
    return rows.map((row) => ({ ...row, id: Number(row.id) }));
  }
}
