import type Database from 'better-sqlite3';
import type { Office } from '../../../shared/api/offices.js';
import type { AccountRecord, AccountStore, AuditDraft, InvitationRecord, SessionRecord, UserRecord } from '../store.js';
import type { SqliteAudit } from './sqlite-audit.js';

const officeColumns =
  'id, name, name_en AS nameEn, country, minister_name AS ministerName, minister_title AS ministerTitle, color';
const userColumns =
  'id, office_id AS officeId, name, email, is_admin AS isAdmin, is_office_admin AS isOfficeAdmin, is_guest AS isGuest, password_hash IS NOT NULL AS hasPassword, created_at AS createdAt';
const sessionColumns =
  'id, user_id AS userId, created_at AS createdAt, last_seen_at AS lastSeenAt, expires_at AS expiresAt';

type UserRow = Omit<UserRecord, 'isAdmin' | 'isOfficeAdmin' | 'isGuest' | 'hasPassword'> & {
  isAdmin: number;
  isOfficeAdmin: number;
  isGuest: number;
  hasPassword: number;
};
const toUser = ({ isAdmin, isOfficeAdmin, isGuest, hasPassword, ...rest }: UserRow): UserRecord => ({
  ...rest,
  isAdmin: isAdmin === 1,
  isOfficeAdmin: isOfficeAdmin === 1,
  isGuest: isGuest === 1,
  hasPassword: hasPassword === 1,
});

export class SqliteAccounts implements AccountStore {
  constructor(
    private readonly db: Database.Database,
    private readonly audit: SqliteAudit,
  ) {}

  async insertOffices(offices: Office[], audit?: AuditDraft[]): Promise<void> {
    const insert = this.db.prepare(
      `INSERT INTO offices (id, position, name, name_en, country, minister_name, minister_title, color)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.db.transaction(() => {
      const start = (this.db.prepare('SELECT COUNT(*) AS n FROM offices').get() as { n: number }).n;
      offices.forEach((o, i) =>
        insert.run(o.id, start + i, o.name, o.nameEn, o.country, o.ministerName, o.ministerTitle, o.color),
      );
      this.audit.appendWithin(audit);
    })();
  }

  async listOffices(): Promise<Office[]> {
    return this.db.prepare(`SELECT ${officeColumns} FROM offices ORDER BY position`).all() as Office[];
  }

  async insertUser(user: AccountRecord, audit?: AuditDraft[]): Promise<void> {
    this.db.transaction(() => {
      this.db
        .prepare('INSERT INTO users (id, office_id, name, email, password_hash, is_admin, is_guest, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(user.id, user.officeId, user.name, user.email, user.passwordHash, user.isAdmin ? 1 : 0, user.isGuest ? 1 : 0, user.createdAt);
      this.audit.appendWithin(audit);
    })();
  }

  async getUser(id: string): Promise<UserRecord | null> {
    const row = this.db.prepare(`SELECT ${userColumns} FROM users WHERE id = ?`).get(id) as UserRow | undefined;
    return row ? toUser(row) : null;
  }

  async findAccountByEmail(email: string): Promise<AccountRecord | null> {
    const row = this.db
      .prepare(`SELECT ${userColumns}, password_hash AS passwordHash FROM users WHERE email = ?`)
      .get(email) as (UserRow & { passwordHash: string | null }) | undefined;
    if (!row) return null;
    const { hasPassword: _derived, isOfficeAdmin: _role, isGuest, ...user } = toUser(row);
    return { ...user, passwordHash: row.passwordHash, ...(isGuest ? { isGuest } : {}) };
  }

  async listUsers(): Promise<UserRecord[]> {
    return (this.db.prepare(`SELECT ${userColumns} FROM users ORDER BY rowid`).all() as UserRow[]).map(toUser);
  }

  async setPasswordHash(userId: string, passwordHash: string): Promise<void> {
    this.db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(passwordHash, userId);
  }

  async setOfficeAdmin(userId: string, isOfficeAdmin: boolean, audit?: AuditDraft[]): Promise<boolean> {
    return this.db.transaction(() => {
      const changed = this.db.prepare('UPDATE users SET is_office_admin = ? WHERE id = ?').run(isOfficeAdmin ? 1 : 0, userId);
      if (changed.changes !== 1) return false;
      this.audit.appendWithin(audit);
      return true;
    })();
  }

  async getLanguage(userId: string): Promise<string | null> {
    const row = this.db.prepare('SELECT language FROM users WHERE id = ?').get(userId) as { language: string | null } | undefined;
    return row?.language ?? null;
  }

  async setLanguage(userId: string, language: string): Promise<boolean> {
    return this.db.prepare('UPDATE users SET language = ? WHERE id = ?').run(language, userId).changes === 1;
  }

  async getLetterLanguage(letterId: string): Promise<string | null> {
    const row = this.db.prepare('SELECT language FROM letters WHERE id = ?').get(letterId) as { language: string | null } | undefined;
    return row?.language ?? null;
  }

  async setLetterLanguage(letterId: string, language: string): Promise<boolean> {
    return this.db.prepare('UPDATE letters SET language = ? WHERE id = ?').run(language, letterId).changes === 1;
  }

  async insertSession(session: SessionRecord, audit?: AuditDraft[]): Promise<void> {
    this.db.transaction(() => {
      this.db
        .prepare('INSERT INTO sessions (id, user_id, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)')
        .run(session.id, session.userId, session.createdAt, session.lastSeenAt, session.expiresAt);
      this.audit.appendWithin(audit);
    })();
  }

  async getSession(id: string): Promise<SessionRecord | null> {
    const row = this.db.prepare(`SELECT ${sessionColumns} FROM sessions WHERE id = ?`).get(id) as SessionRecord | undefined;
    return row ?? null;
  }

  async touchSession(id: string, lastSeenAt: string): Promise<void> {
    this.db.prepare('UPDATE sessions SET last_seen_at = ? WHERE id = ?').run(lastSeenAt, id);
  }

  async deleteSession(id: string, audit?: AuditDraft[]): Promise<void> {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM sessions WHERE id = ?').run(id);
      this.audit.appendWithin(audit);
    })();
  }

  async deleteSessionsOfUser(userId: string): Promise<string[]> {
    return this.db.transaction(() => {
      const ids = (this.db.prepare('SELECT id FROM sessions WHERE user_id = ?').all(userId) as { id: string }[]).map((r) => r.id);
      this.db.prepare('DELETE FROM sessions WHERE user_id = ?').run(userId);
      return ids;
    })();
  }

  async insertInvitation(invitation: InvitationRecord, audit?: AuditDraft[]): Promise<void> {
    this.db.transaction(() => {
      this.db
        .prepare(
          'INSERT INTO invitations (token_hash, user_id, created_by, created_at, expires_at, used_at) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(invitation.tokenHash, invitation.userId, invitation.createdBy, invitation.createdAt, invitation.expiresAt, invitation.usedAt);
      this.audit.appendWithin(audit);
    })();
  }

  async getInvitation(tokenHash: string): Promise<InvitationRecord | null> {
    const row = this.db
      .prepare(
        `SELECT token_hash AS tokenHash, user_id AS userId, created_by AS createdBy, created_at AS createdAt,
                expires_at AS expiresAt, used_at AS usedAt FROM invitations WHERE token_hash = ?`,
      )
      .get(tokenHash) as InvitationRecord | undefined;
    return row ?? null;
  }

  async acceptInvitation(tokenHash: string, passwordHash: string, now: string, audit?: AuditDraft[]): Promise<boolean> {
    return this.db.transaction(() => {
      const claimed = this.db
        .prepare('UPDATE invitations SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?')
        .run(now, tokenHash, now);
      if (claimed.changes !== 1) return false;
      this.db
        .prepare('UPDATE users SET password_hash = ? WHERE id = (SELECT user_id FROM invitations WHERE token_hash = ?)')
        .run(passwordHash, tokenHash);
      // Earlier links to the same person (lost, replaced by a new one) must not set the password again.
      this.db
        .prepare('UPDATE invitations SET used_at = ? WHERE used_at IS NULL AND user_id = (SELECT user_id FROM invitations WHERE token_hash = ?)')
        .run(now, tokenHash);
      this.audit.appendWithin(audit);
      return true;
    })();
  }
}
