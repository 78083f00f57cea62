import { LetterStatus } from '../../shared/api/letters.js';
import { textReadOnlyReason } from '../../shared/domain/letter-course.js';
import { t } from '../i18n/translate.js';

/**
 * The server's access message carries its reason as English text; the reasons it sends are a
 * fixed few, shown here in the interface's language. An unknown one is shown as it came.
 */
export function accessReasonText(reason: string): string {
  switch (reason) {
    case textReadOnlyReason(LetterStatus.signed):
    case textReadOnlyReason(LetterStatus.sent):
      return t('connection.frozen');
    case textReadOnlyReason(LetterStatus.ready):
      return t('connection.readyReadOnly');
    case 'The letter’s text is open for changes again: you can edit it.':
      return t('connection.openAgain');
    case 'You can edit this letter.':
      return t('connection.canEdit');
    case 'The coordinator changed your role: you can now edit this letter.':
      return t('connection.roleNowEdit');
    case 'The coordinator changed your role: you can now read this letter but not edit it.':
      return t('connection.roleNowRead');
    default:
      return reason;
  }
}
