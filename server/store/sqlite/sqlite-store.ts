import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Store } from '../store.js';
import { sqliteMigrations } from './migrations.js';
import { SqliteAccounts } from './sqlite-accounts.js';
import { SqliteAudit } from './sqlite-audit.js';
import { SqliteHistory } from './sqlite-history.js';
import { SqliteLetters } from './sqlite-letters.js';
import { SqliteNotifications } from './sqlite-notifications.js';
import { SqliteSignoffs } from './sqlite-signoffs.js';
import { SqliteText } from './sqlite-text.js';

/** The embedded store: one SQLite file in WAL mode. better-sqlite3 is synchronous, so each call is atomic. */
export class SqliteStore implements Store {
  readonly accounts: SqliteAccounts;
  readonly letters: SqliteLetters;
  readonly text: SqliteText;
  readonly signoffs: SqliteSignoffs;
  readonly history: SqliteHistory;
  readonly audit: SqliteAudit;
  readonly notifications: SqliteNotifications;

  private constructor(private readonly db: Database.Database) {
    this.audit = new SqliteAudit(db);
    this.history = new SqliteHistory(db, this.audit);
    this.accounts = new SqliteAccounts(db, this.audit);
    this.letters = new SqliteLetters(db, this.history, this.audit);
    this.text = new SqliteText(db, this.history, this.audit);
    this.signoffs = new SqliteSignoffs(db, this.audit);
    this.notifications = new SqliteNotifications(db, this.audit);
  }

  /** Opens (creating if needed) the database file and brings its schema up to date. */
  static open(file: string): SqliteStore {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    // FULL makes each commit durable against power loss, not only against a killed process.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // Short: a commit that finds the database locked waits asynchronously and tries again (see CommitQueue).
    db.pragma('busy_timeout = 1000');
    migrate(db);
    return new SqliteStore(db);
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
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
      db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(version, new Date().toISOString());
    })();
  });
}
