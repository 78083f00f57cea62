import { z } from 'zod';

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
  /** The coordinator set or changed the letter's deadlines. */
  deadlinesSet: 'deadlines_set',
  /** A reminder went to an office's approvers: by the coordinator, or at a deadline. */
  reminderSent: 'reminder_sent',
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
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

/** The outcome of checking the whole chain: the first event that does not fit, if any. */
export const auditVerificationSchema = z.object({
  intact: z.boolean(),
  checked: z.number().int(),
  firstBroken: z.object({ seq: z.number().int(), reason: z.string() }).nullable(),
});
export type AuditVerification = z.infer<typeof auditVerificationSchema>;

export const letterAuditSchema = z.object({
  events: z.array(auditEventSchema),
  verification: auditVerificationSchema,
});
export type LetterAudit = z.infer<typeof letterAuditSchema>;
