import { notificationTitlePartsSchema, type NotificationTitleParts } from '../../shared/api/notifications.js';
import type { Delivery, NotificationKind } from '../../shared/domain/notification-rules.js';

/**
 * An audit event stored with a notification batch: the same shape as AuditDraft in store.ts,
 * spelled out here because store.ts imports this file (no import cycles).
 */
export interface AuditDraft {
  at: string;
  kind: string;
  actorUserId: string | null;
  actorOfficeId: string | null;
  letterId: string | null;
  detail: Record<string, unknown>;
}

/** A deadline of a letter: letter-wide when `officeId` is null (rule N3). */
export interface DeadlineRecord {
  letterId: string;
  officeId: string | null;
  dueAt: string;
  setBy: string;
  setAt: string;
}

/** How a notification's mail goes out: not at all, at once (a mail job), or in the next digest. */
export const MailMode = {
  none: 'none',
  now: 'now',
  digest: 'digest',
} as const;
export type MailMode = (typeof MailMode)[keyof typeof MailMode];

export interface NotificationRecord {
  id: string;
  userId: string;
  kind: NotificationKind;
  letterId: string | null;
  /**
   * The English title of a notification stored before titles were rendered in each reader's
   * language (kept so that those stay readable); empty for newer ones, which have `titleParts`.
   */
  title: string;
  /** What the title names (column `title_parts`, JSON); rendered in the reader's language. Null on older rows. */
  titleParts: NotificationTitleParts | null;
  path: string;
  mail: MailMode;
  /**
   * Tells one event apart from another: a second notification with the same key for the same
   * person is not stored (a racing instance, a retried job). Null: always stored.
   */
  dedupeKey: string | null;
  createdAt: string;
  readAt: string | null;
  mailedAt: string | null;
}

/** The stored `title_parts` column as the store returns it: null when absent or unreadable (the English title stands). */
export function readTitleParts(stored: string | null): NotificationTitleParts | null {
  if (stored === null) return null;
  try {
    const parsed = notificationTitlePartsSchema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** What a scheduled job does once due. */
export const JobKind = {
  /** Mail one notification (payload: notificationId). */
  mail: 'mail',
  /** Mail a person's digest of the day (payload: userId). */
  digest: 'digest',
  /** A deadline is 24 hours away (payload: letterId, officeId, dueAt). */
  deadlineSoon: 'deadline_soon',
  /** A deadline passed (payload: letterId, officeId, dueAt). */
  deadlinePassed: 'deadline_passed',
  /**
   * Mail an invitation (payload: to, subject, text, built when the invitation was made). Its text
   * holds the one-time link: once the job is done or given up, the store keeps only `to`.
   */
  invitationMail: 'invitation_mail',
} as const;
export type JobKind = (typeof JobKind)[keyof typeof JobKind];

/**
 * Jobs whose payload carries a secret (an invitation link): once the job is done or given up, only
 * the payload's `to` (the address, for the administrator's list of failed mail) is kept.
 */
export const jobKindsWithSecretPayload: readonly JobKind[] = [JobKind.invitationMail];

export interface NewJob {
  id: string;
  kind: JobKind;
  /** Unique among jobs: a job with a key already stored is not stored again. */
  dedupeKey: string;
  letterId: string | null;
  dueAt: string;
  payload: Record<string, unknown>;
  /** Stored only if this notification is stored with it (its mail). */
  forNotificationId?: string;
}

export interface JobRecord {
  id: string;
  kind: JobKind;
  dedupeKey: string;
  letterId: string | null;
  dueAt: string;
  payload: Record<string, unknown>;
  /** Tries so far, this one included once claimed. */
  attempts: number;
  lastError: string | null;
  /** When a claim on it runs out: another instance may take it after that. */
  claimedUntil: string | null;
  doneAt: string | null;
  /** Given up on after its last try; shown to the administrator. */
  gaveUp: boolean;
}

/** What one act or job leaves behind, stored together: notifications, the jobs they need, audit events. */
export interface NotificationBatch {
  notifications: NotificationRecord[];
  jobs: NewJob[];
  audit?: AuditDraft[];
}

export interface ReminderSlot {
  letterId: string;
  officeId: string;
  at: string;
  /** Refused if the office was last reminded after this (rule N5). */
  lastBefore: string;
}

/**
 * Deadlines, notifications, preferences and scheduled jobs. Jobs are claimed atomically (one
 * UPDATE … RETURNING in SQLite, FOR UPDATE SKIP LOCKED in PostgreSQL), so that with several
 * instances each is done once, and kept in the database, so none is lost across a restart.
 */
export interface NotificationStore {
  /** Replaces the letter's deadlines, cancels its undone deadline jobs and stores `jobs`, in one transaction. */
  replaceDeadlines(letterId: string, deadlines: DeadlineRecord[], jobs: NewJob[], audit?: AuditDraft[]): Promise<void>;
  listDeadlines(letterId: string): Promise<DeadlineRecord[]>;
  /** Every letter's deadlines (the letters list). */
  listAllDeadlines(): Promise<DeadlineRecord[]>;

  /** Stores the batch; notifications whose dedupe key is taken are skipped with their jobs. Returns those stored. */
  addNotifications(batch: NotificationBatch): Promise<NotificationRecord[]>;
  /** The person's notifications, newest first. */
  listNotifications(userId: string, limit: number): Promise<NotificationRecord[]>;
  getNotification(id: string): Promise<NotificationRecord | null>;
  countUnread(userId: string): Promise<number>;
  /** Marks the person's notifications read (all of them when `ids` is null); returns how many changed. */
  markRead(userId: string, ids: string[] | null, at: string): Promise<number>;
  /** The person's notifications waiting for their digest, oldest first. */
  listDigestPending(userId: string): Promise<NotificationRecord[]>;
  markMailed(ids: string[], at: string): Promise<void>;

  listPreferences(userId: string): Promise<{ kind: NotificationKind; delivery: Delivery }[]>;
  /** Replaces the person's choices for the kinds given; other kinds keep theirs. */
  setPreferences(userId: string, preferences: { kind: NotificationKind; delivery: Delivery }[]): Promise<void>;

  /**
   * Takes the office's reminder slot and stores the reminder's batch, in one transaction; false
   * (and nothing stored) if the office was reminded after `slot.lastBefore` (rule N5).
   */
  recordReminder(slot: ReminderSlot, batch: NotificationBatch): Promise<boolean>;
  /** When each office of the letter was last reminded. */
  listReminders(letterId: string): Promise<{ officeId: string; sentAt: string }[]>;

  /** Adds jobs; one whose dedupe key is taken is skipped. */
  addJobs(jobs: NewJob[]): Promise<void>;
  /**
   * Claims up to `limit` undone jobs due at `now` whose claim is free or ran out, until
   * `claimedUntil`, counting a try. Two instances never claim one job at once.
   */
  claimDueJobs(now: string, claimedUntil: string, limit: number): Promise<JobRecord[]>;
  /**
   * Marks a claimed job done and stores what it left behind, in one transaction; false (and
   * nothing stored) if the claim was lost (it ran out and someone else took the job).
   */
  finishJob(job: Pick<JobRecord, 'id' | 'claimedUntil'>, at: string, batch?: NotificationBatch): Promise<boolean>;
  /**
   * A try failed: the job waits until `retryAt`, or is given up when `retryAt` is null. Finishing
   * or giving up keeps only `to` of the payload of jobs in `jobKindsWithSecretPayload`.
   */
  failJob(job: Pick<JobRecord, 'id' | 'claimedUntil'>, error: string, retryAt: string | null, at: string): Promise<void>;
  /** Jobs that failed at least once and are not done, and those given up, newest first. */
  listJobProblems(limit: number): Promise<JobRecord[]>;
  countPendingJobs(kinds: JobKind[]): Promise<number>;
  /** The newest jobs of one kind, done or not (what is kept of them at rest). */
  listJobs(kind: JobKind, limit: number): Promise<JobRecord[]>;
}
