/**
 * Notifications, deadlines and reminders: the rules both sides use (issue 18). Rule ids (N1…)
 * name them in tests and in NOTIFICATION-RULES below.
 *
 * N1  Every notification has one kind; each person chooses per kind how it reaches them: in the
 *     app only, by e-mail at once, or in a daily digest. Every notification shows in the app.
 * N2  A mail carries the notification's title and a link, never the letter's text.
 * N3  A letter has at most one letter-wide deadline and at most one deadline per signatory office;
 *     an office's own deadline replaces the letter-wide one for that office.
 * N4  An office is outstanding while the letter still needs something of it: an approval of some
 *     paragraph (drafting, in review) or its final signature (ready). It is late when it is
 *     outstanding and its deadline has passed.
 * N5  The coordinator reminds an outstanding office at most once per hour per letter.
 * N6  A deadline in 24 hours and a deadline passed are told once each, to the approvers of the
 *     offices still outstanding then (and, when passed, to the coordinators).
 * N7  A new comment on a paragraph is told to the approvers of each office whose latest act on that
 *     paragraph is an approval (standing or stale), except its author and those it mentions (they
 *     hear of it as a mention).
 * N8  A new suggestion on a paragraph is told, as N7 tells a comment (the same kind, so one choice of
 *     delivery covers both), to the approvers of each office whose latest act on that paragraph is an
 *     approval, except its author; once per suggestion, however often it is split or copied.
 */

import { LetterStatus } from '../api/letters.js';

export const NotificationKind = {
  mention: 'mention',
  approvalStale: 'approval_stale',
  letterInReview: 'letter_in_review',
  letterReady: 'letter_ready',
  letterSigned: 'letter_signed',
  signatureRequested: 'signature_requested',
  deadlineSoon: 'deadline_soon',
  deadlinePassed: 'deadline_passed',
  reminder: 'reminder',
  invitation: 'invitation',
  /** A new comment (N7) or suggestion (N8) on a paragraph the person's office approved. */
  commentOnApproved: 'comment_on_approved',
} as const;
export type NotificationKind = (typeof NotificationKind)[keyof typeof NotificationKind];
export const notificationKinds = Object.values(NotificationKind);

/** How one kind of notification reaches a person (N1). */
export const Delivery = {
  inApp: 'in_app',
  email: 'email',
  digest: 'digest',
} as const;
export type Delivery = (typeof Delivery)[keyof typeof Delivery];
export const deliveries = Object.values(Delivery);

/** What a person gets before choosing: mail at once for what asks them to act, the app for the rest. */
export const defaultDelivery: Record<NotificationKind, Delivery> = {
  [NotificationKind.mention]: Delivery.inApp,
  [NotificationKind.approvalStale]: Delivery.inApp,
  [NotificationKind.letterInReview]: Delivery.inApp,
  [NotificationKind.letterReady]: Delivery.inApp,
  [NotificationKind.letterSigned]: Delivery.inApp,
  [NotificationKind.signatureRequested]: Delivery.email,
  [NotificationKind.deadlineSoon]: Delivery.email,
  [NotificationKind.deadlinePassed]: Delivery.email,
  [NotificationKind.reminder]: Delivery.email,
  [NotificationKind.invitation]: Delivery.email,
  [NotificationKind.commentOnApproved]: Delivery.inApp,
};

/** The delivery a person chose for a kind, or the default (N1). */
export function deliveryFor(kind: NotificationKind, chosen: ReadonlyMap<NotificationKind, Delivery>): Delivery {
  return chosen.get(kind) ?? defaultDelivery[kind];
}

/** N5: a coordinator reminds one office of one letter at most this often. */
export const reminderIntervalMs = 60 * 60 * 1000;

/** N6: how long before a deadline its approaching is told. */
export const deadlineNoticeMs = 24 * 60 * 60 * 1000;

/** When the office may be reminded again, given the last reminder (N5); null if it may now. */
export function nextReminderAt(lastSentAt: string | null, now: Date, intervalMs = reminderIntervalMs): string | null {
  if (!lastSentAt) return null;
  const next = Date.parse(lastSentAt) + intervalMs;
  return next > now.getTime() ? new Date(next).toISOString() : null;
}

/** A deadline as both sides see it: letter-wide when officeId is null (N3). */
export interface Deadline {
  officeId: string | null;
  dueAt: string;
}

/** The deadline that applies to an office: its own, else the letter-wide one (N3). */
export function deadlineOf(officeId: string, deadlines: readonly Deadline[]): Deadline | null {
  return deadlines.find((d) => d.officeId === officeId) ?? deadlines.find((d) => d.officeId === null) ?? null;
}

/** What the deadlines mean for each outstanding office at `now` (N4). */
export interface OfficeDeadline {
  officeId: string;
  dueAt: string;
  isLate: boolean;
  /** Milliseconds left; negative once late. */
  msLeft: number;
}

/** Each outstanding office that has a deadline, with its time left; late offices first (N4). */
export function officeDeadlines(outstanding: readonly string[], deadlines: readonly Deadline[], now: Date): OfficeDeadline[] {
  return outstanding
    .flatMap((officeId) => {
      const deadline = deadlineOf(officeId, deadlines);
      if (!deadline) return [];
      const msLeft = Date.parse(deadline.dueAt) - now.getTime();
      return [{ officeId, dueAt: deadline.dueAt, isLate: msLeft <= 0, msLeft }];
    })
    .sort((a, b) => a.msLeft - b.msLeft);
}

/** The letter's offices that are late now (N4). */
export function lateOffices(outstanding: readonly string[], deadlines: readonly Deadline[], now: Date): string[] {
  return officeDeadlines(outstanding, deadlines, now)
    .filter((entry) => entry.isLate)
    .map((entry) => entry.officeId);
}

/** "3 days left", "5 hours left", "2 days overdue": time left in whole units, for people. */
export function describeTimeLeft(msLeft: number): string {
  const late = msLeft <= 0;
  const ms = Math.abs(msLeft);
  const units: [number, string][] = [
    [86_400_000, 'day'],
    [3_600_000, 'hour'],
    [60_000, 'minute'],
  ];
  for (const [size, name] of units) {
    const count = Math.floor(ms / size);
    if (count >= 1) return `${count} ${name}${count === 1 ? '' : 's'} ${late ? 'overdue' : 'left'}`;
  }
  return late ? 'due now' : 'less than a minute left';
}

/** How far one office is with a letter, as the sign-off grid and the course tell it. */
export interface OfficeProgress {
  officeId: string;
  /** Paragraphs it approved, of all paragraphs. */
  approved: number;
  of: number;
  /** It gave its final signature in the current signing round. */
  hasSigned: boolean;
}

/** The offices the letter still waits for, in the order given (N4). */
export function outstandingOffices(status: LetterStatus, progress: readonly OfficeProgress[]): string[] {
  if (status === LetterStatus.signed || status === LetterStatus.sent) return [];
  const waiting = status === LetterStatus.ready ? progress.filter((office) => !office.hasSigned) : progress.filter((office) => office.approved < office.of);
  return waiting.map((office) => office.officeId);
}
