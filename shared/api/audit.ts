import { z } from 'zod';
import { officeIdSchema, uuidSchema } from './ids.js';

/** Every security-relevant act Jointly records in its audit trail. */
export const AuditKind = {
  loginSucceeded: 'login_succeeded',
  loginRefused: 'login_refused',
  logout: 'logout',
  officeCreated: 'office_created',
  userCreated: 'user_created',
  invitationCreated: 'invitation_created',
  invitationAccepted: 'invitation_accepted',
  letterCreated: 'letter_created',
  memberRolesChanged: 'member_roles_changed',
  memberRemoved: 'member_removed',
  officeAdminChanged: 'office_admin_changed',
  /** Someone tried to appoint people or approvers for an office they do not administer. */
  appointmentRefused: 'appointment_refused',
  /** A websocket frame was refused and its connection closed (at most one event per connection). */
  syncRefused: 'sync_refused',
  /** A sign-off act, final signature or status change was refused. */
  signoffRefused: 'signoff_refused',
  signoffRecorded: 'signoff_recorded',
  statusChanged: 'status_changed',
  finalSignature: 'final_signature',
  reopened: 'reopened',
  signatoriesChanged: 'signatories_changed',
  paragraphRestored: 'paragraph_restored',
  versionSaved: 'version_saved',
  letterExported: 'letter_exported',
  auditExported: 'audit_exported',
  /** The database was restored from a backup (`npm run mark-restore`): the letter's text has a new generation. */
  restoreMarked: 'restore_marked',
  reservationEntered: 'reservation_entered',
  reservationLifted: 'reservation_lifted',
  commentAdded: 'comment_added',
  commentEdited: 'comment_edited',
  commentWithdrawn: 'comment_withdrawn',
  threadResolved: 'thread_resolved',
  threadReopened: 'thread_reopened',
  commentSettingsChanged: 'comment_settings_changed',
  letterDetailsChanged: 'letter_details_changed',
  /** The coordinator set or changed the letter's deadlines. */
  deadlinesSet: 'deadlines_set',
  /** A reminder went to an office's approvers: by the coordinator, or at a deadline. */
  reminderSent: 'reminder_sent',
  /** Suggestions in a paragraph were accepted, rejected or withdrawn (rule S13): a change of the text by the server. */
  suggestionsDecided: 'suggestions_decided',
} as const;
export type AuditKind = (typeof AuditKind)[keyof typeof AuditKind];

export const auditEventSchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  kind: z.string(),
  /** Who acted; null for an act without a signed-in person (a refused login). */
  actor: z.object({ userId: z.string(), name: z.string(), officeId: z.string().nullable() }).nullable(),
  letterId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  /** Hash of the event before this one (64 zeros for the first). */
  previousHash: z.string(),
  hash: z.string(),
  /**
   * The paragraph the event is about, as people find it: its number in the letter now and its
   * opening words; `number` is null when the paragraph is no longer in the letter.
   */
  paragraph: z.object({ number: z.number().int().positive().nullable(), opening: z.string() }).optional(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

/** The outcome of checking the whole chain: the first event that does not fit, if any. */
export const auditVerificationSchema = z.object({
  intact: z.boolean(),
  checked: z.number().int(),
  firstBroken: z.object({ seq: z.number().int(), reason: z.string() }).nullable(),
});
export type AuditVerification = z.infer<typeof auditVerificationSchema>;

/** The documented limits of one page of a letter's audit trail (README, "Audit trail"). */
export const auditPageLimits = { defaultSize: 50, maxSize: 200 } as const;

/**
 * The query of `GET /api/letters/:letterId/audit`: one page, newest first. `before` is the cursor
 * the previous page gave (`nextCursor`); `kind`, `person` (a user id) and `office` narrow the events.
 */
export const auditQuerySchema = z
  .object({
    before: z
      .string()
      .regex(/^[1-9][0-9]{0,15}$/, 'not a page cursor')
      .transform(Number)
      .optional(),
    limit: z
      .string()
      .regex(/^[0-9]{1,4}$/, 'not a number')
      .transform(Number)
      .pipe(z.number().int().min(1).max(auditPageLimits.maxSize))
      .optional(),
    kind: z.string().regex(/^[a-z][a-z_]{0,49}$/, 'not an event kind').optional(),
    person: uuidSchema.optional(),
    office: officeIdSchema.optional(),
  })
  .strict();
export type AuditQuery = z.input<typeof auditQuerySchema>;

export const letterAuditSchema = z.object({
  /** Newest first. */
  events: z.array(auditEventSchema),
  verification: auditVerificationSchema,
  /** The cursor of the next (older) page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type LetterAudit = z.infer<typeof letterAuditSchema>;
