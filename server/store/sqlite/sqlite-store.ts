import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Store } from '../store.js';
import { BusyWaits } from './busy-waits.js';
import { sqliteMigrations } from './migrations.js';
import { SqliteAccounts } from './sqlite-accounts.js';
import { SqliteAudit } from './sqlite-audit.js';
import { SqliteComments } from './sqlite-comments.js';
import { SqliteHistory } from './sqlite-history.js';
import { SqliteLetters } from './sqlite-letters.js';
import { SqliteNotifications } from './sqlite-notifications.js';
import { SqliteSignoffs } from './sqlite-signoffs.js';
import { SqliteText, type TextAppender } from './sqlite-text.js';
import { SqliteTextAppends } from './sqlite-text-appends.js';
import { TextWriter } from './text-writer.js';

/** How long one SQLite call may block the event loop waiting for another writer's lock. */
const syncBusyTimeoutMs = 50;
/** STORE_BUSY_WAIT_SECONDS' default. */
const defaultMaxBusyWaitMs = 10_000;
/**
 * How long one text commit waits for the lock on the text writer's thread before BusyWaits takes
 * over: longer than the main connection may (it blocks nothing else), short enough that process
 * exit, which waits for the writer's call to end, is not held up.
 */
const textWriterBusyTimeoutMs = 200;

export interface BusyOptions {
  /** How long a store call waits for another writer's lock before it fails (STORE_BUSY_WAIT_SECONDS). */
  maxWaitMs: number;
  /** Told each time calls start finding the database locked. */
  onLocked?: () => void;
}

export interface SqliteStoreOptions extends BusyOptions {
  /** Told when the text writer's thread stopped unexpectedly; the commits it held failed, the next one starts a new thread. */
  onTextWriterStopped?: (error: Error) => void;
}

/** The embedded store: one SQLite file in WAL mode. better-sqlite3 is synchronous, so each call is atomic. */
export class SqliteStore implements Store {
  readonly accounts: SqliteAccounts;
  readonly letters: SqliteLetters;
  readonly text: SqliteText;
  readonly signoffs: SqliteSignoffs;
  readonly history: SqliteHistory;
  readonly audit: SqliteAudit;
  readonly comments: SqliteComments;
  readonly notifications: SqliteNotifications;

  private readonly busyWaits: BusyWaits;

  private constructor(
    private readonly db: Database.Database,
    busy: BusyOptions,
    /** Appends text updates; null for a database in memory, which only this connection can reach. */
    private readonly textWriter: TextWriter | null,
  ) {
    this.busyWaits = new BusyWaits(busy.maxWaitMs, busy.onLocked);
    // The areas call one another inside their transactions directly; only what others call waits for the lock.
    const audit = new SqliteAudit(db);
    const history = new SqliteHistory(db, audit);
    this.audit = this.busyWaits.wrap(audit);
    this.history = this.busyWaits.wrap(history);
    this.accounts = this.busyWaits.wrap(new SqliteAccounts(db, audit));
    this.letters = this.busyWaits.wrap(new SqliteLetters(db, history, audit));
    const appender: TextAppender = textWriter ?? inlineAppender(new SqliteTextAppends(db));
    this.text = this.busyWaits.wrap(new SqliteText(db, appender, audit));
    this.signoffs = this.busyWaits.wrap(new SqliteSignoffs(db, audit));
    this.comments = this.busyWaits.wrap(new SqliteComments(db, audit));
    this.notifications = this.busyWaits.wrap(new SqliteNotifications(db, audit));
  }

  /**
   * Opens (creating if needed) the database file and brings its schema up to date. A call that
   * finds the database locked by another writer waits up to `busy.maxWaitMs` without blocking the
   * event loop, then fails with StoreStillBusy. Text updates are appended on a worker thread with a
   * connection of its own (TextWriter).
   */
  static open(file: string, options: SqliteStoreOptions = { maxWaitMs: defaultMaxBusyWaitMs }): SqliteStore {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    // FULL makes each commit durable against power loss, not only against a killed process.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // Short, because better-sqlite3 waits for the lock synchronously, with the whole process; longer
    // waits happen between attempts, on a timer (BusyWaits).
    db.pragma(`busy_timeout = ${syncBusyTimeoutMs}`);
    migrate(db);
    const textWriter =
      file === ':memory:'
        ? null
        : new TextWriter({ file, busyTimeoutMs: Math.min(textWriterBusyTimeoutMs, options.maxWaitMs) }, options.onTextWriterStopped);
    return new SqliteStore(db, options, textWriter);
  }

  /**
   * Starts the text writer's thread now (it starts with the first text commit otherwise) and
   * resolves once it has opened its connection; rejects if it could not. The server waits for it
   * before it listens, so that the first edits do not wait for the thread's start.
   */
  async textWriterStarted(): Promise<void> {
    await this.textWriter?.started();
  }

  /** Since when store calls have found the database locked by another writer, or null. */
  busySince(): number | null {
    return this.busyWaits.busySince;
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    await this.textWriter?.close();
    this.db.close();
  }
}

/** Appends on this connection, for a database in memory. */
function inlineAppender(appends: SqliteTextAppends): TextAppender {
  return { append: async (updates) => appends.append(updates) };
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
