import { randomUUID } from 'node:crypto';
import { AuditKind } from '../../shared/api/audit.js';
import { ErrorCode } from '../../shared/api/errors.js';
import {
  type DeadlineSummary,
  type DeadlinesRequest,
  type LetterDeadlines,
  maxDeadlineAheadMs,
  type ReminderRequest,
  type ReminderResponse,
} from '../../shared/api/notifications.js';
import type { SessionUser } from '../../shared/api/session.js';
import { deadlineOf, lateOffices, NotificationKind, nextReminderAt, outstandingOffices } from '../../shared/domain/notification-rules.js';
import { Permission } from '../../shared/domain/permissions.js';
import { actorOf, auditDraft } from '../audit/audit-draft.js';
import { AppError } from '../http/app-error.js';
import type { LetterAccess } from '../letters/letter-access.js';
import { JobKind, type DeadlineRecord, type JobRecord, type NewJob, type NotificationBatch } from '../store/notification-store.js';
import type { Store } from '../store/store.js';
import type { LetterProgress } from './letter-progress.js';
import { letterPagePath, signOffPagePath } from './letter-notices.js';
import { approversOf, coordinatorsOf, letterPeople } from './letter-people.js';
import type { NotificationService } from './notification-service.js';

export interface DeadlineSettings {
  /** N5: how often a coordinator may remind one office of one letter. */
  reminderIntervalMs: number;
  /** N6: how long before a deadline its approaching is told. */
  deadlineNoticeMs: number;
}

/** What a coordinator's reminder did: offices reminded, and those reminded too recently (N5). */
export interface ReminderOutcome extends ReminderResponse {
  tooSoon: { officeId: string; nextReminderAt: string }[];
}

/** Deadlines of letters, the coordinator's reminders, and the jobs that tell of deadlines (N3–N6). */
export class DeadlineService {
  constructor(
    private readonly store: Store,
    private readonly access: LetterAccess,
    private readonly progress: LetterProgress,
    private readonly notifications: NotificationService,
    private readonly settings: DeadlineSettings,
  ) {}

  /** The letter's deadlines and, for each signatory office, where it stands. */
  async view(user: SessionUser, letterId: string, now = new Date()): Promise<LetterDeadlines> {
    await this.access.require(user, letterId, Permission.readLetter);
    const [deadlines, reminders, view] = await Promise.all([
      this.store.notifications.listDeadlines(letterId),
      this.store.notifications.listReminders(letterId),
      this.progress.of(letterId),
    ]);
    if (!view) throw AppError.notFound('This letter');
    const outstanding = new Set(outstandingOffices(view.status, view.offices));
    const late = new Set(lateOffices([...outstanding], deadlines, now));
    const lastReminder = new Map(reminders.map((r) => [r.officeId, r.sentAt]));
    return {
      deadlines: deadlines.map((d) => ({ officeId: d.officeId, dueAt: d.dueAt })),
      offices: view.offices.map((office) => ({
        officeId: office.officeId,
        name: office.name,
        dueAt: deadlineOf(office.officeId, deadlines)?.dueAt ?? null,
        isOutstanding: outstanding.has(office.officeId),
        isLate: late.has(office.officeId),
        nextReminderAt: nextReminderAt(lastReminder.get(office.officeId) ?? null, now, this.settings.reminderIntervalMs),
      })),
    };
  }

  /** Coordinator: replaces the letter's deadlines (N3), scheduling what tells of them (N6). */
  async set(user: SessionUser, letterId: string, request: DeadlinesRequest, now = new Date()): Promise<LetterDeadlines> {
    await this.access.require(user, letterId, Permission.manageLetter);
    const signatories = new Set((await this.store.letters.listSignatories(letterId)).map((s) => s.officeId));
    const at = now.toISOString();
    const deadlines: DeadlineRecord[] = request.deadlines.map((d) => ({ letterId, officeId: d.officeId, dueAt: new Date(d.dueAt).toISOString(), setBy: user.id, setAt: at }));
    for (const d of deadlines) {
      if (d.officeId !== null && !signatories.has(d.officeId)) throw invalid(`deadlines: ${d.officeId} is not a signatory office of this letter`);
      const ahead = Date.parse(d.dueAt) - now.getTime();
      if (ahead <= 0) throw invalid('deadlines: a deadline must lie in the future');
      if (ahead > maxDeadlineAheadMs) throw invalid('deadlines: a deadline may lie at most two years ahead');
    }
    const jobs = deadlines.flatMap((d) => this.jobsFor(d, now));
    const detail = { deadlines: deadlines.map((d) => ({ officeId: d.officeId, dueAt: d.dueAt })) };
    await this.store.notifications.replaceDeadlines(letterId, deadlines, jobs, [auditDraft(AuditKind.deadlinesSet, actorOf(user), letterId, detail)]);
    return this.view(user, letterId, now);
  }

  /**
   * Coordinator: reminds the named offices, or every late one, by a notification (and mail, as each
   * approver chose) to its approvers; each office at most once per interval (N5).
   */
  async remind(user: SessionUser, letterId: string, request: ReminderRequest, now = new Date()): Promise<ReminderOutcome> {
    await this.access.require(user, letterId, Permission.manageLetter);
    const [deadlines, view, people] = await Promise.all([
      this.store.notifications.listDeadlines(letterId),
      this.progress.of(letterId),
      letterPeople(this.store, letterId),
    ]);
    if (!view) throw AppError.notFound('This letter');
    const outstanding = outstandingOffices(view.status, view.offices);
    const targets = request.officeIds ?? lateOffices(outstanding, deadlines, now);
    const notWaitedFor = targets.filter((officeId) => !outstanding.includes(officeId));
    if (notWaitedFor.length > 0) throw new AppError(409, ErrorCode.conflict, `The letter does not wait for ${notWaitedFor.join(', ')}: there is nothing to remind them of.`);
    if (targets.length === 0) throw new AppError(409, ErrorCode.conflict, 'No office is late: there is nobody to remind.');
    const at = now.toISOString();
    const lastBefore = new Date(now.getTime() - this.settings.reminderIntervalMs).toISOString();
    const outcome: ReminderOutcome = { reminded: [], tooSoon: [] };
    for (const officeId of new Set(targets)) {
      const userIds = approversOf(people, [officeId]);
      const batch = await this.notifications.prepare(
        {
          kind: NotificationKind.reminder,
          userIds,
          letterId,
          titleParts: { letterTitle: view.title },
          path: letterPagePath(letterId),
          dedupeKey: `reminder:${letterId}:${officeId}:${at}`,
        },
        now,
      );
      batch.audit = [auditDraft(AuditKind.reminderSent, actorOf(user), letterId, { officeId, recipients: userIds.length, reason: 'coordinator' })];
      if (await this.store.notifications.recordReminder({ letterId, officeId, at, lastBefore }, batch)) {
        this.notifications.announce(batch.notifications);
        outcome.reminded.push({ officeId, recipients: userIds.length });
      } else {
        const last = (await this.store.notifications.listReminders(letterId)).find((r) => r.officeId === officeId);
        outcome.tooSoon.push({ officeId, nextReminderAt: nextReminderAt(last?.sentAt ?? null, now, this.settings.reminderIntervalMs) ?? at });
      }
    }
    return outcome;
  }

  /** For the letters list: each letter the person sees that has a deadline, its nearest one and its late offices. */
  async summary(user: SessionUser, now = new Date()): Promise<DeadlineSummary> {
    const byLetter = new Map<string, DeadlineRecord[]>();
    for (const d of await this.store.notifications.listAllDeadlines()) byLetter.set(d.letterId, [...(byLetter.get(d.letterId) ?? []), d]);
    const letters: DeadlineSummary['letters'] = [];
    for (const [letterId, deadlines] of byLetter) {
      if ((await this.access.rolesOf(user, letterId)).length === 0) continue;
      const view = await this.progress.of(letterId);
      if (!view) continue;
      const outstanding = outstandingOffices(view.status, view.offices);
      const dues = outstanding.flatMap((officeId) => deadlineOf(officeId, deadlines)?.dueAt ?? []).sort();
      const names = new Map(view.offices.map((office) => [office.officeId, office.name]));
      const late = lateOffices(outstanding, deadlines, now).map((officeId) => ({ officeId, name: names.get(officeId) ?? officeId }));
      letters.push({ letterId, dueAt: dues[0] ?? null, lateOffices: late });
    }
    return { letters };
  }

  /** A deadline job fell due (N6): what it tells, to whom, with its audit event; nothing if the deadline changed. */
  async handleJob(job: JobRecord, now = new Date()): Promise<NotificationBatch | undefined> {
    const { letterId, officeId, dueAt } = job.payload as { letterId: string; officeId: string | null; dueAt: string };
    const deadlines = await this.store.notifications.listDeadlines(letterId);
    if (!deadlines.some((d) => d.officeId === officeId && d.dueAt === dueAt)) return undefined;
    const view = await this.progress.of(letterId);
    if (!view) return undefined;
    const outstanding = outstandingOffices(view.status, view.offices);
    const ownDeadline = new Set(deadlines.flatMap((d) => d.officeId ?? []));
    const concerned = officeId === null ? outstanding.filter((id) => !ownDeadline.has(id)) : outstanding.filter((id) => id === officeId);
    if (concerned.length === 0) return undefined;
    const people = await letterPeople(this.store, letterId);
    const kind = job.kind === JobKind.deadlineSoon ? NotificationKind.deadlineSoon : NotificationKind.deadlinePassed;
    const dedupeKey = job.dedupeKey;
    const approvers = approversOf(people, concerned);
    const batch = await this.notifications.prepare(
      { kind, userIds: approvers, letterId, titleParts: { letterTitle: view.title }, path: letterPagePath(letterId), dedupeKey },
      now,
    );
    if (kind === NotificationKind.deadlinePassed) {
      const lateCount = lateOffices(outstanding, deadlines, now).length;
      const toCoordinators = await this.notifications.prepare(
        {
          kind,
          userIds: coordinatorsOf(people).filter((id) => !approvers.includes(id)),
          letterId,
          titleParts: { letterTitle: view.title, lateCount },
          path: signOffPagePath(letterId),
          // Offices due at one time are told to the coordinators once, however many deadlines fall then.
          dedupeKey: `${JobKind.deadlinePassed}:${letterId}:coordinators:${dueAt}`,
        },
        now,
      );
      batch.notifications.push(...toCoordinators.notifications);
      batch.jobs.push(...toCoordinators.jobs);
    }
    batch.audit = [auditDraft(AuditKind.reminderSent, null, letterId, { officeIds: concerned, recipients: approvers.length, reason: job.kind, dueAt })];
    return batch;
  }

  private jobsFor(deadline: DeadlineRecord, now: Date): NewJob[] {
    const due = Date.parse(deadline.dueAt);
    const scope = deadline.officeId ?? '*';
    const payload = { letterId: deadline.letterId, officeId: deadline.officeId, dueAt: deadline.dueAt };
    const job = (kind: JobKind, at: number): NewJob => ({
      id: randomUUID(),
      kind,
      dedupeKey: `${kind}:${deadline.letterId}:${scope}:${deadline.dueAt}`,
      letterId: deadline.letterId,
      dueAt: new Date(at).toISOString(),
      payload,
    });
    const noticeAt = due - this.settings.deadlineNoticeMs;
    return [...(noticeAt > now.getTime() ? [job(JobKind.deadlineSoon, noticeAt)] : []), job(JobKind.deadlinePassed, due)];
  }
}

const invalid = (message: string) => new AppError(400, ErrorCode.validationFailed, message);
