import { t } from '../i18n/translate.js';
import { LetterStatus } from '../../shared/api/letters.js';

/** How each letter status reads to people. */
export const letterStatusLabel: Record<LetterStatus, string> = {
  get [LetterStatus.drafting]() { return t('letters.drafting'); },
  get [LetterStatus.inReview]() { return t('letters.inReview'); },
  get [LetterStatus.ready]() { return t('letters.readyToSign'); },
  get [LetterStatus.signed]() { return t('letters.signed'); },
  get [LetterStatus.sent]() { return t('letters.sent'); },
};
