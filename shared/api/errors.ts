import { z } from 'zod';

/**
 * With `validation_failed`: the first problem the schema found, by the path of its field and the
 * kind of problem (zod's issue code, and the rule, limit or format concerned), so that a client can
 * say it in the person's language.
 */
export const validationIssueSchema = z.object({
  field: z.string(),
  code: z.string(),
  rule: z.string().optional(),
  minimum: z.number().optional(),
  maximum: z.number().optional(),
  format: z.string().optional(),
  /** Whether the value is text, so that `minimum` and `maximum` count characters. */
  isText: z.boolean().optional(),
});
export type ValidationIssue = z.infer<typeof validationIssueSchema>;

/** Every error answer of the HTTP API has this shape. `code` is stable; `message` is for people. */
export const errorResponseSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), requestId: z.string().optional(), issue: validationIssueSchema.optional() }),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;

export const ErrorCode = {
  badRequest: 'bad_request',
  validationFailed: 'validation_failed',
  unauthenticated: 'unauthenticated',
  forbidden: 'forbidden',
  notFound: 'not_found',
  payloadTooLarge: 'payload_too_large',
  tooManyAttempts: 'too_many_attempts',
  invalidCredentials: 'invalid_credentials',
  invitationUnusable: 'invitation_unusable',
  conflict: 'conflict',
  /** Only the workspace administrator or the office's own administrator may do this for its people. */
  officeAuthorityRequired: 'office_authority_required',
  unsupportedMediaType: 'unsupported_media_type',
  /** An uploaded file is not what its name or type says, or not a kind Jointly reads. */
  unsupportedFile: 'unsupported_file',
  /** An uploaded file is of the right kind but cannot be read. */
  brokenFile: 'broken_file',
  /** The database could not take or confirm a write just now: try again shortly (HTTP 503). */
  storeUnavailable: 'store_unavailable',
  /** A final signature named a letter hash that is not the letter's now: text or signatories changed. */
  letterChanged: 'letter_changed',
  /** A stale paragraph was approved again without naming the earlier approved text the approver compared with (rule S12). */
  staleNotShown: 'stale_not_shown',
  /** The office already signed this letter hash. */
  alreadySigned: 'already_signed',
  /** The letter's details cannot change in its status (rule D1): move it back to review first. */
  detailsFixed: 'details_fixed',
  /** The person already has an export under way, or the server's export queue is full: retry after Retry-After (HTTP 503). */
  exportBusy: 'export_busy',
  /** The export ran past the server's time or memory limit for one export and was stopped (HTTP 503). */
  exportOverLimit: 'export_over_limit',
  /** The person already has an import under way, or the server's queue is full: retry after Retry-After (HTTP 503). */
  importBusy: 'import_busy',
  /** Reading the file ran past the server's time or memory limit and was stopped (HTTP 503). */
  importOverLimit: 'import_over_limit',
  /** The office has an open reservation on the paragraph: it lifts it before approving (HTTP 409). */
  reservationOpen: 'reservation_open',
  /** A comment or reservation reason is longer than COMMENT_MAX_CHARACTERS (HTTP 400). */
  commentTooLong: 'comment_too_long',
  /** A comment mentions more than COMMENT_MAX_MENTIONS people and offices (HTTP 400). */
  tooManyMentions: 'too_many_mentions',
  /** A comment mentions a person or office that is not on the letter (HTTP 400). */
  mentionNotOnLetter: 'mention_not_on_letter',
  /** A comment's anchor is not inside the paragraph it names (HTTP 400). */
  anchorOutsideParagraph: 'anchor_outside_paragraph',
  /** The letter holds LETTER_MAX_COMMENTS comments and reservations already (HTTP 409). */
  commentLimitReached: 'comment_limit_reached',
  /** The comment was edited COMMENT_MAX_EDITS times already: withdraw it and write a new one (HTTP 409). */
  commentEditLimitReached: 'comment_edit_limit_reached',
  /** The office was reminded of this letter less than an hour ago: retry after Retry-After (HTTP 429). */
  reminderTooSoon: 'reminder_too_soon',
  /** The paragraph holds open suggestions: they are accepted or rejected before it is approved or the letter is ready (rule S13, HTTP 409). */
  suggestionsOpen: 'suggestions_open',
  /** The person made more than WRITE_REQUESTS_PER_MINUTE changes through the API within a minute: retry after Retry-After (HTTP 429). */
  tooManyWrites: 'too_many_writes',
  internal: 'internal_error',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
