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
      if (from === LetterStatus.drafting) return 'Start the review';
      return isReopening(from, to) ? 'Reopen for review' : 'Back to review';
    case LetterStatus.ready:
      return 'Mark ready to sign';
    case LetterStatus.drafting:
      return 'Back to drafting';
    case LetterStatus.sent:
      return 'Mark as sent';
    case LetterStatus.signed:
      return 'Mark as signed';
    default:
      throw new Error(`unknown letter status ${String(to)}`);
  }
}

/** The moves the shared course allows from each status, in the order the buttons show them. */
export function statusMoves(from: LetterStatus): StatusMove[] {
  return statusMovesFrom(from).map((move) => ({ ...move, label: moveLabel(from, move.to) }));
}
