import { LetterStatus } from '../api/letters.js';
import { AccessReason } from '../protocol/access-reasons.js';

/** A move of the letter's course that the coordinator may make. Signing is the offices' own act. */
export interface StatusMove {
  to: LetterStatus;
  /** Reopening a signed letter voids its signatures: it needs a reason on the record. */
  needsReason: boolean;
}

/** The coordinator's moves from each status, in the order a screen offers them (rule C1). */
const coordinatorMoves: Record<LetterStatus, readonly StatusMove[]> = {
  [LetterStatus.drafting]: [{ to: LetterStatus.inReview, needsReason: false }],
  [LetterStatus.inReview]: [
    { to: LetterStatus.ready, needsReason: false },
    { to: LetterStatus.drafting, needsReason: false },
  ],
  [LetterStatus.ready]: [{ to: LetterStatus.inReview, needsReason: false }],
  [LetterStatus.signed]: [
    { to: LetterStatus.sent, needsReason: false },
    { to: LetterStatus.inReview, needsReason: true },
  ],
  [LetterStatus.sent]: [],
};

/** The moves a coordinator may make from `from`; none once the letter is sent. */
export function statusMovesFrom(from: LetterStatus): readonly StatusMove[] {
  return coordinatorMoves[from];
}

/** The coordinator's move from `from` to `to`, or undefined when the course does not allow it. */
export function findStatusMove(from: LetterStatus, to: LetterStatus): StatusMove | undefined {
  return coordinatorMoves[from].find((move) => move.to === to);
}

/** Whether moving from `from` to `to` reopens a signed letter (and so voids its signatures). */
export function isReopening(from: LetterStatus, to: LetterStatus): boolean {
  return from === LetterStatus.signed && to === LetterStatus.inReview;
}

/**
 * Whether the letter is frozen: every office signed it, so its text, sign-offs and signatories
 * can no longer change until a coordinator reopens it (rule C2).
 */
export function isFrozen(status: LetterStatus): boolean {
  return status === LetterStatus.signed || status === LetterStatus.sent;
}

/**
 * Whether the letter's text is read-only for everyone (rule C5): from "ready" on, so that the
 * status and what the offices sign never disagree. The server refuses every change to the text
 * (edits, restores) and open editors turn read-only; the coordinator's "back to review" opens it
 * again. Paragraph sign-offs are fixed with it: they are what made the letter ready.
 */
export function isTextReadOnly(status: LetterStatus): boolean {
  return status === LetterStatus.ready || isFrozen(status);
}

/** Every status whose text is read-only, for checks the store makes under the letter's lock. */
export const textReadOnlyStatuses: readonly LetterStatus[] = Object.values(LetterStatus).filter(isTextReadOnly);

/** Why the text is read-only in this status, as a code every open editor shows its person in words; null when it is not. */
export function textReadOnlyReason(status: LetterStatus): AccessReason | null {
  if (isFrozen(status)) return AccessReason.letterFrozen;
  if (status === LetterStatus.ready) return AccessReason.letterReady;
  return null;
}

/**
 * Whether the signatories are fixed: from "ready" on they are part of the letter hash the offices
 * sign, so changing them means moving the letter back to review first (rule C3).
 */
export function areSignatoriesFixed(status: LetterStatus): boolean {
  return status === LetterStatus.ready || isFrozen(status);
}

/**
 * Whether final signatures given so far still count after a move to `to`. They belong to the
 * signing round that began when the letter was last marked ready; they carry on to signed and
 * sent, and any other move (back to review, reopening, a new "ready") voids them (rule C4).
 */
export function keepsFinalSignatures(to: LetterStatus): boolean {
  return isFrozen(to);
}
