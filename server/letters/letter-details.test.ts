import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LetterDetail } from '../../shared/api/letters.js';
import type { LetterDetailsHistory } from '../../shared/api/letter-details.js';
import type { LetterAudit } from '../../shared/api/audit.js';
import type { Office } from '../../shared/api/offices.js';
import type { VersionDetail } from '../../shared/api/versions.js';
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
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jointly-details-'));
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

const send = (cookie: string, body: unknown) =>
  services.app.request(`/api/letters/${letterId}/details`, { method: 'PUT', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });
const read = async <T>(url: string, cookie = cookies.coordinator) => (await (await services.app.request(url, { headers: { cookie } })).json()) as T;

const newDetails = {
  title: 'Joint letter on the instrumentalisation of migrants',
  subject: 'Hybrid threats at the external border',
  addressees: ['Ursula von der Leyen, President of the European Commission', 'Magnus Brunner, Commissioner'],
  letterDate: '2026-12-24',
};

describe('letter details', () => {
  it('D1 D2 the coordinator changes title, subject, addressees and date; the letter, its history, its audit trail and its export show it', async () => {
    const response = await send(cookies.coordinator, newDetails);
    expect(response.status).toBe(200);
    const letter = await read<LetterDetail>(`/api/letters/${letterId}`);
    expect({ title: letter.title, subject: letter.subject, addressees: letter.addressees, letterDate: letter.letterDate }).toEqual(newDetails);

    const { edits } = await read<LetterDetailsHistory>(`/api/letters/${letterId}/details/history`, cookies.drafter);
    expect(edits).toHaveLength(1);
    expect(edits[0]).toMatchObject({ by: 'The coordinator', officeId: office.id });
    expect(edits[0]!.changes).toEqual([
      { field: 'title', from: 'Joint letter', to: newDetails.title },
      { field: 'subject', from: 'Instrumentalisation', to: newDetails.subject },
      { field: 'addressees', from: ['The Commission'], to: newDetails.addressees },
      { field: 'letterDate', from: null, to: '2026-12-24' },
    ]);

    const audit = await read<LetterAudit>(`/api/letters/${letterId}/audit`);
    const event = audit.events.find((candidate) => candidate.kind === 'letter_details_changed');
    expect(event?.detail).toMatchObject({ fields: ['title', 'subject', 'addressees', 'letterDate'], letterDate: '2026-12-24' });

    const markdown = await (await services.app.request(`/api/letters/${letterId}/export?format=markdown`, { headers: { cookie: cookies.drafter } })).text();
    expect(markdown).toContain(newDetails.title);
    expect(markdown).toContain(newDetails.subject);
    expect(markdown).toContain('Magnus Brunner, Commissioner');
    expect(markdown).toContain('24 December 2026');
  });

  it('D2 an edit that changes nothing records nothing', async () => {
    expect((await send(cookies.coordinator, { title: 'Joint letter', subject: 'Instrumentalisation', addressees: ['The Commission'], letterDate: null })).status).toBe(200);
    expect((await read<LetterDetailsHistory>(`/api/letters/${letterId}/details/history`)).edits).toEqual([]);
  });

  it('D1 refuses a drafter, and refuses every change once the letter is ready or signed', async () => {
    const refused = await send(cookies.drafter, newDetails);
    expect(refused.status).toBe(403);
    for (const [from, to] of [['drafting', 'ready'], ['ready', 'signed']] as const) {
      const coordinatorId = (await store.letters.getLetter(letterId))!.createdBy;
      await store.signoffs.recordLetterEvent(
        { letterId, kind: 'status_changed', officeId: null, fromStatus: from, toStatus: to, letterHash: null, reason: null, userId: coordinatorId, createdAt: new Date().toISOString() },
        from,
      );
      const response = await send(cookies.coordinator, newDetails);
      expect(response.status).toBe(409);
      expect((await response.json()).error.code).toBe('details_fixed');
    }
    expect((await read<LetterDetail>(`/api/letters/${letterId}`)).title).toBe('Joint letter');
    expect((await read<LetterDetailsHistory>(`/api/letters/${letterId}/details/history`)).edits).toEqual([]);
  });

  it('refuses details beyond the documented limits and dates that do not exist, naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ ...newDetails, title: 'x'.repeat(201) }, 'title'],
      [{ ...newDetails, title: '' }, 'title'],
      [{ ...newDetails, subject: 's'.repeat(501) }, 'subject'],
      [{ ...newDetails, addressees: Array.from({ length: 51 }, (_, i) => `Addressee ${i}`) }, 'addressees'],
      [{ ...newDetails, addressees: ['a'.repeat(301)] }, 'addressees'],
      [{ ...newDetails, letterDate: '2026-02-30' }, 'letterDate'],
      [{ ...newDetails, letterDate: '24.12.2026' }, 'letterDate'],
      [{ ...newDetails, title: 'Joint \u202Eletter' }, 'title'],
      [{ ...newDetails, status: 'signed' }, 'status'],
    ];
    for (const [body, field] of cases) {
      const response = await send(cookies.coordinator, body);
      expect(response.status, field).toBe(400);
      const { error } = (await response.json()) as { error: { code: string; message: string } };
      expect(error.code).toBe('validation_failed');
      expect(error.message).toContain(field);
    }
  });

  it('takes the date and the signing order given at creation', async () => {
    await store.accounts.insertOffices([{ ...office, id: 'bb-interior', country: 'Estonia', nameEn: 'Ministry of the Interior (EE)' }]);
    const created = await services.app.request('/api/letters', {
      method: 'POST',
      headers: { cookie: cookies.coordinator, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Ordered', letterDate: '2027-01-15', signatoryOfficeIds: ['bb-interior', office.id] }),
    });
    const letter = (await created.json()) as LetterDetail;
    expect(letter.letterDate).toBe('2027-01-15');
    expect(letter.signatories.map((signatory) => signatory.office.id)).toEqual(['bb-interior', office.id]);
  });

  it('a saved version keeps the details and signatories as they were, on its page and in its exports', async () => {
    const saved = await services.app.request(`/api/letters/${letterId}/versions`, {
      method: 'POST',
      headers: { cookie: cookies.coordinator, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Sent to capitals' }),
    });
    expect(saved.status).toBe(201);
    const versionId = ((await saved.json()) as { id: string }).id;
    expect((await send(cookies.coordinator, newDetails)).status).toBe(200);

    const detail = await read<VersionDetail>(`/api/letters/${letterId}/versions/${versionId}`, cookies.drafter);
    expect(detail.letter).toMatchObject({ title: 'Joint letter', subject: 'Instrumentalisation', addressees: ['The Commission'], letterDate: null });
    expect(detail.letter?.signatories.map((signatory) => signatory.office.id)).toEqual([office.id]);
    const markdown = await (await services.app.request(`/api/letters/${letterId}/export?format=markdown&version=${versionId}`, { headers: { cookie: cookies.drafter } })).text();
    expect(markdown).toContain('Joint letter');
    expect(markdown).toContain('Instrumentalisation');
    expect(markdown).not.toContain(newDetails.title);
    expect(markdown).not.toContain('Magnus Brunner');
  });
});
