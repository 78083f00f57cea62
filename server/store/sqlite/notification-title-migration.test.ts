import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach } from 'vitest';
import { runNotificationTitleMigrationContract } from '../notification-title-migration-contract.js';
import { sqliteMigrations } from './migrations.js';
import { SqliteStore } from './sqlite-store.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jointly-title-migration-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

runNotificationTitleMigrationContract('SQLite', sqliteMigrations, async (applied) => {
  const file = path.join(dir, 'db.sqlite');
  const db = new Database(file);
  db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
  applied.forEach((sql, index) => {
    db.exec(sql);
    db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(index + 1, '2026-11-01T00:00:00.000Z');
  });
  return {
    addOffice: async (office) => {
      db.prepare(
        `INSERT INTO offices (id, position, name, name_en, country, minister_name, minister_title, color)
         VALUES (?, (SELECT COUNT(*) FROM offices), ?, ?, ?, ?, ?, ?)`,
      ).run(office.id, office.name, office.nameEn, office.country, office.ministerName, office.ministerTitle, office.color);
    },
    run: async (sql) => void db.exec(sql),
    close: async () => void db.close(),
    openStore: async () => SqliteStore.open(file),
  };
});
