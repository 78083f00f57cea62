import path from 'node:path';
import Database from 'better-sqlite3';
import { onTestFinished } from 'vitest';
import type { ServerProcess } from './server-process.js';

/** A write lock on the server's SQLite file, held by this process as another program would hold it. */
export interface StoreStall {
  release(): void;
}

/**
 * Stalls every commit of `server`: takes SQLite's write lock with `BEGIN IMMEDIATE` on a
 * connection of its own, so the server's writes wait until `release()` (or fail after the
 * server's busy timeout, which it then reports with 4500). Released when the test ends.
 */
export function stallStore(server: ServerProcess): StoreStall {
  const db = new Database(path.join(server.dataDir, 'jointly.sqlite'));
  db.exec('BEGIN IMMEDIATE');
  let isHeld = true;
  const release = () => {
    if (!isHeld) return;
    isHeld = false;
    db.exec('ROLLBACK');
    db.close();
  };
  onTestFinished(release);
  return { release };
}
