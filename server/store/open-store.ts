import type { Logger } from '../logger.js';
import { checkDataFolder } from './sqlite/check-data-folder.js';
import { PostgresStore } from './postgres/postgres-store.js';
import { SqliteStore } from './sqlite/sqlite-store.js';
import type { Store } from './store.js';

/** The store the configuration asks for: PostgreSQL when a URL is given, else the SQLite file. */
export async function openStore(
  where: { databaseUrl: string | null; databaseFile: string; createDatabase: boolean; storeBusyWaitMs: number },
  logger: Logger,
): Promise<Store> {
  if (!where.databaseUrl) {
    checkDataFolder(where.databaseFile, where.createDatabase);
    const store = SqliteStore.open(where.databaseFile, {
      maxWaitMs: where.storeBusyWaitMs,
      onLocked: () => logger.warn('the database is locked by another writer; store calls wait for it'),
      onTextWriterStopped: (error) => logger.error({ err: error }, 'the text writer thread stopped; the letters it was storing close and their clients resend'),
    });
    // Up before the server listens: the first edits do not wait for it, and a thread that cannot start stops the start.
    await store.textWriterStarted();
    return store;
  }
  return PostgresStore.open(where.databaseUrl, (error) => logger.warn({ err: error }, 'a database connection broke'));
}
