import { t } from '../i18n/translate.js';
import { LetterStatus } from '../../shared/api/letters.js';
import { type StatusMove as CourseMove, isReopening, statusMovesFrom } from '../../shared/domain/letter-course.js';

/** A move of the letter's course the coordinator may make, with its button label. */
export interface StatusMove extends CourseMove {
  label: string;
}

/** Button labels per target status; reopening a signed letter reads differently from a step back. */
function moveLabel(from: LetterStatus, to: LetterStatus): string {
  switch (to) {
    case LetterStatus.inReview:
      if (from === LetterStatus.drafting) return t('signoff.startTheReview');
      return isReopening(from, to) ? t('signoff.reopenForReview') : t('signoff.backToReview');
    case LetterStatus.ready:
      return t('signoff.markReadyToSign');
    case LetterStatus.drafting:
      return t('signoff.backToDrafting');
    case LetterStatus.sent:
      return t('signoff.markAsSent');
    case LetterStatus.signed:
      return t('signoff.markAsSigned');
    default:
      throw new Error(`unknown letter status ${String(to)}`);
  }
}

/** The moves the shared course allows from each status, in the order the buttons show them. */
export function statusMoves(from: LetterStatus): StatusMove[] {
  return statusMovesFrom(from).map((move) => ({ ...move, label: moveLabel(from, move.to) }));
}
