import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { isStoreBusy } from '../store-busy.js';
import { TextReadOnly, type UpdateToAppend } from '../store.js';
import { SqliteStore } from './sqlite-store.js';
import { TextWriter, TextWriterStopped } from './text-writer.js';

let dir: string;
let file: string;
let store: SqliteStore;
const letterId = 'letter-1';
const userId = 'user-1';

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jointly-text-writer-'));
  file = path.join(dir, 'db.sqlite');
  store = SqliteStore.open(file, { maxWaitMs: 10_000 });
  const now = new Date().toISOString();
  await store.accounts.insertOffices([{ id: 'aa', name: 'Ämbetsverket', nameEn: 'Agency', country: 'FI', ministerName: 'M', ministerTitle: 'Minister', color: '#123456' }]);
  await store.accounts.insertUser({ id: userId, officeId: 'aa', name: 'Līga', email: 'liga@aa.example', isAdmin: false, passwordHash: null, createdAt: now });
  await store.letters.createLetter({
    letter: { id: letterId, title: 'Joint letter', subject: '', addressees: [], letterDate: null, status: 'drafting', createdBy: userId, createdAt: now, updatedAt: now },
    signatories: [],
    memberships: [{ userId, roles: ['coordinator'] }],
  });
});

afterEach(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const update = (byte: number, newClientIds: number[] = []): UpdateToAppend => ({ letterId, update: new Uint8Array([byte]), userId, newClientIds });

/** Takes SQLite's write lock on a connection of this thread's own, as another program would. */
function holdWriteLock(): () => void {
  const other = new Database(file);
  other.exec('BEGIN IMMEDIATE');
  let isHeld = true;
  const release = () => {
    if (!isHeld) return;
    isHeld = false;
    other.exec('ROLLBACK');
    other.close();
  };
  onTestFinished(release);
  return release;
}

describe('COMMIT text commits off the event loop', () => {
  it('COMMIT-1 a text commit that waits for another writer’s lock does not hold this thread: the call returns at once, and the commit goes through once the lock is released', async () => {
    await store.text.appendUpdates([update(1)]);
    const release = holdWriteLock();

    const started = performance.now();
    const appended = store.text.appendUpdates([update(2, [7])]);
    const heldMs = performance.now() - started;
    let isSettled = false;
    void appended.finally(() => (isSettled = true));
    // Timers run meanwhile; on this thread the lock's holder can let it go.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(isSettled, 'the commit waits for the lock').toBe(false);
    release();

    const [seq] = await appended;
    // SQLite's own wait for a lock (50 ms on the main connection) would have blocked the call itself.
    expect(heldMs).toBeLessThan(50);
    const text = await store.text.loadText(letterId);
    expect(text.lastSeq).toBe(seq);
    expect(text.updates.map((body) => Array.from(body))).toEqual([[1], [2]]);
    expect(text.clientOwners.get(7)).toBe(userId);
  });

  it('COMMIT-2 batches are stored in the order they were sent, each letter’s numbers rising with its updates', async () => {
    const batches = await Promise.all(Array.from({ length: 20 }, (_, index) => store.text.appendUpdates([update(index), update(index + 100)])));
    const seqs = batches.flat();
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    const text = await store.text.loadText(letterId);
    expect(text.updates.map((body) => body[0])).toEqual(batches.flatMap((_, index) => [index, index + 100]));
  });

  it('COMMIT-3 the thread’s refusals come back as the store’s own errors: read-only text, a missing letter, a lock held too long', async () => {
    await store.signoffs.recordLetterEvent(
      { letterId, kind: 'status_changed', officeId: null, fromStatus: 'drafting', toStatus: 'ready', letterHash: null, reason: null, userId, createdAt: new Date().toISOString() },
      'drafting',
    );
    const refused = await store.text.appendUpdates([update(1)]).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TextReadOnly);
    expect((refused as TextReadOnly).letterIds).toEqual([letterId]);

    const missing = await store.text.appendUpdates([{ ...update(1), letterId: 'no-such-letter' }]).catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(Database.SqliteError);
    expect((missing as { code: string }).code).toMatch(/^SQLITE_CONSTRAINT/);

    const writer = new TextWriter({ file, busyTimeoutMs: 20 });
    onTestFinished(() => writer.close());
    holdWriteLock();
    const busy = await writer.append([update(3)]).catch((error: unknown) => error);
    expect(busy).toBeInstanceOf(Database.SqliteError);
    expect(isStoreBusy(busy)).toBe(true);
  });

  it('COMMIT-4 a crash of the thread fails the commits it held, is reported, and the next commit starts a new thread', async () => {
    const stops: Error[] = [];
    const crashing = new URL('../../../tests/fixtures/workers/text-writer-that-crashes.ts', import.meta.url);
    const writer = new TextWriter({ file, busyTimeoutMs: 20, threadModule: crashing }, (error) => stops.push(error));
    onTestFinished(() => writer.close());

    await expect(writer.append([update(1)])).rejects.toBeInstanceOf(TextWriterStopped);
    expect(stops.map((error) => error.message)).toEqual(['the text writer crashed']);
    await expect(writer.append([update(2)])).rejects.toBeInstanceOf(TextWriterStopped);
    expect(stops).toHaveLength(2);
    expect((await store.text.loadText(letterId)).updates).toEqual([]);
  });
});
