import { z } from 'zod';
import { SignoffAction, SignoffState } from '../domain/signoff-state.js';
import { officeIdSchema } from './ids.js';
import { LetterStatus, signatorySchema } from './letters.js';
import { plainLineSchema, plainTextSchema } from './plain-text.js';
import { reservationEntrySchema } from './comments.js';
import { ReservationKind } from '../domain/reservations.js';
import { letterDetailsSchema } from './letter-details.js';

const hashSchema = z.string().regex(/^[0-9a-f]{64}$/, 'not a paragraph hash');
const paragraphIdSchema = z.string().min(1).max(100);
const actionSchema = z.enum(Object.values(SignoffAction) as [SignoffAction, ...SignoffAction[]]);
const stateSchema = z.enum(Object.values(SignoffState) as [SignoffState, ...SignoffState[]]);
const statusSchema = z.enum(Object.values(LetterStatus) as [LetterStatus, ...LetterStatus[]]);
/** Every office reads a reason as the asker wrote it: no direction controls (rule T1). */
const reasonSchema = plainTextSchema(2000).pipe(z.string().min(1, 'say what should change'));

const needsReason = <T extends { action: SignoffAction; reason?: string | undefined }>(item: T) =>
  item.action !== SignoffAction.requestChanges || item.reason !== undefined;
const reasonIssue = { message: 'a request for changes needs a reason', path: ['reason'] };

/**
 * Re-approving a stale paragraph names the hash of the text the office approved before, the one
 * whose difference from the current text the approver was shown (rule S12).
 */
const staleHashSchema = hashSchema.optional();

/** One act on the paragraph named in the URL: the hash is of the text the approver saw (rule S7). */
export const signoffDecisionSchema = z
  .object({ action: actionSchema, hash: hashSchema, reason: reasonSchema.optional(), staleHash: staleHashSchema })
  .strict()
  .refine(needsReason, reasonIssue);
export type SignoffDecision = z.input<typeof signoffDecisionSchema>;

/** One act in a batch, naming its paragraph. */
export const signoffItemSchema = z
  .object({ paragraphId: paragraphIdSchema, action: actionSchema, hash: hashSchema, reason: reasonSchema.optional(), staleHash: staleHashSchema })
  .strict()
  .refine(needsReason, reasonIssue);
export type SignoffItem = z.input<typeof signoffItemSchema>;

/** Several paragraphs at once: all are recorded, or none (rule S7). */
export const signoffRequestSchema = z.object({ items: z.array(signoffItemSchema).min(1).max(1000) }).strict();
export type SignoffRequest = z.input<typeof signoffRequestSchema>;

/** The latest act of an office on a paragraph, as every client sees it. */
export const signoffEntrySchema = z.object({
  paragraphId: z.string(),
  officeId: officeIdSchema,
  action: actionSchema,
  hash: z.string(),
  reason: z.string().nullable(),
  by: z.string(),
  at: z.string(),
});
export type SignoffEntry = z.infer<typeof signoffEntrySchema>;

export const finalSignatureSchema = z.object({ officeId: officeIdSchema, letterHash: z.string(), by: z.string(), at: z.string() });
export type FinalSignature = z.infer<typeof finalSignatureSchema>;

/** The letter's course and who signed, as every client sees it. */
export const letterCourseSchema = z.object({
  status: statusSchema,
  signatories: z.array(signatorySchema),
  finalSignatures: z.array(finalSignatureSchema),
  /** The letter's title, subject, addressees and date as they are now (rule D2): edits reach every screen. */
  details: letterDetailsSchema.optional(),
});
export type LetterCourse = z.infer<typeof letterCourseSchema>;

/** The number of a letter's state message: one counter per letter, across instances (see letter-state-sequence.ts). */
const stateSeqSchema = z.number().int().min(0);

/**
 * Message 102: the server-owned state of a letter; clients only read it. A change (`signoffs`,
 * `course`) has the next number of the letter's counter; a `full` state has the number of the
 * latest change it holds at least.
 */
export const letterStateMessageSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('full'),
    seq: stateSeqSchema,
    course: letterCourseSchema,
    signoffs: z.array(signoffEntrySchema),
    /** Every reservation of the letter, open and lifted (absent: none). */
    reservations: z.array(reservationEntrySchema).optional(),
  }),
  z.object({ kind: z.literal('signoffs'), seq: stateSeqSchema, signoffs: z.array(signoffEntrySchema) }),
  z.object({ kind: z.literal('course'), seq: stateSeqSchema, course: letterCourseSchema }),
  /** Reservations entered or lifted: each replaces the one with its id. */
  z.object({ kind: z.literal('reservations'), seq: stateSeqSchema, reservations: z.array(reservationEntrySchema) }),
]);
export type LetterStateMessage = z.infer<typeof letterStateMessageSchema>;

export const signoffResponseSchema = z.object({ signoffs: z.array(signoffEntrySchema) });
export type SignoffResponse = z.infer<typeof signoffResponseSchema>;

/** Every act on one paragraph, oldest first, with the text each one saw. */
export const paragraphSignoffHistorySchema = z.object({
  acts: z.array(signoffEntrySchema.extend({ paragraphText: z.string() })),
});
export type ParagraphSignoffHistory = z.infer<typeof paragraphSignoffHistorySchema>;

export const signoffGridSchema = z.object({
  offices: z.array(
    z.object({ officeId: officeIdSchema, name: z.string(), country: z.string(), approved: z.number().int(), of: z.number().int() }),
  ),
  paragraphs: z.array(
    z.object({
      paragraphId: z.string(),
      number: z.number().int(),
      excerpt: z.string(),
      /** The whole paragraph, for the spreadsheet. */
      text: z.string(),
      states: z.record(z.string(), stateSchema),
      /** Per office whose state is "changes requested": what it asked for. */
      reasons: z.record(z.string(), z.string()),
      /** The kinds of the open reservations of each office on this paragraph (R3). */
      reservations: z.record(z.string(), z.array(z.enum(Object.values(ReservationKind) as [ReservationKind, ...ReservationKind[]]))).optional(),
      /** How many open suggestions each office has in this paragraph (rule S13). */
      suggestions: z.record(z.string(), z.number().int()).optional(),
    }),
  ),
  /** Paragraphs (by number) with open suggestions, which keep the letter from being ready (S13). */
  paragraphsWithSuggestions: z.array(z.number().int()).optional(),
  /** Open reservations that keep the letter from being ready (R3). */
  openReservations: z.number().int().optional(),
  approvedCells: z.number().int(),
  totalCells: z.number().int(),
  isReady: z.boolean(),
  letterHash: z.string(),
});
export type SignoffGrid = z.infer<typeof signoffGridSchema>;

export const statusChangeRequestSchema = z.object({ to: statusSchema, reason: plainTextSchema(2000).pipe(z.string().min(1)).optional() }).strict();
export type StatusChangeRequest = z.input<typeof statusChangeRequestSchema>;

export const finalSignatureRequestSchema = z.object({ letterHash: hashSchema }).strict();
export type FinalSignatureRequest = z.input<typeof finalSignatureRequestSchema>;

export const signatoriesRequestSchema = z
  .object({
    signatories: z
      .array(
        // Signatories are part of the letter hash and of every export (rule T1).
        z.object({ officeId: officeIdSchema, signerName: plainLineSchema(200).pipe(z.string().min(1)), capacity: plainLineSchema(300) }).strict(),
      )
      .max(60),
  })
  .strict();
export type SignatoriesRequest = z.input<typeof signatoriesRequestSchema>;
