import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { NotificationKind } from '../../../shared/domain/notification-rules.js';
import { sqliteMigrations } from './migrations.js';
import { SqliteStore } from './sqlite-store.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jointly-title-migration-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

it('a notification stored with an English title before titles were stored per language stays readable after the upgrade', async () => {
  const file = path.join(dir, 'db.sqlite');
  const upgrade = sqliteMigrations.findIndex((sql) => sql.includes('title_parts'));
  expect(upgrade).toBeGreaterThan(0);
  // A database as the release before wrote it: every migration up to this one, and an English title.
  const db = new Database(file);
  db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
  sqliteMigrations.slice(0, upgrade).forEach((sql, index) => {
    db.exec(sql);
    db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(index + 1, '2026-11-01T00:00:00.000Z');
  });
  db.prepare("INSERT INTO offices (id, position, name, name_en, country, minister_name, minister_title, color) VALUES ('fi', 0, 'Sisäministeriö', 'Interior', 'FI', 'M', 'Minister', '#123456')").run();
  db.prepare("INSERT INTO users (id, office_id, name, email, created_at) VALUES ('u1', 'fi', 'Helena', 'helena@fi.example', '2026-11-01T00:00:00.000Z')").run();
  db.prepare(
    `INSERT INTO notifications (id, user_id, kind, letter_id, title, path, mail, dedupe_key, created_at, read_at, mailed_at)
     VALUES ('n1', 'u1', 'reminder', NULL, 'Reminder: “Joint letter” waits for your office', '/letters/1', 'none', NULL, '2026-11-02T00:00:00.000Z', NULL, NULL)`,
  ).run();
  db.close();

  const store = SqliteStore.open(file);
  try {
    const [older] = await store.notifications.listNotifications('u1', 10);
    expect(older).toMatchObject({ kind: NotificationKind.reminder, title: 'Reminder: “Joint letter” waits for your office', titleParts: null });
    expect(await store.notifications.getNotification('n1')).toEqual(older);
  } finally {
    await store.close();
  }
});
