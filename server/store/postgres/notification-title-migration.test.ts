import { expect, it } from 'vitest';
import { usePostgres } from '../../../tests/integration/harness/test-services.js';
import { NotificationKind } from '../../../shared/domain/notification-rules.js';
import { migratePostgres } from './migrate-postgres.js';
import { postgresMigrations } from './migrations.js';
import { PgDatabase } from './pg-database.js';
import { PostgresStore } from './postgres-store.js';

const postgres = usePostgres();

it('a notification stored with an English title before titles were stored per language stays readable after the upgrade', async () => {
  const url = await postgres().createDatabase();
  const upgrade = postgresMigrations.findIndex((sql) => sql.includes('title_parts'));
  expect(upgrade).toBeGreaterThan(0);
  // A database as the release before wrote it: every migration up to this one, and an English title.
  const db = PgDatabase.connect(url, () => {});
  try {
    await migratePostgres(db, postgresMigrations.slice(0, upgrade));
    await db.query("INSERT INTO offices (id, name, name_en, country, minister_name, minister_title, color) VALUES ('fi', 'Sisäministeriö', 'Interior', 'FI', 'M', 'Minister', '#123456')");
    await db.query("INSERT INTO users (id, office_id, name, email, created_at) VALUES ('u1', 'fi', 'Helena', 'helena@fi.example', '2026-11-01T00:00:00.000Z')");
    await db.query(
      `INSERT INTO notifications (id, user_id, kind, letter_id, title, path, mail, dedupe_key, created_at, read_at, mailed_at)
       VALUES ('n1', 'u1', 'reminder', NULL, 'Reminder: “Joint letter” waits for your office', '/letters/1', 'none', NULL, '2026-11-02T00:00:00.000Z', NULL, NULL)`,
    );
  } finally {
    await db.close();
  }

  const store = await PostgresStore.open(url);
  try {
    const [older] = await store.notifications.listNotifications('u1', 10);
    expect(older).toMatchObject({ kind: NotificationKind.reminder, title: 'Reminder: “Joint letter” waits for your office', titleParts: null });
    expect(await store.notifications.getNotification('n1')).toEqual(older);
  } finally {
    await store.close();
  }
});
