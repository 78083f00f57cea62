import type { Logger } from '../logger.js';
import { checkDataFolder } from './sqlite/check-data-folder.js';
import { PostgresStore } from './postgres/postgres-store.js';
import { SqliteStore } from './sqlite/sqlite-store.js';
import type { Store } from './store.js';

/** The store the configuration asks for: PostgreSQL when a URL is given, else the SQLite file. */
export async function openStore(
  where: { databaseUrl: string | null; databaseFile: string; createDatabase: boolean },
  logger: Logger,
): Promise<Store> {
  if (!where.databaseUrl) {
    checkDataFolder(where.databaseFile, where.createDatabase);
    return SqliteStore.open(where.databaseFile);
  }
  return PostgresStore.open(where.databaseUrl, (error) => logger.warn({ err: error }, 'a database connection broke'));
}
