import { CloseCode } from '../../shared/protocol/close-codes.js';
import { t } from '../i18n/translate.js';

/** What a close code tells the person, in the interface's language (the table in shared/ is English). */
export function closeCodeText(code: number): string {
  switch (code) {
    case CloseCode.goingAway:
      return t('connection.goingAway');
    case CloseCode.tooLarge:
      return t('connection.tooLarge');
    case CloseCode.tryAgainLater:
      return t('connection.tryAgainLater');
    case CloseCode.malformedMessage:
      return t('connection.malformedMessage');
    case CloseCode.unauthenticated:
      return t('connection.unauthenticated');
    case CloseCode.forbidden:
      return t('connection.forbidden');
    case CloseCode.letterNotFound:
      return t('connection.letterNotFound');
    case CloseCode.letterRestored:
      return t('connection.letterRestored');
    case CloseCode.removedFromLetter:
      return t('connection.removedFromLetter');
    case CloseCode.letterTooLarge:
      return t('connection.letterTooLarge');
    case CloseCode.tooManyConnections:
      return t('connection.tooManyConnections');
    case CloseCode.updateRefused:
      return t('connection.updateRefused');
    case CloseCode.storeFailure:
      return t('connection.storeFailure');
    default:
      return t('connection.lost');
  }
}
