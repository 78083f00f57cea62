import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import type * as decoding from 'lib0/decoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { LetterCommentsMessage, ThreadEntry } from '../../shared/api/comments.js';
import type { Office } from '../../shared/api/offices.js';
import type { LetterStateMessage, SignoffGrid } from '../../shared/api/signoffs.js';
import { anchorPassage } from '../../shared/domain/comment-anchor.js';
import { currentParagraphs } from '../../shared/domain/current-paragraphs.js';
import { bodyFieldName } from '../../shared/domain/editor-extensions.js';
import { letterSchema } from '../../shared/domain/letter-schema.js';
import type { Role } from '../../shared/domain/roles.js';
import { readLetterCommentsMessage } from '../../shared/protocol/letter-comments-message.js';
import { readLetterStateMessage } from '../../shared/protocol/letter-state-message.js';
import { MessageType } from '../../shared/protocol/message-types.js';
import { composeServices } from '../compose.js';
import { testServiceOptions } from '../test-service-options.js';
import { createLogger } from '../logger.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import type { MentionEvent } from './mention-events.js';
import { textSnapshotOf } from '../store/text-snapshot.js';

const office = (id: string, country: string): Office => ({
  id,
  name: `Ministry of ${country}`,
  nameEn: `Ministry of the Interior of ${country}`,
  country,
  ministerName: `Minister of ${country}`,
  ministerTitle: 'Minister of the Interior',
  color: '#1f4e79',
});
const offices = [office('ee-interior', 'Estonia'), office('lv-interior', 'Latvia'), office('pl-interior', 'Poland')];

type Person = 'coordinator' | 'approverEE' | 'approverLV' | 'drafter' | 'observer' | 'outsider';
const setup: Record<Person, { office: string; roles: Role[]; name: string }> = {
  coordinator: { office: 'ee-interior', roles: ['coordinator'], name: 'Kadri Tamm' },
  approverEE: { office: 'ee-interior', roles: ['approver'], name: 'Mart Kask' },
  approverLV: { office: 'lv-interior', roles: ['approver'], name: 'Līga Ozola' },
  drafter: { office: 'lv-interior', roles: ['drafter'], name: 'Jānis Bērziņš' },
  observer: { office: 'ee-interior', roles: ['observer'], name: 'Olev Vaatleja' },
  outsider: { office: 'pl-interior', roles: [], name: 'Piotr Nowak' },
};
const limits = { maxCommentLength: 300, maxCommentsPerLetter: 40, maxMentions: 3, maxEditsPerComment: 3 };

let dir: string;
let store: SqliteStore;
let services: ReturnType<typeof composeServices>;
let server: ReturnType<typeof serve>;
let base: string;
const ids = {} as Record<Person, string>;
const cookies = {} as Record<Person, string>;
const cleanups: (() => void)[] = [];
const mentioned: MentionEvent[] = [];

const paragraph = (id: string, text: string) => ({ type: 'paragraph', attrs: { id }, content: [{ type: 'text', text }] });

async function createLetter(status: 'in_review' | 'signed' = 'in_review'): Promise<string> {
  const letterId = randomUUID();
  const doc = prosemirrorJSONToYDoc(
    letterSchema(),
    { type: 'doc', content: [paragraph('p1', 'We condemn the instrumentalisation of migrants.'), paragraph('p2', 'We call on the Commission to act.')] },
    bodyFieldName,
  );
  const now = new Date().toISOString();
  await store.letters.createLetter({
    letter: { id: letterId, title: 'T', subject: '', addressees: [], letterDate: null, status, createdBy: ids.coordinator, createdAt: now, updatedAt: now },
    signatories: offices.slice(0, 2).map((o, position) => ({ position, officeId: o.id, signerName: o.ministerName, capacity: o.ministerTitle })),
    memberships: (Object.keys(setup) as Person[]).filter((p) => setup[p].roles.length > 0).map((p) => ({ userId: ids[p], roles: setup[p].roles })),
    initialText: textSnapshotOf(Y.encodeStateAsUpdate(doc)),
  });
  return letterId;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jointly-comments-'));
  store = SqliteStore.open(path.join(dir, 'db.sqlite'));
  services = composeServices(store, createLogger('silent'), testServiceOptions({
    sessionIdleMs: 3_600_000,
    roomGraceMs: 60_000,
    maxBodyBytes: 65_536,
    commentLimits: limits,
  }));
  services.mentions.onMentioned((event) => void mentioned.push(event));
  await store.accounts.insertOffices(offices);
  for (const [person, { office: officeId, name }] of Object.entries(setup) as [Person, (typeof setup)[Person]][]) {
    ids[person] = randomUUID();
    await store.accounts.insertUser({ id: ids[person], officeId, name, email: `${person}@x.example`, isAdmin: false, passwordHash: null, createdAt: new Date().toISOString() });
    cookies[person] = `jointly_session=${(await services.sessions.start(ids[person])).id}`;
  }
  const sockets = new WebSocketServer({ noServer: true });
  server = serve({ fetch: services.app.fetch, port: 0, hostname: '127.0.0.1', websocket: { server: sockets } });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  base = `127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const cleanup of cleanups) cleanup();
  await services.registry.closeAll();
  await new Promise((resolve) => server.close(resolve));
  await services.workers.close();
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function api(person: Person, letterId: string, method: string, url: string, body?: unknown) {
  return fetch(`http://${base}/api/letters/${letterId}${url}`, {
    method,
    headers: { cookie: cookies[person], ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
}
const json = async <T>(response: Response | Promise<Response>) => (await (await response).json()) as T;
const errorCode = async (response: Response | Promise<Response>) => (await json<{ error: { code: string } }>(response)).error.code;

/** A person with the letter open: a real y-websocket client with their session, keeping messages 102 and 105. */
async function openLetter(person: Person, letterId: string) {
  const doc = new Y.Doc();
  const cookie = cookies[person];
  const states: LetterStateMessage[] = [];
  const comments: LetterCommentsMessage[] = [];
  const provider = new WebsocketProvider(`ws://${base}/sync`, letterId, doc, {
    disableBc: true,
    WebSocketPolyfill: class extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { headers: { cookie }, origin: `http://${base}` });
      }
    } as never,
  });
  provider.messageHandlers[MessageType.letterState] = (_encoder: unknown, decoder: decoding.Decoder) => void states.push(readLetterStateMessage(decoder));
  provider.messageHandlers[MessageType.letterComments] = (_encoder: unknown, decoder: decoding.Decoder) => void comments.push(readLetterCommentsMessage(decoder));
  cleanups.push(() => provider.destroy());
  await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
  const hashOf = (id: string) => currentParagraphs(doc).find((p) => p.id === id)!.hash;
  /** The newest copy of each thread this client heard of, as the browser keeps them. */
  const threads = () => {
    const byId = new Map<string, ThreadEntry>();
    for (const message of comments) {
      const incoming = message.kind === 'full' ? message.threads : message.kind === 'thread' ? [message.thread] : [];
      for (const thread of incoming) if ((byId.get(thread.id)?.version ?? 0) <= thread.version) byId.set(thread.id, thread);
    }
    return byId;
  };
  return { doc, provider, states, comments, hashOf, threads };
}

const until = async (check: () => boolean | Promise<boolean>) => {
  for (let i = 0; i < 400 && !(await check()); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(await check()).toBe(true);
};

describe('reservations', () => {
  it('R2 R3 R4 an open reservation blocks its office’s approval and the letter’s ready, until that office lifts it', async () => {
    const letterId = await createLetter();
    const coordinator = await openLetter('coordinator', letterId);
    const approve = (person: Person, paragraphId: string) => api(person, letterId, 'POST', `/paragraphs/${paragraphId}/signoffs`, { action: 'approve', hash: coordinator.hashOf(paragraphId) });
    const grid = () => json<SignoffGrid>(api('coordinator', letterId, 'GET', '/signoff-grid'));

    const entered = await api('approverEE', letterId, 'POST', '/paragraphs/p1/reservations', { kind: 'scrutiny', reason: 'Tallinn checks the legal basis.' });
    expect(entered.status).toBe(201);
    const { reservation } = await json<{ reservation: { id: string; officeId: string; by: string } }>(entered);
    expect(reservation).toMatchObject({ officeId: 'ee-interior', by: 'Mart Kask' });
    await until(() => coordinator.states.some((s) => s.kind === 'reservations' && s.reservations.some((r) => r.id === reservation.id && r.liftedAt === null)));

    // R2: Estonia cannot approve the reserved paragraph; Latvia can, and Estonia can approve the other one.
    const refused = await approve('approverEE', 'p1');
    expect(refused.status).toBe(409);
    expect(await errorCode(refused)).toBe('reservation_open');
    for (const [person, paragraphId] of [['approverLV', 'p1'], ['approverLV', 'p2'], ['approverEE', 'p2']] as const) {
      expect((await approve(person, paragraphId)).status).toBe(201);
    }

    // R3: the grid and its CSV show it, and the letter cannot be marked ready.
    const blocked = await grid();
    expect(blocked.paragraphs[0]!.reservations).toEqual({ 'ee-interior': ['scrutiny'] });
    expect([blocked.openReservations, blocked.isReady]).toEqual([1, false]);
    const csv = await (await api('coordinator', letterId, 'GET', '/signoff-grid.csv')).text();
    expect(csv.split('\n')[0]).toContain('Open reservations');
    expect(csv.split('\n')[1]).toContain('Ministry of the Interior of Estonia: scrutiny');
    const ready = await api('coordinator', letterId, 'POST', '/status', { to: 'ready' });
    expect(ready.status).toBe(409);
    expect((await json<{ error: { message: string } }>(ready)).error.message).toMatch(/open reservation/);

    // R4: only Estonia lifts it.
    const lift = (person: Person) => api(person, letterId, 'POST', `/reservations/${reservation.id}/lift`, { note: 'Checked in Tallinn.' });
    expect((await lift('approverLV')).status).toBe(403);
    expect((await lift('drafter')).status).toBe(403);
    expect((await lift('outsider')).status).toBe(404);
    expect((await lift('approverEE')).status).toBe(200);
    expect((await lift('approverEE')).status).toBe(409);
    await until(() => coordinator.states.some((s) => s.kind === 'reservations' && s.reservations.some((r) => r.id === reservation.id && r.liftedAt !== null)));

    expect((await approve('approverEE', 'p1')).status).toBe(201);
    expect((await grid()).isReady).toBe(true);
    expect((await api('coordinator', letterId, 'POST', '/status', { to: 'ready' })).status).toBe(200);

    const kinds = (await store.audit.listForLetter(letterId)).map((event) => event.kind);
    expect(kinds).toEqual(expect.arrayContaining(['reservation_entered', 'reservation_lifted']));
  });

  it('R1 lets only approvers of signatory offices enter one, on a paragraph the letter has, with a reason within the limit', async () => {
    const letterId = await createLetter();
    const enter = (person: Person, body: unknown, paragraphId = 'p2') => api(person, letterId, 'POST', `/paragraphs/${paragraphId}/reservations`, body);
    const valid = { kind: 'linguistic', reason: 'The Latvian translation is pending.' };
    expect((await enter('drafter', valid)).status).toBe(403);
    expect((await enter('observer', valid)).status).toBe(403);
    expect((await enter('coordinator', valid)).status).toBe(403);
    expect((await enter('outsider', valid)).status).toBe(404);
    expect((await enter('approverLV', valid, 'no-such-paragraph')).status).toBe(404);
    expect((await enter('approverLV', { kind: 'objection', reason: 'x' })).status).toBe(400);
    expect((await enter('approverLV', { kind: 'note', reason: '' })).status).toBe(400);
    const tooLong = await enter('approverLV', { kind: 'note', reason: 'x'.repeat(limits.maxCommentLength + 1) });
    expect([tooLong.status, await errorCode(tooLong)]).toEqual([400, 'comment_too_long']);
    expect(await json(api('coordinator', letterId, 'GET', '/reservations'))).toEqual({ reservations: [] });
    expect((await enter('approverLV', valid)).status).toBe(201);
    expect((await enter('approverLV', valid)).status).toBe(409);
    expect((await api('outsider', letterId, 'GET', '/reservations')).status).toBe(404);
  });
});

describe('comments and threads', () => {
  it('K3 K4 K5 K6 a thread on a passage lives for everyone on the letter: reply with a mention, edit, withdraw, resolve', async () => {
    const letterId = await createLetter();
    const drafter = await openLetter('drafter', letterId);
    const approver = await openLetter('approverEE', letterId);
    const anchor = anchorPassage(drafter.doc, 'p1', 15, 34)!;

    const started = await api('drafter', letterId, 'POST', '/threads', { paragraphId: 'p1', anchor, body: 'Is this the agreed term, <b>@Estonia</b>?' });
    expect(started.status).toBe(201);
    const { thread } = await json<{ thread: ThreadEntry }>(started);
    expect(thread).toMatchObject({ quote: 'instrumentalisation', status: 'open', version: 1 });
    expect(thread.comments[0]).toMatchObject({ author: 'Jānis Bērziņš', body: 'Is this the agreed term, <b>@Estonia</b>?', mentions: [{ kind: 'office', id: 'ee-interior', name: 'Estonia' }] });
    await until(() => approver.threads().get(thread.id)?.comments.length === 1);
    await until(() => mentioned.some((event) => event.threadId === thread.id && event.officeIds.includes('ee-interior')));

    const replied = await json<{ thread: ThreadEntry }>(api('approverEE', letterId, 'POST', `/threads/${thread.id}/comments`, { body: 'Yes, @Jānis Bērziņš, as agreed in October.' }));
    const reply = replied.thread.comments[1]!;
    expect(reply.mentions).toEqual([{ kind: 'user', id: ids.drafter, name: 'Jānis Bērziņš' }]);
    await until(() => mentioned.some((event) => event.commentId === reply.id && event.userIds.includes(ids.drafter)));
    await until(() => drafter.threads().get(thread.id)?.comments.length === 2);

    // K5: the author alone edits or withdraws; the earlier wording stays.
    expect((await api('drafter', letterId, 'PUT', `/comments/${reply.id}`, { body: 'Rewritten by someone else' })).status).toBe(403);
    const edited = await json<{ thread: ThreadEntry }>(api('approverEE', letterId, 'PUT', `/comments/${reply.id}`, { body: 'Yes, as agreed in the October conclusions.' }));
    expect(edited.thread.comments[1]).toMatchObject({ body: 'Yes, as agreed in the October conclusions.', earlier: [{ body: 'Yes, @Jānis Bērziņš, as agreed in October.' }] });
    expect(edited.thread.comments[1]!.editedAt).not.toBeNull();
    expect((await api('drafter', letterId, 'DELETE', `/comments/${reply.id}`)).status).toBe(403);
    const withdrawn = await json<{ thread: ThreadEntry }>(api('approverEE', letterId, 'DELETE', `/comments/${reply.id}`));
    expect(withdrawn.thread.comments[1]).toMatchObject({ body: null, earlier: [] });
    expect((await api('approverEE', letterId, 'PUT', `/comments/${reply.id}`, { body: 'Back again' })).status).toBe(409);

    // K6: resolve and reopen, live.
    expect((await api('approverEE', letterId, 'PUT', `/threads/${thread.id}/status`, { status: 'resolved' })).status).toBe(200);
    await until(() => drafter.threads().get(thread.id)?.status === 'resolved');
    expect(drafter.threads().get(thread.id)?.resolvedBy).toBe('Mart Kask');
    expect((await api('approverEE', letterId, 'PUT', `/threads/${thread.id}/status`, { status: 'resolved' })).status).toBe(409);
    expect((await api('drafter', letterId, 'PUT', `/threads/${thread.id}/status`, { status: 'open' })).status).toBe(200);

    // K7: someone who opens the letter later gets every thread as it stands.
    const late = await openLetter('coordinator', letterId);
    await until(() => late.threads().get(thread.id)?.status === 'open');
    expect(late.threads().get(thread.id)?.comments.map((c) => c.body)).toEqual(['Is this the agreed term, <b>@Estonia</b>?', null]);
    const kinds = (await store.audit.listForLetter(letterId)).map((event) => event.kind);
    expect(kinds).toEqual(expect.arrayContaining(['comment_added', 'comment_edited', 'comment_withdrawn', 'thread_resolved', 'thread_reopened']));
  });

  it('K1 keeps observers out of the discussion until the coordinator lets them in; outsiders learn nothing', async () => {
    const letterId = await createLetter();
    const start = (person: Person) => api(person, letterId, 'POST', '/threads', { paragraphId: 'p2', body: 'A question.' });
    expect((await start('observer')).status).toBe(403);
    expect((await start('outsider')).status).toBe(404);
    expect((await api('outsider', letterId, 'GET', '/threads')).status).toBe(404);
    expect((await api('observer', letterId, 'GET', '/threads')).status).toBe(200);
    expect((await api('drafter', letterId, 'PUT', '/comment-settings', { observersMayComment: true })).status).toBe(403);
    expect((await api('coordinator', letterId, 'PUT', '/comment-settings', { observersMayComment: true })).status).toBe(200);
    expect((await start('observer')).status).toBe(201);
    for (const person of ['coordinator', 'drafter', 'approverLV'] as const) expect((await start(person)).status).toBe(201);
  });

  it('K2 refuses bad input with a clear 4xx and stores nothing', async () => {
    const letterId = await createLetter();
    const other = await createLetter();
    const reader = await openLetter('drafter', letterId);
    const foreign = await openLetter('drafter', other);
    const start = (body: unknown) => api('drafter', letterId, 'POST', '/threads', body);
    const cases: [unknown, number, string][] = [
      [{ paragraphId: 'nowhere', body: 'Hello' }, 404, 'not_found'],
      [{ paragraphId: 'p1', anchor: anchorPassage(reader.doc, 'p2', 0, 5), body: 'Hello' }, 400, 'anchor_outside_paragraph'],
      [{ paragraphId: 'p1', anchor: anchorPassage(foreign.doc, 'p1', 0, 5), body: 'Hello' }, 400, 'anchor_outside_paragraph'],
      [{ paragraphId: 'p1', anchor: { start: '!!', end: 'AA' }, body: 'Hello' }, 400, 'validation_failed'],
      [{ paragraphId: 'p1', body: 'x'.repeat(limits.maxCommentLength + 1) }, 400, 'comment_too_long'],
      [{ paragraphId: 'p1', body: 'Ask @Piotr Nowak' }, 400, 'mention_not_on_letter'],
      [{ paragraphId: 'p1', body: 'Ask @Poland' }, 400, 'mention_not_on_letter'],
      [{ paragraphId: 'p1', body: '@Estonia @Latvia @Kadri Tamm @Mart Kask' }, 400, 'too_many_mentions'],
      [{ paragraphId: 'p1', body: '   ' }, 400, 'validation_failed'],
      [{ paragraphId: 'p1', body: 'Hello', html: '<b>x</b>' }, 400, 'validation_failed'],
    ];
    for (const [body, status, code] of cases) {
      const response = await start(body);
      expect([status, await errorCode(response)]).toEqual([status, code]);
    }
    expect((await json<{ threads: unknown[] }>(api('drafter', letterId, 'GET', '/threads'))).threads).toEqual([]);
    expect((await api('drafter', letterId, 'POST', `/threads/${randomUUID()}/comments`, { body: 'Hello' })).status).toBe(404);
  });

  it('K2 stops at the letter’s budget of comments and reservations', async () => {
    const letterId = await createLetter();
    const { thread } = await json<{ thread: ThreadEntry }>(api('drafter', letterId, 'POST', '/threads', { paragraphId: 'p1', body: 'First' }));
    for (let i = 1; i < limits.maxCommentsPerLetter; i++) {
      expect((await api('drafter', letterId, 'POST', `/threads/${thread.id}/comments`, { body: `Reply ${i}` })).status).toBe(201);
    }
    const over = await api('drafter', letterId, 'POST', `/threads/${thread.id}/comments`, { body: 'One more' });
    expect([over.status, await errorCode(over)]).toEqual([409, 'comment_limit_reached']);
    const reservation = await api('approverLV', letterId, 'POST', '/paragraphs/p1/reservations', { kind: 'note', reason: 'One more' });
    expect([reservation.status, await errorCode(reservation)]).toEqual([409, 'comment_limit_reached']);
  });

  it('K5 keeps at most COMMENT_MAX_EDITS earlier wordings of one comment: the next edit is refused and everyone’s thread stays small', async () => {
    const letterId = await createLetter();
    const { thread } = await json<{ thread: ThreadEntry }>(api('drafter', letterId, 'POST', '/threads', { paragraphId: 'p1', body: 'Wording 0' }));
    const commentId = thread.comments[0]!.id;
    for (let edit = 1; edit <= limits.maxEditsPerComment; edit++) {
      expect((await api('drafter', letterId, 'PUT', `/comments/${commentId}`, { body: `Wording ${edit}` })).status).toBe(200);
    }
    const over = await api('drafter', letterId, 'PUT', `/comments/${commentId}`, { body: 'One wording too many' });
    expect([over.status, await errorCode(over)]).toEqual([409, 'comment_edit_limit_reached']);
    const { threads } = await json<{ threads: ThreadEntry[] }>(api('approverEE', letterId, 'GET', '/threads'));
    const comment = threads.find((candidate) => candidate.id === thread.id)!.comments[0]!;
    expect(comment.body).toBe(`Wording ${limits.maxEditsPerComment}`);
    expect(comment.earlier).toHaveLength(limits.maxEditsPerComment);
    // Withdrawing stays possible.
    expect((await api('drafter', letterId, 'DELETE', `/comments/${commentId}`)).status).toBe(200);
  });

  it('K1 a signed letter keeps its comments readable and refuses new ones', async () => {
    const letterId = await createLetter('signed');
    expect((await api('drafter', letterId, 'GET', '/threads')).status).toBe(200);
    const refused = await api('drafter', letterId, 'POST', '/threads', { paragraphId: 'p1', body: 'Too late' });
    expect([refused.status, await errorCode(refused)]).toEqual([409, 'conflict']);
    expect((await api('approverEE', letterId, 'POST', '/paragraphs/p1/reservations', { kind: 'note', reason: 'Too late' })).status).toBe(409);
  });
});
