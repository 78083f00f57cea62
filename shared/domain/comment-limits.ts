/**
 * Budgets of comments and reservations (invariant 13). The server's values come from the
 * environment (COMMENT_MAX_CHARACTERS, LETTER_MAX_COMMENTS, COMMENT_MAX_MENTIONS, see README);
 * these are the defaults, and what the browser uses to warn before sending.
 */
export interface CommentLimits {
  /** Characters of one comment or one reservation reason. */
  maxCommentLength: number;
  /** Comments (replies included) and reservations on one letter, withdrawn ones included. */
  maxCommentsPerLetter: number;
  /** People and offices mentioned in one comment. */
  maxMentions: number;
  /** Edits of one comment: each keeps the earlier wording, which every member receives with the thread. */
  maxEditsPerComment: number;
}

export const defaultCommentLimits: CommentLimits = {
  // A long paragraph's worth: a comment explains, it does not carry a second letter.
  maxCommentLength: 4000,
  // Far above what a letter of eight offices gathers, low enough that the full list stays small on every join.
  maxCommentsPerLetter: 2000,
  maxMentions: 20,
  // Rewording a comment a few times is usual; hundreds of kept wordings would reach every member on each join.
  maxEditsPerComment: 20,
};
