import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LetterDetail } from '../../shared/api/letters.js';
import type { SessionResponse } from '../../shared/api/session.js';
import { supportedLanguages } from '../../shared/i18n/languages.js';
import { exportLabelsIn } from '../export/letter-layout.js';
import type { Office } from '../../shared/api/offices.js';
import { composeServices } from '../compose.js';
import { testServiceOptions } from '../test-service-options.js';
import { createLogger } from '../logger.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';

const office: Office = {
  id: 'aa-interior',
  name: 'Iekšlietu ministrija',
  nameEn: 'Ministry of the Interior',
  country: 'Latvia',
  ministerName: 'Rihards Kozlovskis',
  ministerTitle: 'Minister for the Interior',
  color: '#9e3039',
};

let dir: string;
let store: SqliteStore;
let services: ReturnType<typeof composeServices>;
let cookies: { coordinator: string; drafter: string };
let letterId: string;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jointly-language-'));
  store = SqliteStore.open(path.join(dir, 'db.sqlite'));
  services = composeServices(store, createLogger('silent'), testServiceOptions({
    maxBodyBytes: 65_536,
  }));
  await store.accounts.insertOffices([office]);
  const ids = { coordinator: randomUUID(), drafter: randomUUID() };
  for (const [role, id] of Object.entries(ids)) {
    await store.accounts.insertUser({ id, officeId: office.id, name: `The ${role}`, email: `${role}@aa.example`, isAdmin: false, passwordHash: null, createdAt: new Date().toISOString() });
  }
  cookies = {
    coordinator: `jointly_session=${(await services.sessions.start(ids.coordinator)).id}`,
    drafter: `jointly_session=${(await services.sessions.start(ids.drafter)).id}`,
  };
  const created = await services.app.request('/api/letters', {
    method: 'POST',
    headers: { cookie: cookies.coordinator, 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Joint letter', subject: 'Instrumentalisation', addressees: ['The Commission'], signatoryOfficeIds: [office.id] }),
  });
  letterId = ((await created.json()) as LetterDetail).id;
  await store.letters.setRoles(letterId, ids.drafter, ['drafter']);
});

afterEach(async () => {
  await services.workers.close();
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const put = (url: string, cookie: string | null, body: unknown) =>
  services.app.request(url, { method: 'PUT', headers: { ...(cookie ? { cookie } : {}), 'content-type': 'application/json' }, body: JSON.stringify(body) });
const read = async <T>(url: string, cookie = cookies.coordinator) => (await (await services.app.request(url, { headers: { cookie } })).json()) as T;

describe('interface language', () => {
  it('L1 a person’s language choice is stored with the account and comes back with the session', async () => {
    expect((await read<SessionResponse>('/api/session', cookies.drafter)).user?.language ?? null).toBeNull();
    const chosen = await put('/api/account/language', cookies.drafter, { language: 'en' });
    expect(chosen.status).toBe(200);
    expect((await read<SessionResponse>('/api/session', cookies.drafter)).user?.language).toBe('en');
    expect(await store.accounts.getLanguage((await read<SessionResponse>('/api/session', cookies.drafter)).user!.id)).toBe('en');
  });

  it('L1 refuses a language Jointly does not offer, extra fields and a request without a session', async () => {
    for (const body of [{ language: 'xx' }, { language: 'EN' }, { language: 'en', extra: true }, {}, { language: 'a'.repeat(10_000) }]) {
      const refused = await put('/api/account/language', cookies.drafter, body);
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('validation_failed');
    }
    expect((await put('/api/account/language', null, { language: 'en' })).status).toBe(401);
  });

  it('L2 a new letter is written in its coordinator’s language; only the coordinator changes it', async () => {
    expect((await read<LetterDetail>(`/api/letters/${letterId}`)).language).toBe('en');
    expect((await put(`/api/letters/${letterId}/language`, cookies.drafter, { language: 'en' })).status).toBe(403);
    expect((await put(`/api/letters/${letterId}/language`, cookies.coordinator, { language: 'xx' })).status).toBe(400);
    expect((await put(`/api/letters/${letterId}/language`, cookies.coordinator, { language: 'en' })).status).toBe(200);
    expect(await store.accounts.getLetterLanguage(letterId)).toBe('en');
  });

  for (const language of supportedLanguages) {
    it(`L3 an export's fixed labels follow the letter's language (${language})`, async () => {
      await put(`/api/letters/${letterId}/details`, cookies.coordinator, { title: 'Joint letter', subject: 'Instrumentalisation', addressees: ['The Commission'], letterDate: '2026-12-24' });
      expect((await put(`/api/letters/${letterId}/language`, cookies.coordinator, { language })).status).toBe(200);
      const markdown = await (await services.app.request(`/api/letters/${letterId}/export?format=markdown`, { headers: { cookie: cookies.coordinator } })).text();
      const labels = exportLabelsIn(language);
      expect(markdown).toContain(`${labels.subject} Instrumentalisation`);
      expect(markdown).toContain(labels.addressees);
    });
  }

  it('L3 a letter language the catalogues lack falls back to English labels', () => {
    expect(exportLabelsIn('xx')).toEqual(exportLabelsIn('en'));
    expect(exportLabelsIn('en').signatureRecord).toBe('Record of final signatures');
  });
});
