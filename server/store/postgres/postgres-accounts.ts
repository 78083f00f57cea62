import type { Office } from '../../../shared/api/offices.js';
import type { AccountRecord, AccountStore, AuditDraft, InvitationRecord, SessionRecord, UserRecord } from '../store.js';
import { appendAuditWithin } from './postgres-audit.js';
import type { PgDatabase } from './pg-database.js';

const officeColumns =
  'id, name, name_en AS "nameEn", country, minister_name AS "ministerName", minister_title AS "ministerTitle", color';
const userColumns =
  'id, office_id AS "officeId", name, email, is_admin AS "isAdmin", is_office_admin AS "isOfficeAdmin", is_guest AS "isGuest", password_hash IS NOT NULL AS "hasPassword", created_at AS "createdAt"';
const sessionColumns =
  'id, user_id AS "userId", created_at AS "createdAt", last_seen_at AS "lastSeenAt", expires_at AS "expiresAt"';
const invitationColumns =
  'token_hash AS "tokenHash", user_id AS "userId", created_by AS "createdBy", created_at AS "createdAt", expires_at AS "expiresAt", used_at AS "usedAt"';

export class PostgresAccounts implements AccountStore {
  constructor(private readonly db: PgDatabase) {}

  async insertOffices(offices: Office[], audit?: AuditDraft[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      for (const o of offices) {
        await tx.query(
          `INSERT INTO offices (id, name, name_en, country, minister_name, minister_title, color) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [o.id, o.name, o.nameEn, o.country, o.ministerName, o.ministerTitle, o.color],
        );
      }
      await appendAuditWithin(tx, audit);
    });
  }

  async listOffices(): Promise<Office[]> {
    return (await this.db.query<Office>(`SELECT ${officeColumns} FROM offices ORDER BY position`)).rows;
  }

  async insertUser(user: AccountRecord, audit?: AuditDraft[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query(
        'INSERT INTO users (id, office_id, name, email, password_hash, is_admin, is_guest, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
        [user.id, user.officeId, user.name, user.email, user.passwordHash, user.isAdmin, user.isGuest ?? false, user.createdAt],
      );
      await appendAuditWithin(tx, audit);
    });
  }

  async getUser(id: string): Promise<UserRecord | null> {
    return (await this.db.query<UserRecord>(`SELECT ${userColumns} FROM users WHERE id = $1`, [id])).rows[0] ?? null;
  }

  async findAccountByEmail(email: string): Promise<AccountRecord | null> {
    const { rows } = await this.db.query<UserRecord & { passwordHash: string | null }>(
      `SELECT ${userColumns}, password_hash AS "passwordHash" FROM users WHERE email = $1`,
      [email],
    );
    const row = rows[0];
    if (!row) return null;
    const { hasPassword: _derived, isOfficeAdmin: _role, isGuest, ...account } = row;
    return { ...account, ...(isGuest ? { isGuest } : {}) };
  }

  async listUsers(): Promise<UserRecord[]> {
    return (await this.db.query<UserRecord>(`SELECT ${userColumns} FROM users ORDER BY position`)).rows;
  }

  async getLanguage(userId: string): Promise<string | null> {
    const { rows } = await this.db.query<{ language: string | null }>('SELECT language FROM users WHERE id = $1', [userId]);
    return rows[0]?.language ?? null;
  }

  async setLanguage(userId: string, language: string): Promise<boolean> {
    return ((await this.db.query('UPDATE users SET language = $1 WHERE id = $2', [language, userId])).rowCount ?? 0) === 1;
  }

  async getLetterLanguage(letterId: string): Promise<string | null> {
    const { rows } = await this.db.query<{ language: string | null }>('SELECT language FROM letters WHERE id = $1', [letterId]);
    return rows[0]?.language ?? null;
  }

  async setLetterLanguage(letterId: string, language: string): Promise<boolean> {
    return ((await this.db.query('UPDATE letters SET language = $1 WHERE id = $2', [language, letterId])).rowCount ?? 0) === 1;
  }

  async setPasswordHash(userId: string, passwordHash: string): Promise<void> {
    await this.db.query('UPDATE users SET password_hash = $1 WHERE id = $2', [passwordHash, userId]);
  }

  async setOfficeAdmin(userId: string, isOfficeAdmin: boolean, audit?: AuditDraft[]): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const changed = await tx.query('UPDATE users SET is_office_admin = $1 WHERE id = $2', [isOfficeAdmin, userId]);
      if (changed.rowCount !== 1) return false;
      await appendAuditWithin(tx, audit);
      return true;
    });
  }

  async insertSession(session: SessionRecord, audit?: AuditDraft[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query('INSERT INTO sessions (id, user_id, created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [
        session.id,
        session.userId,
        session.createdAt,
        session.lastSeenAt,
        session.expiresAt,
      ]);
      await appendAuditWithin(tx, audit);
    });
  }

  async getSession(id: string): Promise<SessionRecord | null> {
    return (await this.db.query<SessionRecord>(`SELECT ${sessionColumns} FROM sessions WHERE id = $1`, [id])).rows[0] ?? null;
  }

  async touchSession(id: string, lastSeenAt: string): Promise<void> {
    await this.db.query('UPDATE sessions SET last_seen_at = $1 WHERE id = $2', [lastSeenAt, id]);
  }

  async deleteSession(id: string, audit?: AuditDraft[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query('DELETE FROM sessions WHERE id = $1', [id]);
      await appendAuditWithin(tx, audit);
    });
  }

  async deleteSessionsOfUser(userId: string): Promise<string[]> {
    const { rows } = await this.db.query<{ id: string }>('DELETE FROM sessions WHERE user_id = $1 RETURNING id', [userId]);
    return rows.map((row) => row.id);
  }

  async insertInvitation(invitation: InvitationRecord, audit?: AuditDraft[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query(
        'INSERT INTO invitations (token_hash, user_id, created_by, created_at, expires_at, used_at) VALUES ($1, $2, $3, $4, $5, $6)',
        [invitation.tokenHash, invitation.userId, invitation.createdBy, invitation.createdAt, invitation.expiresAt, invitation.usedAt],
      );
      await appendAuditWithin(tx, audit);
    });
  }

  async getInvitation(tokenHash: string): Promise<InvitationRecord | null> {
    const { rows } = await this.db.query<InvitationRecord>(`SELECT ${invitationColumns} FROM invitations WHERE token_hash = $1`, [tokenHash]);
    return rows[0] ?? null;
  }

  async acceptInvitation(tokenHash: string, passwordHash: string, now: string, audit?: AuditDraft[]): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      // Two instances accepting links of one person at once take turns on the person's row; the
      // second then finds its link used (by the first, or as one of the person's older links).
      await tx.query(
        'SELECT u.id FROM users u JOIN invitations i ON i.user_id = u.id WHERE i.token_hash = $1 FOR NO KEY UPDATE OF u',
        [tokenHash],
      );
      const claimed = await tx.query<{ user_id: string }>(
        'UPDATE invitations SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1 RETURNING user_id',
        [now, tokenHash],
      );
      const userId = claimed.rows[0]?.user_id;
      if (userId === undefined) return false;
      await tx.query('UPDATE users SET password_hash = $1 WHERE id = $2', [passwordHash, userId]);
      // Earlier links to the same person (lost, replaced by a new one) must not set the password again.
      await tx.query('UPDATE invitations SET used_at = $1 WHERE used_at IS NULL AND user_id = $2', [now, userId]);
      await appendAuditWithin(tx, audit);
      return true;
    });
  }
}
