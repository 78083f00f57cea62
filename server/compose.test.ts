import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Office } from '../shared/api/offices.js';
import { composeServices } from './compose.js';
import { testServiceOptions } from './test-service-options.js';
import { createLogger } from './logger.js';
import { SqliteStore } from './store/sqlite/sqlite-store.js';

const office: Office = {
  id: 'aa-interior',
  name: 'Ministerstvo vnitra',
  nameEn: 'Ministry of the Interior',
  country: 'Testland',
  ministerName: 'Jana Nováková',
  ministerTitle: 'Minister of the Interior',
  color: '#1f4e79',
};

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe('the composed services', () => {
  it('log a failure to tell open connections of a role change instead of leaving an unhandled rejection', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jointly-compose-'));
    const store = SqliteStore.open(path.join(dir, 'db.sqlite'));
    cleanups.push(async () => {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });
    const logger = createLogger('silent');
    const services = composeServices(store, logger, testServiceOptions());
    await store.accounts.insertOffices([office]);
    const [coordinator, drafter] = [randomUUID(), randomUUID()];
    for (const [id, name] of [[coordinator, 'coordinator'], [drafter, 'drafter']] as const) {
      await store.accounts.insertUser({ id, officeId: office.id, name, email: `${name}@aa.example`, isAdmin: false, passwordHash: null, createdAt: new Date().toISOString() });
    }
    const letterId = randomUUID();
    const now = new Date().toISOString();
    await store.letters.createLetter({
      letter: { id: letterId, title: 'T', subject: '', addressees: [], letterDate: null, status: 'drafting', createdBy: coordinator, createdAt: now, updatedAt: now },
      signatories: [{ position: 0, officeId: office.id, signerName: 'Jana Nováková', capacity: 'Minister' }],
      memberships: [
        { userId: coordinator, roles: ['coordinator'] },
        { userId: drafter, roles: ['drafter'] },
      ],
    });
    const cookie = `jointly_session=${(await services.sessions.start(coordinator)).id}`;

    // The role change is stored; reading the person again to tell their open connections fails.
    const getUser = store.accounts.getUser.bind(store.accounts);
    let reads = 0;
    vi.spyOn(store.accounts, 'getUser').mockImplementation(async (id) => {
      if (id === drafter && ++reads === 2) throw new Error('database is locked');
      return getUser(id);
    });
    const outcome = new Promise<string>((resolve) => {
      const onUnhandled = () => resolve('unhandled rejection');
      process.once('unhandledRejection', onUnhandled);
      cleanups.push(async () => void process.off('unhandledRejection', onUnhandled));
      vi.spyOn(logger, 'error').mockImplementation(() => resolve('logged'));
    });

    const response = await services.app.request(`/api/letters/${letterId}/members/${drafter}`, {
      method: 'PUT',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ roles: ['observer'] }),
    });
    expect(response.status).toBeLessThan(300);
    expect(await outcome).toBe('logged');
  });
});
