import { usePostgres } from '../../../tests/integration/harness/test-services.js';
import { runNotificationTitleMigrationContract } from '../notification-title-migration-contract.js';
import { migratePostgres } from './migrate-postgres.js';
import { postgresMigrations } from './migrations.js';
import { PgDatabase } from './pg-database.js';
import { PostgresStore } from './postgres-store.js';

const postgres = usePostgres();

runNotificationTitleMigrationContract('PostgreSQL', postgresMigrations, async (applied) => {
  const url = await postgres().createDatabase();
  const db = PgDatabase.connect(url, () => {});
  try {
    await migratePostgres(db, applied);
  } catch (error) {
    await db.close();
    throw error;
  }
  return {
    addOffice: async (office) => {
      await db.query('INSERT INTO offices (id, name, name_en, country, minister_name, minister_title, color) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
        office.id,
        office.name,
        office.nameEn,
        office.country,
        office.ministerName,
        office.ministerTitle,
        office.color,
      ]);
    },
    run: async (sql) => void (await db.query(sql)),
    close: () => db.close(),
    openStore: () => PostgresStore.open(url),
  };
});
