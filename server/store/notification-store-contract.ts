import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Delivery, NotificationKind } from '../../shared/domain/notification-rules.js';
import { JobKind, MailMode, type NewJob, type NotificationRecord } from './notification-store.js';
import type { Store } from './store.js';

/**
 * What every NotificationStore must do (rules N1, N3, N5 and the job guarantees: claimed once,
 * kept across restarts, retried). Run by `runStoreContract` for SQLite and PostgreSQL.
 */
export function runNotificationStoreContract(name: string, openEmptyStore: () => Promise<{ store: Store; dispose: () => Promise<void> }>): void {
  describe(`notification store contract: ${name}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    let userId: string;
    let otherUserId: string;
    let letterId: string;

    beforeEach(async () => {
      ({ store, dispose } = await openEmptyStore());
      await store.accounts.insertOffices([
        { id: 'ee-office', name: 'Siseministeerium', nameEn: 'Interior', country: 'Estonia', ministerName: 'M', ministerTitle: 'Minister', color: '#123456' },
      ]);
      userId = randomUUID();
      otherUserId = randomUUID();
      const now = new Date().toISOString();
      for (const [id, email] of [
        [userId, 'mari@ee.example'],
        [otherUserId, 'jaan@ee.example'],
      ] as const) {
        await store.accounts.insertUser({ id, officeId: 'ee-office', name: 'Mari', email, isAdmin: false, passwordHash: null, createdAt: now });
      }
      letterId = randomUUID();
      await store.letters.createLetter({
        letter: { id: letterId, title: 'Joint letter', subject: '', addressees: [], letterDate: null, status: 'in_review', createdBy: userId, createdAt: now, updatedAt: now },
        signatories: [{ position: 0, officeId: 'ee-office', signerName: 'M', capacity: 'Minister' }],
        memberships: [{ userId, roles: ['coordinator'] }],
      });
    });
    afterEach(async () => {
      await dispose();
    });

    const at = (minutes: number) => new Date(Date.UTC(2026, 0, 10, 12, 0) + minutes * 60_000).toISOString();
    const notification = (overrides: Partial<NotificationRecord> = {}): NotificationRecord => ({
      id: randomUUID(),
      userId,
      kind: NotificationKind.reminder,
      letterId,
      title: '',
      titleParts: { letterTitle: 'Joint letter' },
      path: `/letters/${letterId}`,
      mail: MailMode.none,
      dedupeKey: null,
      createdAt: at(0),
      readAt: null,
      mailedAt: null,
      ...overrides,
    });
    const job = (overrides: Partial<NewJob> = {}): NewJob => ({
      id: randomUUID(),
      kind: JobKind.deadlinePassed,
      dedupeKey: randomUUID(),
      letterId,
      dueAt: at(0),
      payload: { letterId },
      ...overrides,
    });

    it('N3: replaces a letter’s deadlines, letter-wide and per office, and cancels its undone deadline jobs', async () => {
      await store.notifications.replaceDeadlines(
        letterId,
        [
          { letterId, officeId: null, dueAt: at(60), setBy: userId, setAt: at(0) },
          { letterId, officeId: 'ee-office', dueAt: at(30), setBy: userId, setAt: at(0) },
        ],
        [job({ dedupeKey: 'first' })],
      );
      expect((await store.notifications.listDeadlines(letterId)).map((d) => [d.officeId, d.dueAt])).toEqual([
        [null, at(60)],
        ['ee-office', at(30)],
      ]);
      await store.notifications.replaceDeadlines(letterId, [{ letterId, officeId: null, dueAt: at(90), setBy: userId, setAt: at(1) }], [job({ dedupeKey: 'second' })]);
      expect((await store.notifications.listAllDeadlines()).map((d) => d.dueAt)).toEqual([at(90)]);
      const claimed = await store.notifications.claimDueJobs(at(100), at(105), 10);
      expect(claimed.map((j) => j.dedupeKey)).toEqual(['second']);
    });

    it('N1: stores a notification once per dedupe key and person, and its mail job only with it', async () => {
      const first = notification({ dedupeKey: 'stale:1', mail: MailMode.now });
      const again = notification({ dedupeKey: 'stale:1', mail: MailMode.now });
      expect(await store.notifications.addNotifications({ notifications: [first], jobs: [job({ kind: JobKind.mail, forNotificationId: first.id })] })).toEqual([first]);
      expect(await store.notifications.addNotifications({ notifications: [again], jobs: [job({ kind: JobKind.mail, forNotificationId: again.id })] })).toEqual([]);
      // The same key for someone else is another notification.
      expect(await store.notifications.addNotifications({ notifications: [notification({ userId: otherUserId, dedupeKey: 'stale:1' })], jobs: [] })).toHaveLength(1);
      expect(await store.notifications.listNotifications(userId, 10)).toEqual([first]);
      expect(await store.notifications.countPendingJobs([JobKind.mail])).toBe(1);
      expect(await store.notifications.getNotification(first.id)).toEqual(first);
    });

    it('keeps what a title names for each reader’s language, and the English title of a notification stored before', async () => {
      const named = notification({ kind: NotificationKind.commentOnApproved, titleParts: { letterTitle: 'Joint letter', actorName: 'Mari', activity: 'suggestion' } });
      const late = notification({ kind: NotificationKind.deadlinePassed, titleParts: { letterTitle: 'Joint letter', lateCount: 3 }, mail: MailMode.digest, createdAt: at(1) });
      const older = notification({ title: 'Reminder: “Joint letter” waits for your office', titleParts: null, createdAt: at(2) });
      await store.notifications.addNotifications({ notifications: [named, late, older], jobs: [] });
      expect(await store.notifications.listNotifications(userId, 10)).toEqual([older, late, named]);
      expect(await store.notifications.getNotification(named.id)).toEqual(named);
      expect(await store.notifications.listDigestPending(userId)).toEqual([late]);
    });

    it('N1: lists newest first, counts unread, marks read only the person’s own', async () => {
      const older = notification({ createdAt: at(1) });
      const newer = notification({ createdAt: at(2) });
      const someoneElse = notification({ userId: otherUserId, createdAt: at(3) });
      await store.notifications.addNotifications({ notifications: [older, newer, someoneElse], jobs: [] });
      expect((await store.notifications.listNotifications(userId, 10)).map((n) => n.id)).toEqual([newer.id, older.id]);
      expect(await store.notifications.listNotifications(userId, 1)).toHaveLength(1);
      expect(await store.notifications.countUnread(userId)).toBe(2);
      expect(await store.notifications.markRead(userId, [older.id, someoneElse.id], at(5))).toBe(1);
      expect(await store.notifications.countUnread(otherUserId)).toBe(1);
      expect((await store.notifications.getNotification(older.id))?.readAt).toBe(at(5));
      expect(await store.notifications.markRead(userId, null, at(6))).toBe(1);
      expect(await store.notifications.countUnread(userId)).toBe(0);
    });

    it('N1: keeps each person’s delivery per kind, a later choice replacing an earlier one', async () => {
      await store.notifications.setPreferences(userId, [
        { kind: NotificationKind.reminder, delivery: Delivery.digest },
        { kind: NotificationKind.mention, delivery: Delivery.email },
      ]);
      await store.notifications.setPreferences(userId, [{ kind: NotificationKind.reminder, delivery: Delivery.inApp }]);
      expect(await store.notifications.listPreferences(userId)).toEqual([
        { kind: NotificationKind.mention, delivery: Delivery.email },
        { kind: NotificationKind.reminder, delivery: Delivery.inApp },
      ]);
      expect(await store.notifications.listPreferences(otherUserId)).toEqual([]);
    });

    it('N1: lists a person’s notifications waiting for the digest until they are mailed', async () => {
      const waiting = notification({ mail: MailMode.digest, createdAt: at(1) });
      await store.notifications.addNotifications({ notifications: [waiting, notification({ mail: MailMode.now })], jobs: [] });
      expect((await store.notifications.listDigestPending(userId)).map((n) => n.id)).toEqual([waiting.id]);
      await store.notifications.markMailed([waiting.id], at(2));
      expect(await store.notifications.listDigestPending(userId)).toEqual([]);
    });

    it('N5: takes an office’s reminder slot once per interval, storing the reminder with its audit event', async () => {
      const audit = [{ at: at(0), kind: 'reminder_sent', actorUserId: userId, actorOfficeId: 'ee-office', letterId, detail: { officeId: 'ee-office' } }];
      const slot = (minutes: number) => ({ letterId, officeId: 'ee-office', at: at(minutes), lastBefore: at(minutes - 60) });
      expect(await store.notifications.recordReminder(slot(0), { notifications: [notification()], jobs: [], audit })).toBe(true);
      expect(await store.notifications.recordReminder(slot(59), { notifications: [notification()], jobs: [], audit })).toBe(false);
      expect(await store.notifications.listNotifications(userId, 10)).toHaveLength(1);
      expect(await store.notifications.listReminders(letterId)).toEqual([{ officeId: 'ee-office', sentAt: at(0) }]);
      expect(await store.notifications.recordReminder(slot(60), { notifications: [notification()], jobs: [], audit })).toBe(true);
      expect((await store.audit.listForLetter(letterId)).map((e) => e.kind)).toEqual(['reminder_sent', 'reminder_sent']);
    });

    it('claims a due job once, even when instances ask at the same moment', async () => {
      await store.notifications.addJobs([job({ dedupeKey: 'a', dueAt: at(0) }), job({ dedupeKey: 'b', dueAt: at(1) }), job({ dedupeKey: 'later', dueAt: at(30) })]);
      await store.notifications.addJobs([job({ dedupeKey: 'a', dueAt: at(0) })]);
      const claims = await Promise.all([1, 2, 3, 4].map(() => store.notifications.claimDueJobs(at(5), at(10), 10)));
      const claimed = claims.flat().map((j) => j.dedupeKey);
      expect(claimed.sort()).toEqual(['a', 'b']);
      expect(claims.flat().every((j) => j.attempts === 1 && j.claimedUntil === at(10))).toBe(true);
    });

    it('finishes a job with what it left, once; a job whose claim ran out goes to whoever claims it next', async () => {
      await store.notifications.addJobs([job({ dedupeKey: 'passed' })]);
      const [first] = await store.notifications.claimDueJobs(at(0), at(5), 10);
      expect(await store.notifications.claimDueJobs(at(4), at(9), 10)).toEqual([]);
      // The first claimer stalled past its claim: another instance takes the job over.
      const [second] = await store.notifications.claimDueJobs(at(6), at(11), 10);
      expect(second?.attempts).toBe(2);
      expect(await store.notifications.finishJob(first!, at(7), { notifications: [notification()], jobs: [] })).toBe(false);
      expect(await store.notifications.finishJob(second!, at(7), { notifications: [notification({ kind: NotificationKind.deadlinePassed })], jobs: [] })).toBe(true);
      expect((await store.notifications.listNotifications(userId, 10)).map((n) => n.kind)).toEqual([NotificationKind.deadlinePassed]);
      expect(await store.notifications.claimDueJobs(at(60), at(65), 10)).toEqual([]);
    });

    it('waits a failed job until its retry, and shows a given-up one as a problem', async () => {
      await store.notifications.addJobs([job({ kind: JobKind.mail, dedupeKey: 'mail:1' })]);
      const [claimed] = await store.notifications.claimDueJobs(at(0), at(5), 10);
      await store.notifications.failJob(claimed!, 'connection refused', at(2), at(1));
      expect(await store.notifications.claimDueJobs(at(1), at(6), 10)).toEqual([]);
      const [retried] = await store.notifications.claimDueJobs(at(2), at(7), 10);
      expect(retried).toMatchObject({ attempts: 2, lastError: 'connection refused' });
      expect((await store.notifications.listJobProblems(10)).map((j) => j.gaveUp)).toEqual([false]);
      await store.notifications.failJob(retried!, 'mailbox unavailable', null, at(3));
      expect(await store.notifications.claimDueJobs(at(100), at(105), 10)).toEqual([]);
      expect(await store.notifications.listJobProblems(10)).toEqual([expect.objectContaining({ gaveUp: true, lastError: 'mailbox unavailable' })]);
      expect(await store.notifications.countPendingJobs([JobKind.mail])).toBe(0);
    });

    it('keeps an invitation mail’s link only until the job is done or given up', async () => {
      const payload = { to: 'mari@ee.example', subject: 'Your invitation to Jointly', text: 'https://jointly.example/invitations/secret-token' };
      await store.notifications.addJobs([
        job({ kind: JobKind.invitationMail, dedupeKey: 'invite:sent', letterId: null, payload }),
        job({ kind: JobKind.invitationMail, dedupeKey: 'invite:refused', letterId: null, payload, dueAt: at(1) }),
        job({ dedupeKey: 'deadline' }),
      ]);
      const stored = async () => Object.fromEntries((await store.notifications.listJobs(JobKind.invitationMail, 10)).map((j) => [j.dedupeKey, j.payload]));
      const claimed = await store.notifications.claimDueJobs(at(1), at(5), 10);
      const claimOf = (key: string) => claimed.find((j) => j.dedupeKey === key)!;
      // A claimed job still carries what it must send.
      expect(claimOf('invite:sent').payload).toEqual(payload);
      expect(await store.notifications.finishJob(claimOf('invite:sent'), at(2))).toBe(true);
      await store.notifications.failJob(claimOf('invite:refused'), 'mailbox unavailable', at(3), at(2));
      // Waiting for its retry, the refused mail keeps its text; given up, it keeps none.
      const kept = { to: 'mari@ee.example' };
      expect(await stored()).toEqual({ 'invite:sent': kept, 'invite:refused': payload });
      const [retried] = await store.notifications.claimDueJobs(at(3), at(8), 10);
      await store.notifications.failJob(retried!, 'mailbox unavailable', null, at(4));
      expect(await stored()).toEqual({ 'invite:sent': kept, 'invite:refused': kept });
      // Other kinds keep their payload once done.
      expect(await store.notifications.finishJob(claimOf('deadline'), at(2))).toBe(true);
      expect((await store.notifications.listJobs(JobKind.deadlinePassed, 10)).map((j) => j.payload)).toEqual([{ letterId }]);
    });
  });
}
