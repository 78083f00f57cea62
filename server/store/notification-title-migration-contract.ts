import { describe, expect, it } from 'vitest';
import type { Office } from '../../shared/api/offices.js';
import { NotificationKind } from '../../shared/domain/notification-rules.js';
import type { Store } from './store.js';

/** One store's database as the release before per-language notification titles left it, still open to that release. */
export interface OlderDatabase {
  /** Adds an office as that release's store did (the two stores number offices differently). */
  addOffice(office: Office): Promise<void>;
  /** Runs one statement written the same for both stores. */
  run(sql: string): Promise<void>;
  /** Ends the older release's connection to the database. */
  close(): Promise<void>;
  /** Opens the store on the closed database: it brings the schema up to date as it opens. */
  openStore(): Promise<Store>;
}

const office: Office = {
  id: 'fi',
  name: 'Sisäministeriö',
  nameEn: 'Interior',
  country: 'FI',
  ministerName: 'M',
  ministerTitle: 'Minister',
  color: '#123456',
};

/**
 * The upgrade that stores notification titles per language (the `title_parts` migration) keeps the
 * notifications stored before it readable. Run for SQLite and PostgreSQL with the store's own
 * migrations; `openOlder` makes a new database with the first of them (`applied`) in place, as the
 * release before recorded them.
 */
export function runNotificationTitleMigrationContract(
  name: string,
  migrations: readonly string[],
  openOlder: (applied: readonly string[]) => Promise<OlderDatabase>,
): void {
  describe(`notification title migration: ${name}`, () => {
    it('a notification stored with an English title before titles were stored per language stays readable after the upgrade', async () => {
      const upgrade = migrations.findIndex((sql) => sql.includes('title_parts'));
      expect(upgrade).toBeGreaterThan(0);
      // A database as the release before wrote it: every migration up to this one, and an English title.
      const database = await openOlder(migrations.slice(0, upgrade));
      try {
        await database.addOffice(office);
        await database.run("INSERT INTO users (id, office_id, name, email, created_at) VALUES ('u1', 'fi', 'Helena', 'helena@fi.example', '2026-11-01T00:00:00.000Z')");
        await database.run(
          `INSERT INTO notifications (id, user_id, kind, letter_id, title, path, mail, dedupe_key, created_at, read_at, mailed_at)
           VALUES ('n1', 'u1', 'reminder', NULL, 'Reminder: “Joint letter” waits for your office', '/letters/1', 'none', NULL, '2026-11-02T00:00:00.000Z', NULL, NULL)`,
        );
      } finally {
        await database.close();
      }

      const store = await database.openStore();
      try {
        const [older] = await store.notifications.listNotifications('u1', 10);
        expect(older).toMatchObject({ kind: NotificationKind.reminder, title: 'Reminder: “Joint letter” waits for your office', titleParts: null });
        expect(await store.notifications.getNotification('n1')).toEqual(older);
      } finally {
        await store.close();
      }
    });
  });
}
