import type { Store } from '../store.js';
import { migratePostgres } from './migrate-postgres.js';
import { postgresMigrations } from './migrations.js';
import { PgDatabase } from './pg-database.js';
import { PostgresAccounts } from './postgres-accounts.js';
import { PostgresAudit } from './postgres-audit.js';
import { PostgresComments } from './postgres-comments.js';
import { PostgresHistory } from './postgres-history.js';
import { PostgresLetters } from './postgres-letters.js';
import { PostgresNotifications } from './postgres-notifications.js';
import { PostgresSignoffs } from './postgres-signoffs.js';
import { PostgresText } from './postgres-text.js';

/** The scaled-out store: one PostgreSQL database that every instance shares, through one pool per instance. */
export class PostgresStore implements Store {
  readonly accounts: PostgresAccounts;
  readonly letters: PostgresLetters;
  readonly text: PostgresText;
  readonly signoffs: PostgresSignoffs;
  readonly history: PostgresHistory;
  readonly audit: PostgresAudit;
  readonly comments: PostgresComments;
  readonly notifications: PostgresNotifications;

  private constructor(private readonly db: PgDatabase) {
    this.accounts = new PostgresAccounts(db);
    this.letters = new PostgresLetters(db);
    this.text = new PostgresText(db);
    this.signoffs = new PostgresSignoffs(db);
    this.history = new PostgresHistory(db);
    this.audit = new PostgresAudit(db);
    this.comments = new PostgresComments(db);
    this.notifications = new PostgresNotifications(db);
  }

  /**
   * Connects and brings the schema up to date. `onConnectionError` hears of connections that
   * broke (a database restart, a terminated backend); the pool replaces them.
   */
  static async open(connectionString: string, onConnectionError: (error: Error) => void = () => {}): Promise<PostgresStore> {
    const db = PgDatabase.connect(connectionString, onConnectionError);
    try {
      await migratePostgres(db, postgresMigrations);
    } catch (error) {
      await db.close();
      throw error;
    }
    return new PostgresStore(db);
  }

  async ping(): Promise<void> {
    await this.db.query('SELECT 1');
  }

  /** PostgreSQL queues writers itself, off this process's event loop; no lock wait is tracked here. */
  busySince(): number | null {
    return null;
  }

  async close(): Promise<void> {
    await this.db.close();
  }
}
