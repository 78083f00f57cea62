import { LetterStatus } from '../../shared/api/letters.js';

/** A move of the letter's course the coordinator may make, and whether it needs a reason. */
export interface StatusMove {
  to: LetterStatus;
  label: string;
  needsReason: boolean;
}

/** The moves the server allows from each status, in the order the buttons show them. */
export function statusMoves(from: LetterStatus): StatusMove[] {
  switch (from) {
    case LetterStatus.drafting:
      return [{ to: LetterStatus.inReview, label: 'Start the review', needsReason: false }];
    case LetterStatus.inReview:
      return [
        { to: LetterStatus.ready, label: 'Mark ready to sign', needsReason: false },
        { to: LetterStatus.drafting, label: 'Back to drafting', needsReason: false },
      ];
    case LetterStatus.ready:
      return [{ to: LetterStatus.inReview, label: 'Back to review', needsReason: false }];
    case LetterStatus.signed:
      return [
        { to: LetterStatus.sent, label: 'Mark as sent', needsReason: false },
        { to: LetterStatus.inReview, label: 'Reopen for review', needsReason: true },
      ];
    case LetterStatus.sent:
      return [];
    default:
      throw new Error(`unknown letter status ${String(from)}`);
  }
}
