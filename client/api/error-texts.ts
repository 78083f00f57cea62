import { ErrorCode } from '../../shared/api/errors.js';
import { t } from '../i18n/translate.js';
import { ClientErrorCode } from './api-error-codes.js';

/**
 * What each stable error code means, in the interface's language. The server's own message is
 * English and often more precise; it is shown as it is when the interface is in English.
 */
export const errorText: Record<string, () => string> = {
  [ErrorCode.badRequest]: () => t('errors.badRequest'),
  [ErrorCode.validationFailed]: () => t('errors.validationFailed'),
  [ErrorCode.unauthenticated]: () => t('errors.unauthenticated'),
  [ErrorCode.forbidden]: () => t('errors.forbidden'),
  [ErrorCode.notFound]: () => t('errors.notFound'),
  [ErrorCode.payloadTooLarge]: () => t('errors.payloadTooLarge'),
  [ErrorCode.tooManyAttempts]: () => t('errors.tooManyAttempts'),
  [ErrorCode.invalidCredentials]: () => t('errors.invalidCredentials'),
  [ErrorCode.invitationUnusable]: () => t('errors.invitationUnusable'),
  [ErrorCode.conflict]: () => t('errors.conflict'),
  [ErrorCode.officeAuthorityRequired]: () => t('errors.officeAuthorityRequired'),
  [ErrorCode.unsupportedMediaType]: () => t('errors.unsupportedMediaType'),
  [ErrorCode.unsupportedFile]: () => t('errors.unsupportedFile'),
  [ErrorCode.brokenFile]: () => t('errors.brokenFile'),
  [ErrorCode.storeUnavailable]: () => t('errors.storeUnavailable'),
  [ErrorCode.letterChanged]: () => t('errors.letterChanged'),
  [ErrorCode.staleNotShown]: () => t('errors.staleNotShown'),
  [ErrorCode.alreadySigned]: () => t('errors.alreadySigned'),
  [ErrorCode.detailsFixed]: () => t('errors.detailsFixed'),
  [ErrorCode.exportBusy]: () => t('errors.exportBusy'),
  [ErrorCode.exportOverLimit]: () => t('errors.exportOverLimit'),
  [ErrorCode.importBusy]: () => t('errors.importBusy'),
  [ErrorCode.importOverLimit]: () => t('errors.importOverLimit'),
  [ErrorCode.reservationOpen]: () => t('errors.reservationOpen'),
  [ErrorCode.commentTooLong]: () => t('errors.commentTooLong'),
  [ErrorCode.tooManyMentions]: () => t('errors.tooManyMentions'),
  [ErrorCode.mentionNotOnLetter]: () => t('errors.mentionNotOnLetter'),
  [ErrorCode.anchorOutsideParagraph]: () => t('errors.anchorOutsideParagraph'),
  [ErrorCode.commentLimitReached]: () => t('errors.commentLimitReached'),
  [ErrorCode.commentEditLimitReached]: () => t('errors.commentEditLimitReached'),
  [ErrorCode.reminderTooSoon]: () => t('errors.reminderTooSoon'),
  [ErrorCode.suggestionsOpen]: () => t('errors.suggestionsOpen'),
  [ErrorCode.tooManyWrites]: () => t('errors.tooManyWrites'),
  [ErrorCode.internal]: () => t('errors.internal'),
  [ClientErrorCode.network]: () => t('errors.network'),
  [ClientErrorCode.unexpectedResponse]: () => t('errors.unexpectedResponse'),
};
