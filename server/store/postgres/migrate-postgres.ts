import type { PgDatabase } from './pg-database.js';

/** Any fixed number: the advisory lock that lets one instance at a time migrate the schema. */
const migrationLockKey = 7_312_004_118;

/**
 * Brings the schema up to date. Instances that start together wait for one another on an
 * advisory lock, so each version is applied exactly once; each version commits with its row in
 * `schema_migrations`, so a failed one leaves no trace and is tried again at the next start.
 */
export async function migratePostgres(database: PgDatabase, migrations: readonly string[]): Promise<void> {
  const { client, release } = await database.checkOut();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [migrationLockKey]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
    const { rows } = await client.query<{ version: number }>('SELECT COALESCE(MAX(version), 0)::int AS version FROM schema_migrations');
    const applied = rows[0]?.version ?? 0;
    for (const [index, sql] of migrations.entries()) {
      const version = index + 1;
      if (version <= applied) continue;
      await client.query('BEGIN');
      try {
        await client.query(sql);
        await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [version, new Date().toISOString()]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
  } finally {
    // Ending this connection also ends its advisory lock, whatever state it was left in.
    release(true);
  }
}
