import { AuditKind } from '../../shared/api/audit.js';
import type { LetterStatus } from '../../shared/api/letters.js';
import type { VersionKind } from '../../shared/api/versions.js';
import type { SignoffAction } from '../../shared/domain/signoff-state.js';
import { letterStatusLabel } from '../letters/letter-status-label.js';
import { signoffActionLabel } from '../signoff/signoff-action-labels.js';
import { versionKindLabel } from '../versions/version-kind-labels.js';

const auditKindLabel: Record<AuditKind, string> = {
  [AuditKind.loginSucceeded]: 'Signed in',
  [AuditKind.loginRefused]: 'Sign-in refused',
  [AuditKind.logout]: 'Signed out',
  [AuditKind.officeCreated]: 'Office added',
  [AuditKind.userCreated]: 'Person added',
  [AuditKind.invitationCreated]: 'Invitation created',
  [AuditKind.invitationAccepted]: 'Invitation accepted',
  [AuditKind.letterCreated]: 'Letter created',
  [AuditKind.memberRolesChanged]: 'Member’s roles changed',
  [AuditKind.memberRemoved]: 'Member removed',
  [AuditKind.officeAdminChanged]: 'Office administrator changed',
  [AuditKind.appointmentRefused]: 'Appointment refused',
  [AuditKind.syncRefused]: 'Change refused',
  [AuditKind.signoffRefused]: 'Sign-off refused',
  [AuditKind.signoffRecorded]: 'Sign-off recorded',
  [AuditKind.statusChanged]: 'Status changed',
  [AuditKind.finalSignature]: 'Letter signed for an office',
  [AuditKind.reopened]: 'Letter reopened',
  [AuditKind.signatoriesChanged]: 'Signatories changed',
  [AuditKind.paragraphRestored]: 'Paragraph restored',
  [AuditKind.suggestionsDecided]: 'Suggestions decided',
  [AuditKind.versionSaved]: 'Version saved',
  [AuditKind.letterExported]: 'Letter exported',
  [AuditKind.auditExported]: 'Audit trail downloaded',
  [AuditKind.restoreMarked]: 'Restored from a backup',
  [AuditKind.reservationEntered]: 'Reservation entered',
  [AuditKind.reservationLifted]: 'Reservation lifted',
  [AuditKind.commentAdded]: 'Comment added',
  [AuditKind.commentEdited]: 'Comment edited',
  [AuditKind.commentWithdrawn]: 'Comment withdrawn',
  [AuditKind.threadResolved]: 'Thread resolved',
  [AuditKind.threadReopened]: 'Thread reopened',
  [AuditKind.commentSettingsChanged]: 'Who may comment changed',
  [AuditKind.letterDetailsChanged]: 'Letter details changed',
  [AuditKind.deadlinesSet]: 'Deadlines set',
  [AuditKind.reminderSent]: 'Reminder sent',
};

/** Every kind of event with its label, by label: the choices of the audit page's filter. */
export function auditKindChoices(): { kind: AuditKind; label: string }[] {
  return Object.values(AuditKind)
    .map((kind) => ({ kind, label: auditKindLabel[kind] }))
    .sort((a, b) => a.label.localeCompare(b.label, 'en'));
}

/** What an audit event records, in plain words; a kind this client does not know yet is spelled out. */
export function describeAuditKind(kind: string): string {
  if (Object.hasOwn(auditKindLabel, kind)) return auditKindLabel[kind as AuditKind];
  const words = kind.replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * An event's details as "label: value" lines: statuses, actions and kinds in words, offices by
 * name (`nameOffice`), and long ids and hashes cut to their first characters (the CSV has them whole).
 */
export function describeAuditDetail(detail: Readonly<Record<string, unknown>>, nameOffice: (officeId: string) => string = (id) => id): string[] {
  return Object.entries(detail)
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([key, value]) => {
      const isOffice = /office/i.test(key);
      const label = labelOf(isOffice ? key.replace(/_?[Ii]ds$/, 's').replace(/_?[Ii]d$/, '') : key);
      return `${label}: ${valueOf(value, isOffice ? nameOffice : (text) => readableString(text))}`;
    });
}

/** `versionId` and `paragraph_id` both read "version id", "paragraph id". */
function labelOf(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replaceAll('_', ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function valueOf(value: unknown, readString: (value: string) => string): string {
  if (Array.isArray(value)) return value.map((item) => valueOf(item, readString)).join(', ');
  if (typeof value === 'string') return readString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function readableString(value: string): string {
  if (Object.hasOwn(letterStatusLabel, value)) return letterStatusLabel[value as LetterStatus];
  if (Object.hasOwn(signoffActionLabel, value)) return signoffActionLabel[value as SignoffAction];
  if (Object.hasOwn(versionKindLabel, value)) return versionKindLabel[value as VersionKind];
  // Ids and hashes identify; their first characters are enough to tell them apart on screen.
  if (/^[0-9a-f]{32,}$/.test(value) || /^[0-9a-f]{8}-[0-9a-f-]{27}$/.test(value)) return `${value.slice(0, 8)}…`;
  return value;
}
