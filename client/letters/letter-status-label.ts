import { LetterStatus } from '../../shared/api/letters.js';

/** How each letter status reads to people. */
export const letterStatusLabel: Record<LetterStatus, string> = {
  [LetterStatus.drafting]: 'Drafting',
  [LetterStatus.inReview]: 'In review',
  [LetterStatus.ready]: 'Ready to sign',
  [LetterStatus.signed]: 'Signed',
  [LetterStatus.sent]: 'Sent',
};
