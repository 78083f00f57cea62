import { formatList } from '../i18n/format-list.js';
import { currentLanguage, t } from '../i18n/translate.js';
import { AuditKind } from '../../shared/api/audit.js';
import type { LetterStatus } from '../../shared/api/letters.js';
import type { VersionKind } from '../../shared/api/versions.js';
import type { SignoffAction } from '../../shared/domain/signoff-state.js';
import { letterStatusLabel } from '../letters/letter-status-label.js';
import { signoffActionLabel } from '../signoff/signoff-action-labels.js';
import { versionKindLabel } from '../versions/version-kind-labels.js';

const auditKindLabel: Record<AuditKind, string> = {
  get [AuditKind.loginSucceeded]() { return t('audit.signedIn'); },
  get [AuditKind.loginRefused]() { return t('audit.signInRefused'); },
  get [AuditKind.logout]() { return t('audit.signedOut'); },
  get [AuditKind.officeCreated]() { return t('audit.officeAdded'); },
  get [AuditKind.userCreated]() { return t('audit.personAdded'); },
  get [AuditKind.invitationCreated]() { return t('audit.invitationCreated'); },
  get [AuditKind.invitationAccepted]() { return t('audit.invitationAccepted'); },
  get [AuditKind.letterCreated]() { return t('audit.letterCreated'); },
  get [AuditKind.memberRolesChanged]() { return t('audit.memberSRolesChanged'); },
  get [AuditKind.memberRemoved]() { return t('audit.memberRemoved'); },
  get [AuditKind.officeAdminChanged]() { return t('audit.officeAdministratorChanged'); },
  get [AuditKind.appointmentRefused]() { return t('audit.appointmentRefused'); },
  get [AuditKind.syncRefused]() { return t('audit.changeRefused'); },
  get [AuditKind.signoffRefused]() { return t('audit.signOffRefused'); },
  get [AuditKind.signoffRecorded]() { return t('audit.signOffRecorded'); },
  get [AuditKind.statusChanged]() { return t('audit.statusChanged'); },
  get [AuditKind.finalSignature]() { return t('audit.letterSignedForAnOffice'); },
  get [AuditKind.reopened]() { return t('audit.letterReopened'); },
  get [AuditKind.signatoriesChanged]() { return t('audit.signatoriesChanged'); },
  get [AuditKind.paragraphRestored]() { return t('audit.paragraphRestored'); },
  get [AuditKind.suggestionsDecided]() { return t('audit.suggestionsDecided'); },
  get [AuditKind.versionSaved]() { return t('audit.versionSaved'); },
  get [AuditKind.letterExported]() { return t('audit.letterExported'); },
  get [AuditKind.auditExported]() { return t('audit.auditTrailDownloaded'); },
  get [AuditKind.restoreMarked]() { return t('audit.restoredFromABackup'); },
  get [AuditKind.reservationEntered]() { return t('audit.reservationEntered'); },
  get [AuditKind.reservationLifted]() { return t('audit.reservationLifted'); },
  get [AuditKind.commentAdded]() { return t('audit.commentAdded'); },
  get [AuditKind.commentEdited]() { return t('audit.commentEdited'); },
  get [AuditKind.commentWithdrawn]() { return t('audit.commentWithdrawn'); },
  get [AuditKind.threadResolved]() { return t('audit.threadResolved'); },
  get [AuditKind.threadReopened]() { return t('audit.threadReopened'); },
  get [AuditKind.commentSettingsChanged]() { return t('audit.whoMayCommentChanged'); },
  get [AuditKind.letterDetailsChanged]() { return t('audit.letterDetailsChanged'); },
  get [AuditKind.deadlinesSet]() { return t('audit.deadlinesSet'); },
  get [AuditKind.reminderSent]() { return t('audit.reminderSent'); },
};

/** Every kind of event with its label, by label: the choices of the audit page's filter. */
export function auditKindChoices(): { kind: AuditKind; label: string }[] {
  return Object.values(AuditKind)
    .map((kind) => ({ kind, label: auditKindLabel[kind] }))
    .sort((a, b) => a.label.localeCompare(b.label, currentLanguage()));
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
      // `fields` names which details changed: each by its label, like the changed values beside it.
      const readString = isOffice ? nameOffice : key === 'fields' ? labelOf : Object.hasOwn(recordedWords, key) ? (text: string) => recordedWords[key]!(text) : (text: string) => readableString(text);
      return `${label}: ${valueOf(value, readString)}`;
    });
}

/**
 * The few fields whose value the server writes in its own English words, said in the interface's
 * language; the record keeps the words it was hashed with, and a value this client does not know stays as written.
 */
const recordedWords: Record<string, (value: string) => string> = {
  via: (value) => wordsOf(value, { 'command line': 'auditValue.commandLine', password: 'auditValue.password', invitation: 'auditValue.invitation' }),
  because: (value) => wordsOf(value, { 'every signatory office signed': 'auditValue.everyOfficeSigned' }),
};

function wordsOf(value: string, keys: Readonly<Record<string, string>>): string {
  return Object.hasOwn(keys, value) ? t(keys[value]!) : value;
}

/** The label of each field the server records, in the interface's language. */
const detailLabel: Record<string, () => string> = {
  name: () => t('auditDetail.name'),
  from: () => t('auditDetail.from'),
  to: () => t('auditDetail.to'),
  action: () => t('auditDetail.action'),
  hash: () => t('auditDetail.hash'),
  paragraphHash: () => t('auditDetail.paragraphHash'),
  reason: () => t('auditDetail.reason'),
  roles: () => t('auditDetail.roles'),
  signatoryOffices: () => t('auditDetail.signatoryOffices'),
  office: () => t('auditDetail.office'),
  offices: () => t('auditDetail.offices'),
  userId: () => t('auditDetail.person'),
  email: () => t('auditDetail.email'),
  via: () => t('auditDetail.via'),
  isAdmin: () => t('auditDetail.isAdmin'),
  isOfficeAdmin: () => t('auditDetail.isOfficeAdmin'),
  isGuest: () => t('auditDetail.isGuest'),
  expiresAt: () => t('auditDetail.expiresAt'),
  title: () => t('auditDetail.title'),
  subject: () => t('auditDetail.subject'),
  addressees: () => t('auditDetail.addressees'),
  letterDate: () => t('auditDetail.letterDate'),
  fields: () => t('auditDetail.fields'),
  imported: () => t('auditDetail.imported'),
  letterHash: () => t('auditDetail.letterHash'),
  because: () => t('auditDetail.because'),
  signatories: () => t('auditDetail.signatories'),
  versionId: () => t('auditDetail.version'),
  kind: () => t('auditDetail.kind'),
  paragraphId: () => t('auditDetail.paragraph'),
  revisionId: () => t('auditDetail.revision'),
  fromHash: () => t('auditDetail.fromHash'),
  toHash: () => t('auditDetail.toHash'),
  decision: () => t('auditDetail.decision'),
  suggestionIds: () => t('auditDetail.suggestions'),
  paragraphs: () => t('auditDetail.paragraphs'),
  format: () => t('auditDetail.format'),
  threadId: () => t('auditDetail.thread'),
  commentId: () => t('auditDetail.comment'),
  body: () => t('auditDetail.body'),
  mentions: () => t('auditDetail.mentions'),
  reservationId: () => t('auditDetail.reservation'),
  observersMayComment: () => t('auditDetail.observersMayComment'),
  deadlines: () => t('auditDetail.deadlines'),
  recipients: () => t('auditDetail.recipients'),
  dueAt: () => t('auditDetail.dueAt'),
  act: () => t('auditDetail.act'),
  status: () => t('auditDetail.status'),
  code: () => t('auditDetail.code'),
  closeCode: () => t('auditDetail.closeCode'),
  unrecordedBefore: () => t('auditDetail.unrecordedBefore'),
  address: () => t('auditDetail.address'),
};

/**
 * A field's label from the catalogue; a field this client does not know yet (from a newer server)
 * is spelled out from its name: `versionId` and `paragraph_id` read "Version id", "Paragraph id".
 */
function labelOf(key: string): string {
  if (Object.hasOwn(detailLabel, key)) return detailLabel[key]!();
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replaceAll('_', ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function valueOf(value: unknown, readString: (value: string) => string): string {
  if (Array.isArray(value)) return formatList(value.map((item) => valueOf(item, readString)));
  if (typeof value === 'string') return readString(value);
  if (typeof value === 'boolean') return value ? t('auditDetail.yes') : t('auditDetail.no');
  // Codes and counts as they are: a close code 4403 must not read "4 403".
  if (typeof value === 'number') return String(value);
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
