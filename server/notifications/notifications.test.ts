import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { ErrorResponse } from '../../shared/api/errors.js';
import type { LetterDeadlines, MailStatus, NotificationList, Preferences } from '../../shared/api/notifications.js';
import type { LetterInvitationResponse } from '../../shared/api/members.js';
import type { Office } from '../../shared/api/offices.js';
import type { SessionUser } from '../../shared/api/session.js';
import { bodyFieldName } from '../../shared/domain/editor-extensions.js';
import { letterSchema } from '../../shared/domain/letter-schema.js';
import { paragraphHash } from '../../shared/domain/paragraph-hash.js';
import { Delivery, NotificationKind } from '../../shared/domain/notification-rules.js';
import { composeServices } from '../compose.js';
import { testServiceOptions } from '../test-service-options.js';
import { loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { JobKind } from '../store/notification-store.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import type { MailMessage, Mailer } from './mailer.js';
import { textSnapshotOf } from '../store/text-snapshot.js';

const offices: Office[] = ['ee', 'lv'].map((code) => ({
  id: `${code}-interior`,
  name: `Interior ${code}`,
  nameEn: `Ministry of the Interior ${code.toUpperCase()}`,
  country: code,
  ministerName: `Minister ${code}`,
  ministerTitle: 'Minister of the Interior',
  color: '#1f4e79',
}));
type Person = 'coordinator' | 'estonia' | 'latvia' | 'observer';
const people: Record<Person, { office: string; roles: string[] }> = {
  coordinator: { office: 'ee-interior', roles: ['coordinator'] },
  estonia: { office: 'ee-interior', roles: ['approver'] },
  latvia: { office: 'lv-interior', roles: ['approver'] },
  observer: { office: 'lv-interior', roles: ['observer'] },
};
const letterText = 'The ministers ask the Commission to act on the instrumentalisation of migrants.';

/** A mail server in memory: what was sent, and whether it refuses for now. */
class RecordingMailer implements Mailer {
  readonly isConfigured = true;
  readonly sent: MailMessage[] = [];
  refusing = false;
  async send(message: MailMessage): Promise<void> {
    if (this.refusing) throw new Error('451 try again later');
    this.sent.push(message);
  }
  close(): void {}
}

let dir: string;
let store: SqliteStore;
let mailer: RecordingMailer;
let services: ReturnType<typeof composeServices>;
const ids = {} as Record<Person, string>;
const cookies = {} as Record<Person, string>;
let letterId: string;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jointly-notify-'));
  store = SqliteStore.open(path.join(dir, 'db.sqlite'));
  mailer = new RecordingMailer();
  services = composeServices(store, createLogger('silent'), testServiceOptions({
    sessionIdleMs: 3_600_000,
    maxBodyBytes: 65_536,
    publicOrigin: 'https://jointly.example.eu',
    notify: { ...loadConfig({}).notify, maxAttempts: 3, retryBaseMs: 60_000 },
    mailer,
  }));
  await store.accounts.insertOffices(offices);
  for (const [person, { office }] of Object.entries(people) as [Person, { office: string }][]) {
    ids[person] = randomUUID();
    await store.accounts.insertUser({ id: ids[person], officeId: office, name: person, email: `${person}@${office}.example`, isAdmin: person === 'coordinator', passwordHash: null, createdAt: new Date().toISOString() });
    cookies[person] = `jointly_session=${(await services.sessions.start(ids[person])).id}`;
  }
  letterId = randomUUID();
  const doc = prosemirrorJSONToYDoc(letterSchema(), { type: 'doc', content: [{ type: 'paragraph', attrs: { id: 'p1' }, content: [{ type: 'text', text: letterText }] }] }, bodyFieldName);
  const now = new Date().toISOString();
  await store.letters.createLetter({
    letter: { id: letterId, title: 'Joint letter on the eastern border', subject: '', addressees: [], letterDate: null, status: 'in_review', createdBy: ids.coordinator, createdAt: now, updatedAt: now },
    signatories: offices.map((office, position) => ({ position, officeId: office.id, signerName: office.ministerName, capacity: office.ministerTitle })),
    memberships: (Object.keys(people) as Person[]).map((person) => ({ userId: ids[person], roles: people[person].roles as never })),
    initialText: textSnapshotOf(Y.encodeStateAsUpdate(doc)),
  });
});

afterEach(async () => {
  await services.notify.stop();
  await services.registry.closeAll();
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function call(person: Person, method: string, url: string, body?: unknown): Promise<Response> {
  return services.app.request(url, {
    method,
    headers: { cookie: cookies[person], ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}
const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
const sessionUser = async (person: Person) => ((await (await call(person, 'GET', '/api/session')).json()) as { user: SessionUser }).user;
const bell = async (person: Person) => (await (await call(person, 'GET', '/api/notifications')).json()) as NotificationList;

describe('deadlines', () => {
  it('N3: the coordinator sets a letter-wide deadline and one per office; everyone reads where each office stands', async () => {
    const response = await call('coordinator', 'PUT', `/api/letters/${letterId}/deadlines`, {
      deadlines: [
        { officeId: null, dueAt: hoursFromNow(72) },
        { officeId: 'lv-interior', dueAt: hoursFromNow(48) },
      ],
    });
    expect(response.status).toBe(200);
    const seen = (await (await call('observer', 'GET', `/api/letters/${letterId}/deadlines`)).json()) as LetterDeadlines;
    expect(seen.offices.map((o) => [o.officeId, o.dueAt === null ? null : Math.round((Date.parse(o.dueAt) - Date.now()) / 3_600_000), o.isOutstanding, o.isLate])).toEqual([
      ['ee-interior', 72, true, false],
      ['lv-interior', 48, true, false],
    ]);
    expect((await store.audit.listForLetter(letterId)).map((e) => e.kind)).toContain('deadlines_set');
  });

  it('N3: refuses a deadline in the past, for an office that does not sign, twice for one office, and from anyone but the coordinator', async () => {
    const put = (person: Person, deadlines: unknown) => call(person, 'PUT', `/api/letters/${letterId}/deadlines`, { deadlines });
    const codes = async (response: Response) => [response.status, ((await response.json()) as ErrorResponse).error.code];
    expect(await codes(await put('coordinator', [{ officeId: null, dueAt: hoursFromNow(-1) }]))).toEqual([400, 'validation_failed']);
    expect(await codes(await put('coordinator', [{ officeId: 'no-such-office', dueAt: hoursFromNow(5) }]))).toEqual([400, 'validation_failed']);
    expect(await codes(await put('coordinator', [{ officeId: null, dueAt: 'Friday' }]))).toEqual([400, 'validation_failed']);
    expect(
      await codes(
        await put('coordinator', [
          { officeId: 'ee-interior', dueAt: hoursFromNow(5) },
          { officeId: 'ee-interior', dueAt: hoursFromNow(6) },
        ]),
      ),
    ).toEqual([400, 'validation_failed']);
    expect(await codes(await put('latvia', [{ officeId: null, dueAt: hoursFromNow(5) }]))).toEqual([403, 'forbidden']);
    expect((await store.notifications.listDeadlines(letterId)).length).toBe(0);
  });

  it('N6: a passed deadline tells the late office’s approvers and the coordinator once, with an audit event', async () => {
    await call('coordinator', 'PUT', `/api/letters/${letterId}/deadlines`, { deadlines: [{ officeId: 'lv-interior', dueAt: hoursFromNow(30) }] });
    const after = (hours: number) => () => new Date(Date.now() + hours * 3_600_000);
    expect(await services.notify.runner.runDue(after(1))).toBe(0);
    await services.notify.runner.runDue(after(7));
    expect((await bell('latvia')).notifications.map((n) => n.kind)).toEqual([NotificationKind.deadlineSoon]);
    await services.notify.runner.runDue(after(31));
    await services.notify.runner.runDue(after(32));
    expect((await bell('latvia')).notifications.map((n) => n.kind)).toEqual([NotificationKind.deadlinePassed, NotificationKind.deadlineSoon]);
    expect((await bell('coordinator')).notifications.map((n) => n.title)).toEqual(['Deadline passed for “Joint letter on the eastern border”: 1 office is late']);
    // Estonia has no deadline of its own and there is no letter-wide one.
    expect((await bell('estonia')).notifications).toEqual([]);
    const reminders = (await store.audit.listForLetter(letterId)).filter((e) => e.kind === 'reminder_sent');
    expect(reminders.map((e) => JSON.parse(e.detail) as { reason: string; officeIds: string[] })).toEqual([
      expect.objectContaining({ reason: 'deadline_soon', officeIds: ['lv-interior'] }),
      expect.objectContaining({ reason: 'deadline_passed', officeIds: ['lv-interior'] }),
    ]);
  });

  it('N6: a deadline moved before it falls due is told at its new time only', async () => {
    await call('coordinator', 'PUT', `/api/letters/${letterId}/deadlines`, { deadlines: [{ officeId: null, dueAt: hoursFromNow(2) }] });
    await call('coordinator', 'PUT', `/api/letters/${letterId}/deadlines`, { deadlines: [{ officeId: null, dueAt: hoursFromNow(50) }] });
    expect(await services.notify.runner.runDue(() => new Date(Date.now() + 3 * 3_600_000))).toBe(0);
    expect((await bell('latvia')).notifications).toEqual([]);
  });
});

describe('reminders', () => {
  it('N5: the coordinator reminds an office’s approvers at most once an hour (429 reminder_too_soon)', async () => {
    const first = await call('coordinator', 'POST', `/api/letters/${letterId}/reminders`, { officeIds: ['lv-interior'] });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ reminded: [{ officeId: 'lv-interior', recipients: 1 }] });
    expect((await bell('latvia')).notifications.map((n) => [n.kind, n.title, n.path])).toEqual([
      [NotificationKind.reminder, 'Reminder: “Joint letter on the eastern border” waits for your office', `/letters/${letterId}`],
    ]);
    expect((await bell('observer')).notifications).toEqual([]);
    const again = await call('coordinator', 'POST', `/api/letters/${letterId}/reminders`, { officeIds: ['lv-interior'] });
    expect(again.status).toBe(429);
    expect(((await again.json()) as ErrorResponse).error.code).toBe('reminder_too_soon');
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(3500);
    expect((await bell('latvia')).notifications).toHaveLength(1);
    expect((await store.audit.listForLetter(letterId)).filter((e) => e.kind === 'reminder_sent')).toHaveLength(1);
  });

  it('N4: reminding every late office needs a passed deadline; an approver cannot remind', async () => {
    const none = await call('coordinator', 'POST', `/api/letters/${letterId}/reminders`, {});
    expect(none.status).toBe(409);
    expect((await call('latvia', 'POST', `/api/letters/${letterId}/reminders`, { officeIds: ['ee-interior'] })).status).toBe(403);
    await call('coordinator', 'PUT', `/api/letters/${letterId}/deadlines`, { deadlines: [{ officeId: 'ee-interior', dueAt: hoursFromNow(1) }] });
    // Two hours on, Estonia is late and Latvia (no deadline) is not.
    const outcome = await services.notify.deadlines.remind(await sessionUser('coordinator'), letterId, {}, new Date(Date.now() + 2 * 3_600_000));
    expect(outcome.reminded).toEqual([{ officeId: 'ee-interior', recipients: 1 }]);
  });
});

describe('the bell', () => {
  it('N1: every member but the mover hears that the letter is ready; approvers are asked to sign', async () => {
    await services.notify.notices.statusMoved({
      letterId,
      from: 'in_review',
      to: 'ready',
      by: await sessionUser('coordinator'),
    });
    expect((await bell('coordinator')).notifications).toEqual([]);
    expect((await bell('observer')).notifications.map((n) => n.kind)).toEqual([NotificationKind.letterReady]);
    expect((await bell('latvia')).notifications.map((n) => n.kind).sort()).toEqual([NotificationKind.letterReady, NotificationKind.signatureRequested]);
    const list = await bell('latvia');
    expect(list.unread).toBe(2);
    const read = await call('latvia', 'POST', '/api/notifications/read', { ids: [list.notifications[0]!.id] });
    expect(((await read.json()) as NotificationList).unread).toBe(1);
    // Someone else's notification cannot be marked read by them.
    await call('observer', 'POST', '/api/notifications/read', { ids: [list.notifications[1]!.id] });
    expect((await bell('latvia')).unread).toBe(1);
    await call('latvia', 'POST', '/api/notifications/read', { all: true });
    expect((await bell('latvia')).unread).toBe(0);
    expect((await call('latvia', 'POST', '/api/notifications/read', { ids: ['not-an-id'] })).status).toBe(400);
  });

  it('N1: a mention from the comments feature reaches the people and offices named, not its author', async () => {
    const author = await sessionUser('estonia');
    await services.notify.notices.notifyMention({ letterId, by: author, officeIds: ['lv-interior', 'ee-interior'], mentionId: 'comment-1' });
    await services.notify.notices.notifyMention({ letterId, by: author, officeIds: ['lv-interior'], mentionId: 'comment-1' });
    expect((await bell('latvia')).notifications.map((n) => n.title)).toEqual(['estonia mentioned you or your office in “Joint letter on the eastern border”']);
    // Stored as what it names, so that each reader's page shows it in their language.
    expect((await bell('latvia')).notifications.map((n) => n.titleParts)).toEqual([{ letterTitle: 'Joint letter on the eastern border', actorName: 'estonia' }]);
    expect((await bell('observer')).notifications).toHaveLength(1);
    expect((await bell('estonia')).notifications).toEqual([]);
  });

  it('N1: a comment that mentions a person tells them in their bell, through the comments feature', async () => {
    const posted = await call('estonia', 'POST', `/api/letters/${letterId}/threads`, { paragraphId: 'p1', body: 'Could you check the wording, @latvia?' });
    expect(posted.status).toBeLessThan(300);
    await expect.poll(async () => (await bell('latvia')).notifications.map((n) => n.kind), { timeout: 5_000 }).toEqual([NotificationKind.mention]);
    expect((await bell('observer')).notifications).toEqual([]);
    expect((await bell('estonia')).notifications).toEqual([]);
  });

  it('N7: a new comment on a paragraph an office approved tells its approvers, as they chose, never the author or those it mentions', async () => {
    const at = new Date().toISOString();
    const act = { letterId, paragraphId: 'p1', paragraphText: letterText, contentHash: 'a'.repeat(64), reason: null, createdAt: at };
    // Latvia approved the paragraph; Estonia approved it, then asked for changes.
    await store.signoffs.appendSignoffs([
      { ...act, officeId: 'lv-interior', action: 'approve', userId: ids.latvia },
      { ...act, officeId: 'ee-interior', action: 'approve', userId: ids.estonia },
      { ...act, officeId: 'ee-interior', action: 'request_changes', reason: 'Name the Commission first.', userId: ids.estonia },
    ]);
    await call('latvia', 'PUT', '/api/notifications/preferences', { preferences: [{ kind: NotificationKind.commentOnApproved, delivery: Delivery.email }] });
    const started = await call('coordinator', 'POST', `/api/letters/${letterId}/threads`, { paragraphId: 'p1', body: 'Shall we shorten this?' });
    expect(started.status).toBe(201);
    const kindsOf = async (person: Person) => (await bell(person)).notifications.map((n) => n.kind);
    await expect.poll(() => kindsOf('latvia'), { timeout: 5_000 }).toEqual([NotificationKind.commentOnApproved]);
    expect((await bell('latvia')).notifications[0]!.title).toBe('coordinator commented on a paragraph your office approved in “Joint letter on the eastern border”');
    // Estonia's latest act is a request for changes; the observer does not approve; the author is not told.
    for (const person of ['estonia', 'observer', 'coordinator'] as const) expect(await kindsOf(person)).toEqual([]);
    await services.notify.runner.runDue();
    expect(mailer.sent.map((m) => [m.to, m.subject])).toEqual([['latvia@lv-interior.example', (await bell('latvia')).notifications[0]!.title]]);
    expect(mailer.sent[0]!.text).not.toContain('Shall we shorten');

    // A reply that mentions Latvia's office is told to it as a mention, not twice; Latvia's own reply tells nobody.
    const { thread } = (await started.json()) as { thread: { id: string } };
    expect((await call('estonia', 'POST', `/api/letters/${letterId}/threads/${thread.id}/comments`, { body: 'What does @lv think?' })).status).toBe(201);
    await expect.poll(() => kindsOf('latvia'), { timeout: 5_000 }).toEqual([NotificationKind.mention, NotificationKind.commentOnApproved]);
    expect((await call('latvia', 'POST', `/api/letters/${letterId}/threads/${thread.id}/comments`, { body: 'Fine by us.' })).status).toBe(201);
    expect((await call('latvia', 'POST', `/api/letters/${letterId}/threads`, { paragraphId: 'p1', body: 'One more thought.' })).status).toBe(201);
    // The notices of a comment are stored after it: a later one from someone else shows the earlier ones are done.
    expect((await call('coordinator', 'POST', `/api/letters/${letterId}/threads/${thread.id}/comments`, { body: 'Noted.' })).status).toBe(201);
    await expect.poll(() => kindsOf('latvia'), { timeout: 5_000 }).toHaveLength(3);
    expect(await kindsOf('latvia')).toEqual([NotificationKind.commentOnApproved, NotificationKind.mention, NotificationKind.commentOnApproved]);
    for (const person of ['estonia', 'coordinator'] as const) expect(await kindsOf(person)).toEqual([]);
    // Latvia's observer hears of the mention of its office only.
    expect(await kindsOf('observer')).toEqual([NotificationKind.mention]);
  });

  it('N1: an approval whose paragraph changed since tells that office’s approvers once', async () => {
    const at = new Date().toISOString();
    const approval = { letterId, paragraphId: 'p1', action: 'approve' as const, paragraphText: 'An earlier wording.', reason: null, createdAt: at };
    // Estonia approved an earlier wording; Latvia approved the text as it stands.
    await store.signoffs.appendSignoffs([
      { ...approval, officeId: 'ee-interior', contentHash: 'a'.repeat(64), userId: ids.estonia },
      { ...approval, officeId: 'lv-interior', contentHash: paragraphHash({ type: 'paragraph', content: [{ type: 'text', text: letterText }] }), userId: ids.latvia },
    ]);
    await services.notify.notices.checkStaleApprovals(letterId);
    await services.notify.notices.checkStaleApprovals(letterId);
    expect((await bell('estonia')).notifications.map((n) => [n.kind, n.path])).toEqual([[NotificationKind.approvalStale, `/letters/${letterId}/sign-off`]]);
    expect((await bell('latvia')).notifications).toEqual([]);
    expect((await bell('coordinator')).notifications).toEqual([]);
  });

  it('N1: checking a letter without approvals for stale ones reads none of its text, however often its text changes', async () => {
    const readText = vi.spyOn(services.registry, 'readText');
    for (let pause = 0; pause < 3; pause++) await services.notify.notices.checkStaleApprovals(letterId);
    expect(readText).not.toHaveBeenCalled();
    expect((await bell('estonia')).notifications).toEqual([]);
  });

  it('streams the unread count at once and again when a notification arrives', async () => {
    const response = await call('latvia', 'GET', '/api/notifications/stream');
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    const nextEvent = async () => {
      let text = '';
      while (!text.includes('\n\n')) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`the stream ended; it sent: ${text}`);
        text += decoder.decode(value);
      }
      return text;
    };
    expect(await nextEvent()).toContain('data: {"unread":0}');
    await call('coordinator', 'POST', `/api/letters/${letterId}/reminders`, { officeIds: ['lv-interior'] });
    expect(await nextEvent()).toContain('data: {"unread":1}');
    // Signing out ends the stream too.
    await call('latvia', 'POST', '/api/auth/logout');
    expect(await reader.read()).toEqual({ done: true, value: undefined });
  });
});

describe('preferences and mail', () => {
  it('N1: lists every kind with its default, and keeps a person’s choice', async () => {
    const defaults = (await (await call('latvia', 'GET', '/api/notifications/preferences')).json()) as Preferences;
    expect(defaults.preferences.find((p) => p.kind === NotificationKind.reminder)?.delivery).toBe(Delivery.email);
    const changed = await call('latvia', 'PUT', '/api/notifications/preferences', { preferences: [{ kind: NotificationKind.reminder, delivery: Delivery.digest }] });
    expect(((await changed.json()) as Preferences).preferences.find((p) => p.kind === NotificationKind.reminder)?.delivery).toBe(Delivery.digest);
    expect((await call('latvia', 'PUT', '/api/notifications/preferences', { preferences: [{ kind: 'gossip', delivery: Delivery.email }] })).status).toBe(400);
  });

  it('N2: mails a reminder at once with its title and link only, never the letter text, and never blocks the reminder', async () => {
    mailer.refusing = true;
    expect((await call('coordinator', 'POST', `/api/letters/${letterId}/reminders`, { officeIds: ['lv-interior'] })).status).toBe(200);
    await services.notify.runner.runDue();
    expect(mailer.sent).toEqual([]);
    const status = (await (await call('coordinator', 'GET', '/api/admin/mail')).json()) as MailStatus;
    expect(status).toMatchObject({ isConfigured: true, pending: 1, failures: [{ attempts: 1, lastError: '451 try again later', gaveUp: false }] });
    mailer.refusing = false;
    // The retry waits for its backoff (a minute), then goes out.
    expect(await services.notify.runner.runDue(() => new Date(Date.now() + 30_000))).toBe(0);
    expect(await services.notify.runner.runDue(() => new Date(Date.now() + 61_000))).toBe(1);
    expect(mailer.sent).toHaveLength(1);
    const [mail] = mailer.sent;
    expect(mail!.to).toBe('latvia@lv-interior.example');
    expect(mail!.subject).toBe('Reminder: “Joint letter on the eastern border” waits for your office');
    expect(mail!.text).toContain(`https://jointly.example.eu/letters/${letterId}`);
    expect(mail!.text).not.toContain('instrumentalisation');
    expect(((await (await call('coordinator', 'GET', '/api/admin/mail')).json()) as MailStatus).pending).toBe(0);
    expect((await call('latvia', 'GET', '/api/admin/mail')).status).toBe(403);
  });

  it('gives a mail up after its last try and shows it to the administrator', async () => {
    mailer.refusing = true;
    await call('coordinator', 'POST', `/api/letters/${letterId}/reminders`, { officeIds: ['lv-interior'] });
    for (const minutes of [0, 2, 10]) await services.notify.runner.runDue(() => new Date(Date.now() + minutes * 60_000));
    const status = (await (await call('coordinator', 'GET', '/api/admin/mail')).json()) as MailStatus;
    expect(status.failures).toEqual([expect.objectContaining({ attempts: 3, gaveUp: true })]);
    expect(status.pending).toBe(0);
  });

  it('an invitation is made while the SMTP server refuses; its mail is retried, then given up, and keeps no link', async () => {
    mailer.refusing = true;
    const invited = await call('coordinator', 'POST', `/api/letters/${letterId}/invitations`, { name: 'Liis Tamm', email: 'liis@ee-interior.example', officeId: 'ee-interior', roles: ['drafter'] });
    expect(invited.status).toBe(201);
    const { invitationUrl, mailedTo } = (await invited.json()) as LetterInvitationResponse;
    expect(mailedTo).toBe('liis@ee-interior.example');
    const token = invitationUrl.split('/').pop()!;
    const storedLinks = async () => (await store.notifications.listJobs(JobKind.invitationMail, 10)).filter((job) => JSON.stringify(job.payload).includes(token)).length;

    await services.notify.runner.runDue();
    const status = (await (await call('coordinator', 'GET', '/api/admin/mail')).json()) as MailStatus;
    expect(status).toMatchObject({ pending: 1, failures: [{ kind: JobKind.invitationMail, attempts: 1, gaveUp: false }] });
    // Waiting for its retry, the mail still holds the link it must send.
    expect(await storedLinks()).toBe(1);
    for (const minutes of [2, 10]) await services.notify.runner.runDue(() => new Date(Date.now() + minutes * 60_000));
    expect(((await (await call('coordinator', 'GET', '/api/admin/mail')).json()) as MailStatus).failures).toEqual([
      expect.objectContaining({ kind: JobKind.invitationMail, attempts: 3, gaveUp: true, to: 'liis@ee-interior.example' }),
    ]);
    expect(await storedLinks()).toBe(0);
    expect(mailer.sent).toEqual([]);
    // The link shown to the coordinator still works.
    expect((await services.app.request(`/api/invitations/${token}`)).status).toBe(200);
  });

  it('N1: a digest collects a person’s notifications of the day into one mail at the digest hour', async () => {
    await call('latvia', 'PUT', '/api/notifications/preferences', { preferences: [{ kind: NotificationKind.reminder, delivery: Delivery.digest }] });
    await call('coordinator', 'POST', `/api/letters/${letterId}/reminders`, { officeIds: ['lv-interior'] });
    await services.notify.runner.runDue();
    expect(mailer.sent).toEqual([]);
    await services.notify.runner.runDue(() => new Date(Date.now() + 25 * 3_600_000));
    expect(mailer.sent.map((m) => m.subject)).toEqual(['Jointly: 1 notification today']);
    expect(mailer.sent[0]!.text).toContain(`https://jointly.example.eu/letters/${letterId}`);
  });

  it('N1: a digest is written in the language its reader chose, with the plural form of the count', async () => {
    expect((await call('latvia', 'PUT', '/api/account/language', { language: 'pl' })).status).toBe(200);
    await call('latvia', 'PUT', '/api/notifications/preferences', {
      preferences: [NotificationKind.reminder, NotificationKind.mention].map((kind) => ({ kind, delivery: Delivery.digest })),
    });
    await call('coordinator', 'POST', `/api/letters/${letterId}/reminders`, { officeIds: ['lv-interior'] });
    const author = await sessionUser('estonia');
    for (const mentionId of ['comment-1', 'comment-2']) await services.notify.notices.notifyMention({ letterId, by: author, userIds: [ids.latvia], mentionId });
    await services.notify.runner.runDue(() => new Date(Date.now() + 25 * 3_600_000));
    const [digest] = mailer.sent;
    expect(digest!.subject).toBe('Jointly: 3 powiadomienia dzisiaj');
    expect(digest!.text).toContain('- estonia: wzmianka o Tobie lub Twoim urzędzie w piśmie „Joint letter on the eastern border”');
    expect(digest!.text).toContain('- Przypomnienie: pismo „Joint letter on the eastern border” czeka na Twój urząd');
    expect(digest!.text).toMatch(/^ {2}\d{1,2} \p{L}+ \d{4} \d{2}:\d{2} UTC$/mu);
  });

  it('an invitation is written in the inviter’s language when the invited person has chosen none', async () => {
    expect((await call('coordinator', 'PUT', '/api/account/language', { language: 'fi' })).status).toBe(200);
    const invited = await call('coordinator', 'POST', `/api/letters/${letterId}/invitations`, { name: 'Liis Tamm', email: 'liis@ee-interior.example', officeId: 'ee-interior', roles: ['drafter'] });
    expect(invited.status).toBe(201);
    await services.notify.runner.runDue();
    expect(mailer.sent.map((m) => [m.to, m.subject])).toEqual([['liis@ee-interior.example', 'Kutsusi Jointlyyn']]);
    expect(mailer.sent[0]!.text).toMatch(/^Hei Liis Tamm,\n\ncoordinator kutsui sinut Jointlyyn/);
    expect(mailer.sent[0]!.text).toMatch(/Linkki toimii kerran, \d{1,2}\. \p{L}+ \d{4} klo \d{2}\.\d{2} UTC asti:/u);
  });
});
