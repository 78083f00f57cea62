import { z } from 'zod';
import { deliveries, type Delivery, notificationKinds, type NotificationKind } from '../domain/notification-rules.js';
import { officeIdSchema, uuidSchema } from './ids.js';

const kindSchema = z.enum(notificationKinds as [NotificationKind, ...NotificationKind[]]);
const deliverySchema = z.enum(deliveries as [Delivery, ...Delivery[]]);

/** Most deadlines a letter may hold: one letter-wide and one per signatory office (60 at most). */
export const maxDeadlines = 61;
/** Deadlines lie between now and this far ahead; a deadline in the past is refused. */
export const maxDeadlineAheadMs = 2 * 365 * 24 * 60 * 60 * 1000;

/** An ISO 8601 instant with a zone, as `Date.toISOString()` writes it or with an offset. */
const instantSchema = z.iso.datetime({ offset: true }).transform((value) => new Date(value).toISOString());

/**
 * What a notification's title names, stored with it instead of a sentence so that each reader sees
 * the title in their own language: the letter's title and people's names, nothing of its text (N2).
 */
export const notificationTitlePartsSchema = z.object({
  letterTitle: z.string(),
  /** Who did it, for a mention or a comment. */
  actorName: z.string().optional(),
  /** What is new on an approved paragraph: a comment unless it says a suggestion. */
  activity: z.enum(['comment', 'suggestion']).optional(),
  /** How many offices are late, for a deadline passed told to the coordinators. */
  lateCount: z.number().int().min(0).optional(),
});
export type NotificationTitleParts = z.infer<typeof notificationTitlePartsSchema>;

export const notificationSchema = z.object({
  id: uuidSchema,
  kind: kindSchema,
  letterId: uuidSchema.nullable(),
  /**
   * Plain text in English: what happened, with the letter's title at most (rule N2). For programs;
   * the page shows `titleParts` in the reader's language instead when they are given.
   */
  title: z.string(),
  /**
   * What the title names, to render it in the reader's language with the kind (see
   * shared/i18n/notification-title.ts); null for a notification stored before titles were
   * stored this way, whose English `title` is all there is.
   */
  titleParts: notificationTitlePartsSchema.nullable().default(null),
  /** A path inside Jointly, such as `/letters/<id>`. */
  path: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationListSchema = z.object({
  notifications: z.array(notificationSchema),
  unread: z.number().int(),
});
export type NotificationList = z.infer<typeof notificationListSchema>;

/** Marks the named notifications read, or every one of the person's with `all`. */
export const markReadRequestSchema = z.union([
  z.object({ ids: z.array(uuidSchema).min(1).max(200) }).strict(),
  z.object({ all: z.literal(true) }).strict(),
]);
export type MarkReadRequest = z.input<typeof markReadRequestSchema>;

export const preferencesSchema = z.object({
  preferences: z.array(z.object({ kind: kindSchema, delivery: deliverySchema }).strict()).max(notificationKinds.length),
});
export type Preferences = z.infer<typeof preferencesSchema>;
export const preferencesRequestSchema = preferencesSchema.strict();

export const deadlineSchema = z.object({ officeId: officeIdSchema.nullable(), dueAt: instantSchema }).strict();

/** Replaces the letter's deadlines: letter-wide when officeId is null, else for that office (N3). */
export const deadlinesRequestSchema = z
  .object({ deadlines: z.array(deadlineSchema).max(maxDeadlines) })
  .strict()
  .refine((body) => new Set(body.deadlines.map((d) => d.officeId)).size === body.deadlines.length, 'one deadline per office, one letter-wide');
export type DeadlinesRequest = z.input<typeof deadlinesRequestSchema>;

/** A letter's deadlines and where each office stands (N4, N5). */
export const letterDeadlinesSchema = z.object({
  deadlines: z.array(z.object({ officeId: z.string().nullable(), dueAt: z.string() })),
  offices: z.array(
    z.object({
      officeId: z.string(),
      name: z.string(),
      dueAt: z.string().nullable(),
      isOutstanding: z.boolean(),
      isLate: z.boolean(),
      /** When a reminder may be sent again; null if it may now. */
      nextReminderAt: z.string().nullable(),
    }),
  ),
});
export type LetterDeadlines = z.infer<typeof letterDeadlinesSchema>;

/** Reminds these offices, or every late one when none are named (N5). */
export const reminderRequestSchema = z.object({ officeIds: z.array(officeIdSchema).min(1).max(60).optional() }).strict();
export type ReminderRequest = z.input<typeof reminderRequestSchema>;

export const reminderResponseSchema = z.object({
  reminded: z.array(z.object({ officeId: z.string(), recipients: z.number().int() })),
});
export type ReminderResponse = z.infer<typeof reminderResponseSchema>;

/** Deadline summary of each letter for the letters list. */
export const deadlineSummarySchema = z.object({
  letters: z.array(z.object({ letterId: z.string(), dueAt: z.string().nullable(), lateOffices: z.array(z.object({ officeId: z.string(), name: z.string() })) })),
});
export type DeadlineSummary = z.infer<typeof deadlineSummarySchema>;

/** For the administration page: whether mail goes out, and mail that could not be sent. */
export const mailStatusSchema = z.object({
  isConfigured: z.boolean(),
  pending: z.number().int(),
  failures: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      attempts: z.number().int(),
      lastError: z.string(),
      dueAt: z.string(),
      gaveUp: z.boolean(),
      /** Whom an invitation mail was for (null for other kinds): the administrator hands that link over by hand. */
      to: z.string().nullable().default(null),
    }),
  ),
});
export type MailStatus = z.infer<typeof mailStatusSchema>;
