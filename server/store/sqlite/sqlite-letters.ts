import type Database from 'better-sqlite3';
import type { LetterStatus } from '../../../shared/api/letters.js';
import type { Role } from '../../../shared/domain/roles.js';
import type { LetterDetails } from '../../../shared/api/letter-details.js';
import type { AuditDraft, DetailsEditRecord, LetterListEntry, LetterRecord, LetterStore, MembershipRecord, NewLetter, SignatoryRecord } from '../store.js';
import type { SqliteAudit } from './sqlite-audit.js';
import type { SqliteHistory } from './sqlite-history.js';

interface LetterRow {
  id: string;
  title: string;
  subject: string;
  addressees: string;
  letter_date: string | null;
  status: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

function toLetter(row: LetterRow): LetterRecord {
  return {
    id: row.id,
    title: row.title,
    subject: row.subject,
    addressees: JSON.parse(row.addressees) as string[],
    letterDate: row.letter_date,
    status: row.status as LetterStatus,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export class SqliteLetters implements LetterStore {
  constructor(
    private readonly db: Database.Database,
    private readonly history: SqliteHistory,
    private readonly audit: SqliteAudit,
  ) {}

  async createLetter({ letter, signatories, memberships, initialText, initialRevisions, audit }: NewLetter): Promise<void> {
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO letters (id, title, subject, addressees, letter_date, status, created_by, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          letter.id,
          letter.title,
          letter.subject,
          JSON.stringify(letter.addressees),
          letter.letterDate,
          letter.status,
          letter.createdBy,
          letter.createdAt,
          letter.updatedAt,
        );
      const addSignatory = this.db.prepare(
        'INSERT INTO signatories (letter_id, office_id, position, signer_name, capacity) VALUES (?, ?, ?, ?, ?)',
      );
      for (const s of signatories) addSignatory.run(letter.id, s.officeId, s.position, s.signerName, s.capacity);
      const addMember = this.db.prepare('INSERT INTO memberships (letter_id, user_id, roles) VALUES (?, ?, ?)');
      for (const m of memberships) addMember.run(letter.id, m.userId, JSON.stringify(m.roles));
      if (initialText) {
        this.db
          .prepare('INSERT INTO text_snapshots (letter_id, snapshot, state_vector, through_seq) VALUES (?, ?, ?, 0)')
          .run(letter.id, initialText.state, initialText.stateVector);
      }
      this.history.writeRevisions(initialRevisions?.map((revision) => ({ op: 'open', revision })));
      this.audit.appendWithin(audit);
    })();
  }

  async getLetter(id: string): Promise<LetterRecord | null> {
    const row = this.db.prepare('SELECT * FROM letters WHERE id = ?').get(id) as LetterRow | undefined;
    return row ? toLetter(row) : null;
  }

  async listLetters(): Promise<LetterListEntry[]> {
    const rows = this.db
      .prepare(
        `SELECT l.*, (SELECT COUNT(*) FROM signatories s WHERE s.letter_id = l.id) AS signatory_count
         FROM letters l ORDER BY l.updated_at DESC, l.id`,
      )
      .all() as (LetterRow & { signatory_count: number })[];
    return rows.map((row) => ({ ...toLetter(row), signatoryCount: row.signatory_count }));
  }

  async listSignatories(letterId: string): Promise<SignatoryRecord[]> {
    return this.db
      .prepare(
        `SELECT position, office_id AS officeId, signer_name AS signerName, capacity
         FROM signatories WHERE letter_id = ? ORDER BY position`,
      )
      .all(letterId) as SignatoryRecord[];
  }

  async getRoles(letterId: string, userId: string): Promise<Role[]> {
    const row = this.db
      .prepare('SELECT roles FROM memberships WHERE letter_id = ? AND user_id = ?')
      .get(letterId, userId) as { roles: string } | undefined;
    return row ? (JSON.parse(row.roles) as Role[]) : [];
  }

  async listMembers(letterId: string): Promise<MembershipRecord[]> {
    const rows = this.db
      .prepare('SELECT user_id AS userId, roles FROM memberships WHERE letter_id = ? ORDER BY rowid')
      .all(letterId) as { userId: string; roles: string }[];
    return rows.map((row) => ({ userId: row.userId, roles: JSON.parse(row.roles) as Role[] }));
  }

  async setRoles(letterId: string, userId: string, roles: Role[], audit?: AuditDraft[]): Promise<void> {
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO memberships (letter_id, user_id, roles) VALUES (?, ?, ?)
           ON CONFLICT (letter_id, user_id) DO UPDATE SET roles = excluded.roles`,
        )
        .run(letterId, userId, JSON.stringify(roles));
      this.audit.appendWithin(audit);
    })();
  }

  async removeMember(letterId: string, userId: string, audit?: AuditDraft[]): Promise<void> {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM memberships WHERE letter_id = ? AND user_id = ?').run(letterId, userId);
      this.audit.appendWithin(audit);
    })();
  }

  async updateDetails(
    letterId: string,
    details: LetterDetails,
    edit: Omit<DetailsEditRecord, 'id'>,
    audit: AuditDraft[],
    onlyIn: readonly LetterStatus[],
  ): Promise<boolean> {
    return this.db.transaction(() => {
      const current = this.db.prepare('SELECT status FROM letters WHERE id = ?').get(letterId) as { status: LetterStatus } | undefined;
      if (!current || !onlyIn.includes(current.status)) return false;
      this.db
        .prepare('UPDATE letters SET title = ?, subject = ?, addressees = ?, letter_date = ?, updated_at = ? WHERE id = ?')
        .run(details.title, details.subject, JSON.stringify(details.addressees), details.letterDate, edit.createdAt, letterId);
      this.db
        .prepare('INSERT INTO letter_details_edits (letter_id, user_id, created_at, changes) VALUES (?, ?, ?, ?)')
        .run(letterId, edit.userId, edit.createdAt, JSON.stringify(edit.changes));
      this.audit.appendWithin(audit);
      return true;
    })();
  }

  async listDetailsEdits(letterId: string): Promise<DetailsEditRecord[]> {
    const rows = this.db
      .prepare(
        `SELECT id, letter_id AS letterId, user_id AS userId, created_at AS createdAt, changes
         FROM letter_details_edits WHERE letter_id = ? ORDER BY id DESC`,
      )
      .all(letterId) as (Omit<DetailsEditRecord, 'changes'> & { changes: string })[];
    return rows.map((row) => ({ ...row, changes: JSON.parse(row.changes) as DetailsEditRecord['changes'] }));
  }
}
