import { AccessReason, isAccessReason } from '../../shared/protocol/access-reasons.js';
import { t } from '../i18n/translate.js';

/** Each reason code the server's access message carries, in the interface's language. */
const accessReasonLabel: Record<AccessReason, () => string> = {
  [AccessReason.letterFrozen]: () => t('connection.frozen'),
  [AccessReason.letterReady]: () => t('connection.readyReadOnly'),
  [AccessReason.textOpenAgain]: () => t('connection.openAgain'),
  [AccessReason.canEdit]: () => t('connection.canEdit'),
  [AccessReason.roleNowEdits]: () => t('connection.roleNowEdit'),
  [AccessReason.roleNowReads]: () => t('connection.roleNowRead'),
};

/**
 * Why the person's access to the letter changed, in the interface's language. A code this client
 * does not know yet (from a newer server) says only what the person can now do.
 */
export function accessReasonText(reason: string, canEdit = false): string {
  if (isAccessReason(reason)) return accessReasonLabel[reason]();
  return canEdit ? t('connection.canEdit') : t('connection.readOnlyNow');
}
