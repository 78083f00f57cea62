/** What an office can say about a paragraph. */
export const SignoffAction = {
  approve: 'approve',
  requestChanges: 'request_changes',
  withdraw: 'withdraw',
} as const;
export type SignoffAction = (typeof SignoffAction)[keyof typeof SignoffAction];

/** The state of one paragraph for one office (rules S1–S6 in SIGNOFF-RULES.md). */
export const SignoffState = {
  pending: 'pending',
  approved: 'approved',
  stale: 'stale',
  changesRequested: 'changes_requested',
} as const;
export type SignoffState = (typeof SignoffState)[keyof typeof SignoffState];

/** The latest act of one office on one paragraph. */
export interface SignoffAct {
  action: SignoffAction;
  /** Hash of the paragraph text the approver saw. */
  hash: string;
  reason: string | null;
}

/** S1–S6: the state follows from the office's latest act and the paragraph's current hash. */
export function deriveSignoffState(latest: SignoffAct | undefined, currentHash: string): SignoffState {
  if (!latest) return SignoffState.pending;
  switch (latest.action) {
    case SignoffAction.approve:
      return latest.hash === currentHash ? SignoffState.approved : SignoffState.stale;
    case SignoffAction.requestChanges:
      return SignoffState.changesRequested;
    case SignoffAction.withdraw:
      return SignoffState.pending;
    default:
      throw new Error(`unknown sign-off action ${String((latest as SignoffAct).action)}`);
  }
}

export interface ParagraphTally {
  approved: number;
  of: number;
  /** True when an office's approval no longer matches the text. */
  hasStale: boolean;
  hasChangesRequested: boolean;
}

/** The tally a paragraph shows: how many signatory offices approved its current text. */
export function tallyParagraph(states: readonly SignoffState[]): ParagraphTally {
  return {
    approved: states.filter((state) => state === SignoffState.approved).length,
    of: states.length,
    hasStale: states.includes(SignoffState.stale),
    hasChangesRequested: states.includes(SignoffState.changesRequested),
  };
}

/** S10: ready once every paragraph is approved by every signatory office (and there is text to sign). */
export function isLetterReady(grid: readonly (readonly SignoffState[])[], officeCount: number): boolean {
  return officeCount > 0 && grid.length > 0 && grid.every((row) => row.length === officeCount && row.every((state) => state === SignoffState.approved));
}
