import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { SessionService } from './session-service.js';

const minute = 60_000;

describe('session service', () => {
  let dir: string;
  let store: SqliteStore;
  let now: number;
  let sessions: SessionService;
  let userId: string;
  const ended: string[] = [];

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jointly-sessions-'));
    store = SqliteStore.open(path.join(dir, 'db.sqlite'));
    now = Date.parse('2026-03-01T09:00:00Z');
    sessions = new SessionService(store, { idleMs: 30 * minute, absoluteMs: 8 * 60 * minute }, () => now);
    sessions.onSessionsEnded((ids) => ended.push(...ids));
    await store.accounts.insertOffices([
      { id: 'aa-office', name: 'A', nameEn: 'A', country: 'X', ministerName: 'M', ministerTitle: 'T', color: '#123456' },
    ]);
    userId = randomUUID();
    await store.accounts.insertUser({
      id: userId,
      officeId: 'aa-office',
      name: 'Kadri',
      email: 'kadri@aa.example',
      isAdmin: false,
      passwordHash: null,
      createdAt: new Date(now).toISOString(),
    });
    ended.length = 0;
  });

  afterEach(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('ends a session left idle longer than the idle limit, and says so to listeners', async () => {
    const { id } = await sessions.start(userId);
    now += 29 * minute;
    expect((await sessions.resolve(id))?.name).toBe('Kadri');
    now += 29 * minute;
    expect(await sessions.resolve(id)).not.toBeNull();
    now += 31 * minute;
    expect(await sessions.resolve(id)).toBeNull();
    expect(ended).toEqual([id]);
  });

  it('ends a session at its absolute lifetime however active it was', async () => {
    const { id } = await sessions.start(userId);
    for (let elapsed = 0; elapsed < 8 * 60 - 20; elapsed += 20) {
      now += 20 * minute;
      expect(await sessions.resolve(id)).not.toBeNull();
    }
    now += 40 * minute;
    expect(await sessions.resolve(id)).toBeNull();
  });

  it('does not count a check without activity as use of the session', async () => {
    const { id } = await sessions.start(userId);
    now += 20 * minute;
    expect(await sessions.resolve(id, false)).not.toBeNull();
    now += 20 * minute;
    expect(await sessions.resolve(id, false)).toBeNull();
  });

  it('ends every session of a person at once', async () => {
    const first = await sessions.start(userId);
    const second = await sessions.start(userId);
    await sessions.endAllOf(userId);
    expect(ended.sort()).toEqual([first.id, second.id].sort());
    expect(await sessions.resolve(first.id)).toBeNull();
  });
});
