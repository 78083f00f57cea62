import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditKind } from '../../shared/api/audit.js';
import { composeServices } from '../compose.js';
import { testServiceOptions } from '../test-service-options.js';
import { createLogger } from '../logger.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import type { AuditDraft, Store } from '../store/store.js';
import { RefusalAudit } from './refusal-audit.js';

function recorder() {
  const recorded: AuditDraft[] = [];
  const store = { audit: { append: async (drafts: AuditDraft[]) => void recorded.push(...drafts) } } as unknown as Store;
  let now = 0;
  const audit = new RefusalAudit(store, createLogger('silent'), 60_000, () => now);
  return { recorded, audit, advance: (ms: number) => (now += ms) };
}

const kadri = { id: 'kadri', officeId: 'ee-interior' };

describe('refused acts in the audit trail', () => {
  it('records one refusal per person, kind and letter a window, then counts those left out', async () => {
    const { recorded, audit, advance } = recorder();
    for (let attempt = 0; attempt < 50; attempt++) await audit.record(AuditKind.syncRefused, kadri, 'letter-1', { closeCode: 4403 });
    expect(recorded).toHaveLength(1);
    // Another letter, and another kind, are recorded on their own.
    await audit.record(AuditKind.syncRefused, kadri, 'letter-2', { closeCode: 4403 });
    await audit.record(AuditKind.signoffRefused, kadri, 'letter-1', { status: 403 });
    expect(recorded).toHaveLength(3);
    advance(60_000);
    await audit.record(AuditKind.syncRefused, kadri, 'letter-1', { closeCode: 4422 });
    expect(recorded).toHaveLength(4);
    expect(recorded[3]!.detail).toEqual({ closeCode: 4422, unrecordedBefore: 49 });
  });

  it('answers the refusal even when the record cannot be written', async () => {
    const store = { audit: { append: () => Promise.reject(new Error('disk full')) } } as unknown as Store;
    await expect(new RefusalAudit(store, createLogger('silent')).record(AuditKind.syncRefused, kadri, 'letter-1', {})).resolves.toBeUndefined();
  });
});

describe('a refused sign-in in the audit trail', () => {
  it('T1 records the e-mail address typed without direction controls, invisible or control characters', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jointly-refused-login-'));
    const store = SqliteStore.open(path.join(dir, 'db.sqlite'));
    try {
      const { app } = composeServices(store, createLogger('silent'), testServiceOptions());
      const typed = `\u202Eadmin\u0000@\u200Bexample.org\u0007\u2066\t${'x'.repeat(230)}\u0085`;
      const refused = await app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: typed, password: 'not the password' }),
      });
      expect(refused.status).toBe(401);
      const [event] = (await store.audit.readChain(0, 10)).filter((record) => record.kind === AuditKind.loginRefused);
      expect(JSON.parse(event!.detail) as { email: string }).toMatchObject({ email: `admin@example.org${'x'.repeat(230)}` });
    } finally {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
