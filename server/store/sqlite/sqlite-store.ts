import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { LetterStatus } from '../../../shared/api/letters.js';
import type { Office } from '../../../shared/api/offices.js';
import type { Role } from '../../../shared/domain/roles.js';
import type {
  LetterListEntry,
  LetterRecord,
  NewLetter,
  SessionRecord,
  SignatoryRecord,
  Store,
  StoredText,
  UpdateToAppend,
  UserRecord,
} from '../store.js';
import { sqliteMigrations } from './migrations.js';

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

const officeColumns =
  'id, name, name_en AS nameEn, country, minister_name AS ministerName, minister_title AS ministerTitle, color';

/** The embedded store: one SQLite file in WAL mode. better-sqlite3 is synchronous, so each call is atomic. */
export class SqliteStore implements Store {
  private readonly db: Database.Database;

  private constructor(db: Database.Database) {
    this.db = db;
  }

  /** Opens (creating if needed) the database file and brings its schema up to date. */
  static open(file: string): SqliteStore {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    // FULL makes each commit durable against power loss, not only against a killed process.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db);
    return new SqliteStore(db);
  }

  async insertOffices(offices: Office[]): Promise<void> {
    const insert = this.db.prepare(
      `INSERT INTO offices (id, position, name, name_en, country, minister_name, minister_title, color)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.db.transaction(() => {
      const start = (this.db.prepare('SELECT COUNT(*) AS n FROM offices').get() as { n: number }).n;
      offices.forEach((o, i) =>
        insert.run(o.id, start + i, o.name, o.nameEn, o.country, o.ministerName, o.ministerTitle, o.color),
      );
    })();
  }

  async listOffices(): Promise<Office[]> {
    return this.db.prepare(`SELECT ${officeColumns} FROM offices ORDER BY position`).all() as Office[];
  }

  async insertUser(user: UserRecord): Promise<void> {
    this.db
      .prepare('INSERT INTO users (id, office_id, name, created_at) VALUES (?, ?, ?, ?)')
      .run(user.id, user.officeId, user.name, user.createdAt);
  }

  async getUser(id: string): Promise<UserRecord | null> {
    const row = this.db
      .prepare('SELECT id, office_id AS officeId, name, created_at AS createdAt FROM users WHERE id = ?')
      .get(id) as UserRecord | undefined;
    return row ?? null;
  }

  async listUsers(): Promise<UserRecord[]> {
    return this.db
      .prepare('SELECT id, office_id AS officeId, name, created_at AS createdAt FROM users ORDER BY rowid')
      .all() as UserRecord[];
  }

  async insertSession(session: SessionRecord): Promise<void> {
    this.db
      .prepare('INSERT INTO sessions (id, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)')
      .run(session.id, session.userId, session.createdAt, session.expiresAt);
  }

  async getSession(id: string): Promise<SessionRecord | null> {
    const row = this.db
      .prepare(
        'SELECT id, user_id AS userId, created_at AS createdAt, expires_at AS expiresAt FROM sessions WHERE id = ?',
      )
      .get(id) as SessionRecord | undefined;
    return row ?? null;
  }

  async deleteSession(id: string): Promise<void> {
    this.db.prepare('DELETE FROM sessions WHERE id = ?').run(id);
  }

  async createLetter({ letter, signatories, memberships, initialText }: NewLetter): Promise<void> {
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
          .prepare('INSERT INTO text_snapshots (letter_id, snapshot, through_seq) VALUES (?, ?, 0)')
          .run(letter.id, initialText);
      }
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

  async loadText(letterId: string): Promise<StoredText> {
    return this.db.transaction(() => {
      const snapshotRow = this.db
        .prepare('SELECT snapshot, through_seq FROM text_snapshots WHERE letter_id = ?')
        .get(letterId) as { snapshot: Buffer; through_seq: number } | undefined;
      const rows = this.db
        .prepare('SELECT seq, body FROM text_updates WHERE letter_id = ? ORDER BY seq')
        .all(letterId) as { seq: number; body: Buffer }[];
      return {
        snapshot: snapshotRow ? new Uint8Array(snapshotRow.snapshot) : null,
        updates: rows.map((row) => new Uint8Array(row.body)),
        lastSeq: rows.at(-1)?.seq ?? snapshotRow?.through_seq ?? 0,
      };
    })();
  }

  async appendUpdates(updates: UpdateToAppend[]): Promise<number[]> {
    const insert = this.db.prepare(
      'INSERT INTO text_updates (letter_id, body, user_id, created_at) VALUES (?, ?, ?, ?)',
    );
    const touch = this.db.prepare('UPDATE letters SET updated_at = ? WHERE id = ?');
    return this.db.transaction(() => {
      const now = new Date().toISOString();
      const seqs = updates.map((u) => Number(insert.run(u.letterId, u.update, u.userId, now).lastInsertRowid));
      for (const letterId of new Set(updates.map((u) => u.letterId))) touch.run(now, letterId);
      return seqs;
    })();
  }

  async compactText(letterId: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO text_snapshots (letter_id, snapshot, through_seq) VALUES (?, ?, ?)
           ON CONFLICT (letter_id) DO UPDATE SET snapshot = excluded.snapshot, through_seq = excluded.through_seq`,
        )
        .run(letterId, snapshot, throughSeq);
      this.db.prepare('DELETE FROM text_updates WHERE letter_id = ? AND seq <= ?').run(letterId, throughSeq);
    })();
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

function migrate(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
  const applied = (db.prepare('SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations').get() as { v: number }).v;
  sqliteMigrations.forEach((sql, index) => {
    const version = index + 1;
    if (version <= applied) return;
    db.transaction(() => {
      db.exec(sql);
      db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(
        version,
        new Date().toISOString(),
      );
    })();
  });
}
