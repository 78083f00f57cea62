import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { threadResponseSchema, reservationResponseSchema } from '../shared/api/comments.js';
import { bodyFieldName } from '../shared/domain/editor-extensions.js';
import { letterSchema } from '../shared/domain/letter-schema.js';
import type { Office } from '../shared/api/offices.js';
import { Role } from '../shared/domain/roles.js';
import { hashPassword } from './auth/password-hasher.js';
import { composeServices } from './compose.js';
import { testServiceOptions } from './test-service-options.js';
import { createLogger } from './logger.js';
import { SqliteStore } from './store/sqlite/sqlite-store.js';
import { textSnapshotOf } from './store/text-snapshot.js';

const office: Office = {
  id: 'aa-interior',
  name: 'Ministerstvo vnitra',
  nameEn: 'Ministry of the Interior',
  country: 'Testland',
  ministerName: 'Jana Nováková',
  ministerTitle: 'Minister of the Interior',
  color: '#1f4e79',
};

type Person = 'coordinator' | 'drafter' | 'approver' | 'observer' | 'outsider' | 'admin';
const people: Person[] = ['coordinator', 'drafter', 'approver', 'observer', 'outsider', 'admin'];

let dir: string;
let store: SqliteStore;
let services: ReturnType<typeof composeServices>;
const ids = {} as Record<Person, string>;
const cookies = {} as Record<Person, string>;
let letterId: string;
/** A thread the coordinator started, for replies, status changes and edits. */
let threadId: string;
let coordinatorCommentId: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jointly-access-'));
  store = SqliteStore.open(path.join(dir, 'db.sqlite'));
  services = composeServices(store, createLogger('silent'), testServiceOptions({
    rateLimits: { perAccount: 3, perAddress: 100, windowMs: 60_000 },
  }));
  await store.accounts.insertOffices([office]);
  const passwordHash = await hashPassword('a long test password');
  for (const person of people) {
    ids[person] = randomUUID();
    await store.accounts.insertUser({
      id: ids[person],
      officeId: office.id,
      name: `The ${person}`,
      email: `${person}@aa.example`,
      isAdmin: person === 'admin',
      passwordHash,
      createdAt: new Date().toISOString(),
    });
    cookies[person] = `jointly_session=${(await services.sessions.start(ids[person])).id}`;
  }
  letterId = randomUUID();
  const now = new Date().toISOString();
  await store.letters.createLetter({
    letter: { id: letterId, title: 'T', subject: '', addressees: [], letterDate: null, status: 'drafting', createdBy: ids.coordinator, createdAt: now, updatedAt: now },
    signatories: [{ position: 0, officeId: office.id, signerName: 'Jana Nováková', capacity: 'Minister' }],
    memberships: (['coordinator', 'drafter', 'approver', 'observer'] as const).map((role) => ({ userId: ids[role], roles: [role] })),
    // One paragraph to comment on and to enter reservations on.
    initialText: textSnapshotOf(
      Y.encodeStateAsUpdate(
        prosemirrorJSONToYDoc(letterSchema(), { type: 'doc', content: [{ type: 'paragraph', attrs: { id: 'p1' }, content: [{ type: 'text', text: 'We agree.' }] }] }, bodyFieldName),
      ),
    ),
  });
  const started = await startThread('coordinator');
  const { thread } = threadResponseSchema.parse(await started.json());
  threadId = thread.id;
  coordinatorCommentId = thread.comments[0]!.id;
});

afterAll(async () => {
  await services.registry.closeAll();
  await services.workers.close();
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function request(person: Person | null, method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return services.app.request(url, {
    method,
    headers: {
      ...(person ? { cookie: cookies[person] } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
}

const startThread = (person: Person) => request(person, 'POST', `/api/letters/${letterId}/threads`, { paragraphId: 'p1', body: `A question from the ${person}` });

/** Enters a scrutiny reservation as the approver (the one person who may), for lifting. */
async function enterReservation(): Promise<string> {
  const entered = await request('approver', 'POST', `/api/letters/${letterId}/paragraphs/p1/reservations`, { kind: 'scrutiny', reason: 'Our capital checks it.' });
  return reservationResponseSchema.parse(await entered.json()).reservation.id;
}

/** Lifts whatever a test left open, so that the next one may enter the same kind again. */
async function liftOpenReservations(): Promise<void> {
  for (const reservation of await store.comments.listReservations(letterId)) {
    if (reservation.liftedAt === null) await store.comments.liftReservation(letterId, reservation.id, ids.approver, new Date().toISOString(), null);
  }
}

/**
 * Each action on the letter, who may do it and the status it answers then (200 unless said).
 * Non-members get 404 (the letter does not exist for them).
 */
const actions: { name: string; allowed: Person[]; status?: number; send: (person: Person) => Promise<Response> }[] = [
  { name: 'read the letter', allowed: ['coordinator', 'drafter', 'approver', 'observer', 'admin'], send: (p) => request(p, 'GET', `/api/letters/${letterId}`) },
  {
    name: 'export the letter',
    allowed: ['coordinator', 'drafter', 'approver', 'observer', 'admin'],
    send: (p) => request(p, 'GET', `/api/letters/${letterId}/export?format=markdown`),
  },
  { name: 'list the members', allowed: ['coordinator', 'drafter', 'approver', 'observer', 'admin'], send: (p) => request(p, 'GET', `/api/letters/${letterId}/members`) },
  {
    name: 'change a role',
    // The workspace administrator administers every office (invariant 11), so may appoint on any letter.
    allowed: ['coordinator', 'admin'],
    send: (p) => request(p, 'PUT', `/api/letters/${letterId}/members/${ids.observer}`, { roles: [Role.observer] }),
  },
  {
    name: 'read the comment threads',
    allowed: ['coordinator', 'drafter', 'approver', 'observer', 'admin'],
    send: (p) => request(p, 'GET', `/api/letters/${letterId}/threads`),
  },
  {
    name: 'read the reservations',
    allowed: ['coordinator', 'drafter', 'approver', 'observer', 'admin'],
    send: (p) => request(p, 'GET', `/api/letters/${letterId}/reservations`),
  },
  {
    name: 'choose who may comment',
    // An administrator who is not a member reads as an observer.
    allowed: ['coordinator'],
    send: (p) => request(p, 'PUT', `/api/letters/${letterId}/comment-settings`, { observersMayComment: false }),
  },
  {
    name: 'add a member',
    allowed: ['coordinator', 'admin'],
    send: (p) => request(p, 'PUT', `/api/letters/${letterId}/members/${ids.outsider}`, { roles: [Role.observer] }).finally(() =>
      store.letters.removeMember(letterId, ids.outsider),
    ),
  },
  {
    name: 'change the letter details',
    allowed: ['coordinator'],
    send: (p) => request(p, 'PUT', `/api/letters/${letterId}/details`, { title: 'T', subject: `By ${p}`, addressees: [], letterDate: null }),
  },
  { name: 'read the details history', allowed: ['coordinator', 'drafter', 'approver', 'observer', 'admin'], send: (p) => request(p, 'GET', `/api/letters/${letterId}/details/history`) },
  // K1: every member but observers comments; an administrator who is not a member reads as an observer.
  { name: 'start a comment thread', allowed: ['coordinator', 'drafter', 'approver'], status: 201, send: (p) => startThread(p) },
  {
    name: 'reply to a thread',
    allowed: ['coordinator', 'drafter', 'approver'],
    status: 201,
    send: (p) => request(p, 'POST', `/api/letters/${letterId}/threads/${threadId}/comments`, { body: `A reply from the ${p}` }),
  },
  {
    name: 'resolve a thread',
    allowed: ['coordinator', 'drafter', 'approver'],
    send: (p) =>
      request(p, 'PUT', `/api/letters/${letterId}/threads/${threadId}/status`, { status: 'resolved' }).finally(() =>
        store.comments.setThreadStatus(letterId, threadId, 'open', ids.coordinator, new Date().toISOString()),
      ),
  },
  // K2: only the author edits or withdraws a comment.
  {
    name: 'edit a comment',
    allowed: ['coordinator'],
    send: (p) => request(p, 'PUT', `/api/letters/${letterId}/comments/${coordinatorCommentId}`, { body: `Reworded, tried by the ${p}` }),
  },
  {
    name: 'withdraw a comment',
    allowed: ['coordinator'],
    send: async (p) => {
      const { thread } = threadResponseSchema.parse(await (await startThread('coordinator')).json());
      return request(p, 'DELETE', `/api/letters/${letterId}/comments/${thread.comments[0]!.id}`);
    },
  },
  // R1, R4: approvers of a signatory office enter reservations, and lift their office's.
  {
    name: 'enter a reservation',
    allowed: ['approver'],
    status: 201,
    send: (p) =>
      request(p, 'POST', `/api/letters/${letterId}/paragraphs/p1/reservations`, { kind: 'scrutiny', reason: `Checked by the ${p}` }).finally(liftOpenReservations),
  },
  {
    name: 'lift a reservation',
    allowed: ['approver'],
    send: async (p) => request(p, 'POST', `/api/letters/${letterId}/reservations/${await enterReservation()}/lift`, {}).finally(liftOpenReservations),
  },
];

describe('access matrix over REST', () => {
  for (const action of actions) {
    for (const person of people) {
      const allowed = action.allowed.includes(person);
      const refusal = person === 'outsider' ? 404 : 403;
      it(`${person} ${allowed ? 'may' : 'may not'} ${action.name}`, async () => {
        const response = await action.send(person);
        expect(response.status).toBe(allowed ? (action.status ?? 200) : refusal);
        if (!allowed) expect((await response.json()).error.code).toBe(refusal === 404 ? 'not_found' : 'forbidden');
      });
    }
  }

  it('lists the letter for its members and the administrator, not for others', async () => {
    for (const person of people) {
      const { letters } = (await (await request(person, 'GET', '/api/letters')).json()) as { letters: { id: string }[] };
      expect(letters.some((letter) => letter.id === letterId)).toBe(person !== 'outsider');
    }
  });

  it('answers an unknown letter exactly like a letter you may not see', async () => {
    const hidden = await request('outsider', 'GET', `/api/letters/${letterId}`);
    const unknown = await request('outsider', 'GET', `/api/letters/${randomUUID()}`);
    const malformed = await request('outsider', 'GET', '/api/letters/not-a-uuid');
    expect([hidden.status, unknown.status, malformed.status]).toEqual([404, 404, 404]);
    const bodies = await Promise.all([hidden.json(), unknown.json(), malformed.json()]);
    expect(bodies[0]).toEqual(bodies[1]);
    expect(bodies[1]).toEqual(bodies[2]);
  });

  it('lets only the administrator manage people', async () => {
    for (const person of people) {
      expect((await request(person, 'GET', '/api/admin/users')).status).toBe(person === 'admin' ? 200 : 403);
    }
  });

  it('keeps a coordinator on every letter', async () => {
    const response = await request('coordinator', 'DELETE', `/api/letters/${letterId}/members/${ids.coordinator}`);
    expect(response.status).toBe(409);
  });
});

describe('sessions over REST', () => {
  it('answers 401 without a session, with a forged one and after sign-out', async () => {
    expect((await request(null, 'GET', '/api/letters')).status).toBe(401);
    expect((await services.app.request('/api/letters', { headers: { cookie: 'jointly_session=forged' } })).status).toBe(401);
    const session = await services.sessions.start(ids.drafter);
    const cookie = `jointly_session=${session.id}`;
    expect((await services.app.request('/api/letters', { headers: { cookie } })).status).toBe(200);
    await services.app.request('/api/auth/logout', { method: 'POST', headers: { cookie } });
    expect((await services.app.request('/api/letters', { headers: { cookie } })).status).toBe(401);
  });

  it('gives a new session id at every sign-in', async () => {
    const login = () => request(null, 'POST', '/api/auth/login', { email: 'drafter@aa.example', password: 'a long test password' });
    const first = (await login()).headers.get('set-cookie');
    const second = (await login()).headers.get('set-cookie');
    expect(first).toMatch(/jointly_session=[\w-]{40,}; .*HttpOnly/);
    expect(first).toMatch(/SameSite=Lax/);
    expect(first).not.toBe(second);
  });

  it('limits failed sign-ins per account with a clear message', async () => {
    const attempt = () => request(null, 'POST', '/api/auth/login', { email: 'observer@aa.example', password: 'wrong password' });
    for (let i = 0; i < 3; i++) expect((await attempt()).status).toBe(401);
    const blocked = await attempt();
    expect(blocked.status).toBe(429);
    expect((await blocked.json()).error.message).toMatch(/Too many sign-in attempts/);
    const correct = await request(null, 'POST', '/api/auth/login', { email: 'observer@aa.example', password: 'a long test password' });
    expect(correct.status).toBe(429);
  });
});

describe('CSRF and bodies', () => {
  const create = (headers: Record<string, string>, body: string | undefined) =>
    services.app.request('/api/letters', { method: 'POST', headers: { cookie: cookies.drafter, ...headers }, ...(body ? { body } : {}) });
  const json = JSON.stringify({ title: 'Cross-site letter' });

  it('refuses a state change sent from another site, whatever its content type', async () => {
    for (const contentType of ['application/json', 'text/plain', 'application/x-www-form-urlencoded']) {
      const response = await create({ origin: 'https://evil.example', 'content-type': contentType }, json);
      expect(response.status).toBe(403);
    }
    expect((await create({ 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' }, json)).status).toBe(403);
  });

  it('refuses bodies that are not JSON, including no Content-Type at all', async () => {
    expect((await create({ 'content-type': 'text/plain' }, json)).status).toBe(415);
    expect((await create({}, json)).status).toBe(415);
  });

  it('refuses a body over the size limit and a body that does not match the schema', async () => {
    const big = JSON.stringify({ title: 'x'.repeat(10_000) });
    expect((await create({ 'content-type': 'application/json' }, big)).status).toBe(413);
    const invalid = await create({ 'content-type': 'application/json' }, JSON.stringify({ title: '' }));
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).error.code).toBe('validation_failed');
  });

  it('accepts the same request from this site', async () => {
    const response = await create({ origin: 'http://localhost', host: 'localhost', 'content-type': 'application/json' }, json);
    expect(response.status).toBe(201);
  });
});

describe('inviting to a letter', () => {
  const invite = (person: Person, email: string) =>
    request(person, 'POST', `/api/letters/${letterId}/invitations`, { name: 'Ülle Uus', email, officeId: office.id, roles: ['drafter'] });

  it('lets the coordinator invite someone new, who becomes a member with a one-time link', async () => {
    const response = await invite('coordinator', 'ulle@aa.example');
    expect(response.status).toBe(201);
    const body = (await response.json()) as { invitationUrl: string; members: { email: string; roles: string[] }[] };
    expect(body.invitationUrl).toMatch(/\/invitations\/[\w-]{40,}$/);
    expect(body.members.find((member) => member.email === 'ulle@aa.example')?.roles).toEqual(['drafter']);
    const token = body.invitationUrl.split('/').at(-1)!;
    const accept = () => request(null, 'POST', `/api/invitations/${token}`, { password: 'a long new password' });
    expect((await accept()).status).toBe(200);
    expect((await accept()).status).toBe(410);
  });

  it('refuses invitations from anyone but the coordinator, and for an address that has an account', async () => {
    for (const person of ['drafter', 'approver', 'observer'] as const) expect((await invite(person, `${person}-x@aa.example`)).status).toBe(403);
    expect((await invite('outsider', 'x@aa.example')).status).toBe(404);
    expect((await invite('coordinator', 'drafter@aa.example')).status).toBe(409);
  });
});
