import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AuditKind, type LetterAudit } from '../../shared/api/audit.js';
import type { Office } from '../../shared/api/offices.js';
import { composeServices } from '../compose.js';
import { testServiceOptions } from '../test-service-options.js';
import { createLogger } from '../logger.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { auditDraft } from './audit-draft.js';

const office: Office = {
  id: 'aa-interior',
  name: 'Ministerstvo vnitra',
  nameEn: 'Ministry of the Interior',
  country: 'Testland',
  ministerName: 'Jana Nováková',
  ministerTitle: 'Minister of the Interior',
  color: '#1f4e79',
};
const earlierEvents = 2500;

let dir: string;
let store: SqliteStore;
let services: ReturnType<typeof composeServices>;
let cookie: string;
let letterId: string;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jointly-audit-'));
  store = SqliteStore.open(path.join(dir, 'db.sqlite'));
  services = composeServices(store, createLogger('silent'), testServiceOptions());
  await store.accounts.insertOffices([office]);
  const userId = randomUUID();
  await store.accounts.insertUser({ id: userId, officeId: office.id, name: 'Jana', email: 'jana@aa.example', isAdmin: false, passwordHash: null, createdAt: new Date().toISOString() });
  cookie = `jointly_session=${(await services.sessions.start(userId)).id}`;
  letterId = randomUUID();
  const now = new Date().toISOString();
  await store.letters.createLetter({
    letter: { id: letterId, title: 'T', subject: '', addressees: [], letterDate: null, status: 'drafting', createdBy: userId, createdAt: now, updatedAt: now },
    signatories: [{ position: 0, officeId: office.id, signerName: 'Jana Nováková', capacity: 'Minister' }],
    memberships: [{ userId, roles: ['coordinator'] }],
  });
  // A workspace that has been in use for a while: thousands of events on other letters.
  await store.audit.append(Array.from({ length: earlierEvents }, () => auditDraft(AuditKind.loginRefused, null, null, { email: 'someone@aa.example' })));
});

afterEach(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function viewAuditPage(): Promise<LetterAudit> {
  const response = await services.app.request(`/api/letters/${letterId}/audit`, { headers: { cookie } });
  expect(response.status).toBe(200);
  return (await response.json()) as LetterAudit;
}

describe("the letter's audit page", () => {
  it('verifies only the events appended since the last view, and still reports the whole chain', async () => {
    const first = await viewAuditPage();
    expect(first.verification).toMatchObject({ intact: true, firstBroken: null });
    const total = first.verification.checked;
    expect(total).toBeGreaterThanOrEqual(earlierEvents);

    await store.audit.append([auditDraft(AuditKind.versionSaved, null, letterId, { name: 'sent to capitals' })]);
    const reads = vi.spyOn(store.audit, 'readChain');
    const second = await viewAuditPage();

    expect(second.verification).toEqual({ intact: true, checked: total + 1, firstBroken: null });
    const rowsRead = (await Promise.all(reads.mock.results.map((result) => result.value as Promise<unknown[]>))).reduce((sum, rows) => sum + rows.length, 0);
    expect(rowsRead, 'the second view reads the new event and the last one it had verified, not the whole chain').toBeLessThanOrEqual(2);
  });

  it('still finds a change to the last verified event', async () => {
    const first = await viewAuditPage();
    const last = first.verification.checked;
    (store as unknown as { db: { prepare: (sql: string) => { run: (...args: unknown[]) => void } } }).db
      .prepare('UPDATE audit_events SET detail = ? WHERE seq = ?')
      .run('{"email":"changed@aa.example"}', last);
    const second = await viewAuditPage();
    expect(second.verification).toMatchObject({ intact: false, firstBroken: { seq: last } });
  });
});

describe("the letter's audit trail in pages", () => {
  const page = async (query: string) => {
    const response = await services.app.request(`/api/letters/${letterId}/audit${query}`, { headers: { cookie } });
    return { status: response.status, body: (await response.json()) as LetterAudit & { error?: { code: string; message: string } } };
  };

  it('gives the newest events first, a page at a time, with a cursor to the next page, and only this letter\'s', async () => {
    const drafts = Array.from({ length: 120 }, (_, index) =>
      auditDraft(index % 3 === 0 ? AuditKind.statusChanged : AuditKind.versionSaved, index % 2 === 0 ? { id: randomUUID(), officeId: 'bb-office' } : null, letterId, { n: index }),
    );
    await store.audit.append(drafts);
    const first = await page('');
    expect(first.status).toBe(200);
    expect(first.body.events).toHaveLength(50);
    expect(first.body.events.map((event) => event.detail['n']).slice(0, 3)).toEqual([119, 118, 117]);
    expect(first.body.events.every((event) => event.letterId === letterId)).toBe(true);
    const second = await page(`?before=${first.body.nextCursor}`);
    expect(second.body.events[0]!.detail['n']).toBe(69);
    const last = await page(`?before=${second.body.nextCursor}&limit=200`);
    expect(last.body.events).toHaveLength(20);
    expect(last.body.nextCursor).toBeNull();
    const seen = [...first.body.events, ...second.body.events, ...last.body.events].map((event) => event.seq);
    expect(new Set(seen).size).toBe(120);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
  });

  it('filters by kind, person and office', async () => {
    const personId = randomUUID();
    await store.audit.append([
      auditDraft(AuditKind.statusChanged, { id: personId, officeId: 'bb-office' }, letterId, { n: 1 }),
      auditDraft(AuditKind.versionSaved, { id: personId, officeId: 'bb-office' }, letterId, { n: 2 }),
      auditDraft(AuditKind.statusChanged, { id: randomUUID(), officeId: 'cc-office' }, letterId, { n: 3 }),
    ]);
    const ns = (body: LetterAudit) => body.events.map((event) => event.detail['n']);
    expect(ns((await page('?kind=status_changed')).body)).toEqual([3, 1]);
    expect(ns((await page(`?person=${personId}`)).body)).toEqual([2, 1]);
    expect(ns((await page('?office=cc-office')).body)).toEqual([3]);
    expect(ns((await page(`?office=bb-office&kind=version_saved`)).body)).toEqual([2]);
  });

  it('refuses page parameters it does not know or cannot read, naming them', async () => {
    for (const query of ['?limit=0', '?limit=201', '?limit=ten', '?before=-4', '?before=1e3', '?person=someone', '?office=FI', '?kind=DROP%20TABLE', '?sort=oldest']) {
      const { status, body } = await page(query);
      expect(status, query).toBe(400);
      expect(body.error?.code).toBe('validation_failed');
    }
  });

  it('names a paragraph no longer in the letter by the opening words of its last revision', async () => {
    await store.history.appendRevisions([
      {
        id: 'a'.repeat(32),
        letterId,
        paragraphId: 'gone-paragraph',
        kind: 'edited',
        userId: null,
        officeId: null,
        startedAt: new Date().toISOString(),
        endedAt: new Date().toISOString(),
        content: { type: 'paragraph', content: [{ type: 'text', text: 'We ask the Commission to present a legal framework without delay.' }] },
        hash: 'b'.repeat(64),
        changes: 1,
        relatedParagraphId: null,
        restoredFrom: null,
      },
    ]);
    await store.audit.append([auditDraft(AuditKind.signoffRecorded, null, letterId, { paragraphId: 'gone-paragraph', action: 'approve' })]);
    const { body } = await page('?kind=signoff_recorded');
    expect(body.events[0]!.paragraph).toEqual({ number: null, opening: 'We ask the Commission to present a legal…' });
  });
});
