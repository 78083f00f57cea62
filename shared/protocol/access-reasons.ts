/**
 * Why a connection's access changed: the stable codes the `access` message (101) carries in its
 * reason field. The client shows each in the person's language; it never matches on wording.
 */
export const AccessReason = {
  /** Every signatory office signed: the letter is frozen. */
  letterFrozen: 'letter_frozen',
  /** The letter is ready to sign: its text is read-only until it moves back to review. */
  letterReady: 'letter_ready',
  /** The letter moved back from ready (or was reopened): its text is open for changes again. */
  textOpenAgain: 'text_open_again',
  /** The letter's status now lets this connection edit. */
  canEdit: 'can_edit',
  /** A coordinator changed the person's roles: they may now edit. */
  roleNowEdits: 'role_now_edits',
  /** A coordinator changed the person's roles: they may now only read. */
  roleNowReads: 'role_now_reads',
} as const;
export type AccessReason = (typeof AccessReason)[keyof typeof AccessReason];

/** Whether a received reason is one of the codes this build knows. */
export function isAccessReason(value: string): value is AccessReason {
  return (Object.values(AccessReason) as string[]).includes(value);
}
