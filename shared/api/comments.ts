import { z } from 'zod';
import { MentionKind } from '../domain/mentions.js';
import { ReservationKind } from '../domain/reservations.js';
import { officeIdSchema } from './ids.js';
import { plainTextSchema } from './plain-text.js';

/**
 * Comments, threads and reservations (issue 16; rules K1–K7 and R1–R4 in SIGNOFF-RULES.md). All
 * text here is plain text, shown as text: never HTML.
 */

const paragraphIdSchema = z.string().min(1).max(100);
/** Bounded far above the configured limit (COMMENT_MAX_CHARACTERS), which the server checks with its own code. */
const commentBodySchema = plainTextSchema(100_000).pipe(z.string().min(1, 'write something first'));
const anchorPositionSchema = z.string().min(1).max(256).regex(/^[A-Za-z0-9+/]+={0,2}$/, 'not an anchor position');

export const commentAnchorSchema = z.object({ start: anchorPositionSchema, end: anchorPositionSchema }).strict();

export const ThreadStatus = { open: 'open', resolved: 'resolved' } as const;
export type ThreadStatus = (typeof ThreadStatus)[keyof typeof ThreadStatus];
const threadStatusSchema = z.enum([ThreadStatus.open, ThreadStatus.resolved]);
const reservationKindSchema = z.enum(Object.values(ReservationKind) as [ReservationKind, ...ReservationKind[]]);

/** Start a thread on a paragraph; with `anchor`, on a passage of it (K3, K4). */
export const newThreadRequestSchema = z.object({ paragraphId: paragraphIdSchema, anchor: commentAnchorSchema.optional(), body: commentBodySchema }).strict();
export type NewThreadRequest = z.input<typeof newThreadRequestSchema>;

/** A reply, or the new wording of one's own comment. */
export const commentRequestSchema = z.object({ body: commentBodySchema }).strict();
export type CommentRequest = z.input<typeof commentRequestSchema>;

export const threadStatusRequestSchema = z.object({ status: threadStatusSchema }).strict();
export type ThreadStatusRequest = z.input<typeof threadStatusRequestSchema>;

export const commentSettingsSchema = z.object({ observersMayComment: z.boolean() }).strict();
export type CommentSettingsRequest = z.input<typeof commentSettingsSchema>;

export const reservationRequestSchema = z
  .object({ kind: reservationKindSchema, reason: plainTextSchema(100_000).pipe(z.string().min(1, 'say what your capital is checking')) })
  .strict();
export type ReservationRequest = z.input<typeof reservationRequestSchema>;

export const liftReservationRequestSchema = z.object({ note: plainTextSchema(100_000).optional() }).strict();
export type LiftReservationRequest = z.input<typeof liftReservationRequestSchema>;

export const mentionEntrySchema = z.object({ kind: z.enum([MentionKind.user, MentionKind.office]), id: z.string(), name: z.string() });
export type MentionEntry = z.infer<typeof mentionEntrySchema>;

export const commentEntrySchema = z.object({
  id: z.string(),
  authorId: z.string(),
  author: z.string(),
  officeId: z.string(),
  /** Null once withdrawn. */
  body: z.string().nullable(),
  mentions: z.array(mentionEntrySchema),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  /** Earlier wordings, oldest first (K5); empty once withdrawn. */
  earlier: z.array(z.object({ body: z.string(), at: z.string() })),
});
export type CommentEntry = z.infer<typeof commentEntrySchema>;

export const threadEntrySchema = z.object({
  id: z.string(),
  paragraphId: z.string(),
  anchor: commentAnchorSchema.nullable(),
  /** The passage (or the paragraph's opening words) when the thread began: readable after the text is deleted. */
  quote: z.string(),
  status: threadStatusSchema,
  resolvedBy: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  createdAt: z.string(),
  /** Grows with every change to the thread: a client keeps the higher of two copies (K7). */
  version: z.number().int().min(1),
  comments: z.array(commentEntrySchema),
});
export type ThreadEntry = z.infer<typeof threadEntrySchema>;

export const reservationEntrySchema = z.object({
  id: z.string(),
  paragraphId: z.string(),
  officeId: officeIdSchema,
  kind: reservationKindSchema,
  reason: z.string(),
  by: z.string(),
  at: z.string(),
  liftedBy: z.string().nullable(),
  liftedAt: z.string().nullable(),
  liftNote: z.string().nullable(),
});
export type ReservationEntry = z.infer<typeof reservationEntrySchema>;

export const threadListSchema = z.object({ threads: z.array(threadEntrySchema), settings: commentSettingsSchema });
export type ThreadList = z.infer<typeof threadListSchema>;

export const threadResponseSchema = z.object({ thread: threadEntrySchema });
export type ThreadResponse = z.infer<typeof threadResponseSchema>;

export const reservationListSchema = z.object({ reservations: z.array(reservationEntrySchema) });
export type ReservationList = z.infer<typeof reservationListSchema>;

export const reservationResponseSchema = z.object({ reservation: reservationEntrySchema });
export type ReservationResponse = z.infer<typeof reservationResponseSchema>;

/**
 * Message 105 (`letter-comments`): the letter's threads, server-owned. `full` on joining, then
 * `thread` for each changed thread and `settings` when the coordinator changes who may comment.
 */
export const letterCommentsMessageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('full'), threads: z.array(threadEntrySchema), settings: commentSettingsSchema }),
  z.object({ kind: z.literal('thread'), thread: threadEntrySchema }),
  z.object({ kind: z.literal('settings'), settings: commentSettingsSchema }),
]);
export type LetterCommentsMessage = z.infer<typeof letterCommentsMessageSchema>;
