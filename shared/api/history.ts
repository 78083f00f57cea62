import { z } from 'zod';
import { officeIdSchema } from './ids.js';
import { signoffEntrySchema } from './signoffs.js';

/** How a revision came about. A split or merge names the other paragraph in `relatedParagraphId`. */
export const RevisionKind = {
  created: 'created',
  edited: 'edited',
  split: 'split',
  merged: 'merged',
  deleted: 'deleted',
  restored: 'restored',
  /** Text found without a record of who wrote it (kept before history began). */
  recorded: 'recorded',
} as const;
export type RevisionKind = (typeof RevisionKind)[keyof typeof RevisionKind];

const revisionKindSchema = z.enum(Object.values(RevisionKind) as [RevisionKind, ...RevisionKind[]]);
const hashSchema = z.string().regex(/^[0-9a-f]{64}$/, 'not a paragraph hash');
export const revisionIdSchema = z.string().regex(/^[0-9a-f]{32}$/, 'not a revision id');

/** One revision of a paragraph: who changed it, when, and what it said afterwards. */
export const revisionSchema = z.object({
  id: revisionIdSchema,
  paragraphId: z.string(),
  kind: revisionKindSchema,
  /** Null only for text recorded before anyone was attributed (kind "recorded"). */
  by: z.string().nullable(),
  officeId: officeIdSchema.nullable(),
  startedAt: z.string(),
  endedAt: z.string(),
  /** The paragraph's words after this revision, as plain text (for word-level diffs). */
  text: z.string(),
  blockType: z.string(),
  hash: hashSchema,
  /** Number of changes folded into this revision. */
  changes: z.number().int(),
  /** The paragraph this one was split from, or merged into. */
  relatedParagraphId: z.string().nullable(),
  /** For a restore: the revision whose text was put back. */
  restoredFrom: revisionIdSchema.nullable(),
});
export type Revision = z.infer<typeof revisionSchema>;

/** A paragraph's history: revisions newest first, and every sign-off act on it (oldest first). */
export const paragraphHistorySchema = z.object({
  paragraphId: z.string(),
  /** The paragraph as the server holds it now; null if it has been deleted. */
  current: z.object({ hash: hashSchema, text: z.string() }).nullable(),
  revisions: z.array(revisionSchema),
  signoffs: z.array(signoffEntrySchema.extend({ paragraphText: z.string() })),
});
export type ParagraphHistory = z.infer<typeof paragraphHistorySchema>;

/** Put a paragraph back to an earlier revision's text. `hash` is the current text the person saw. */
export const restoreRequestSchema = z.object({ revisionId: revisionIdSchema, hash: hashSchema }).strict();
export type RestoreRequest = z.input<typeof restoreRequestSchema>;

export const restoreResponseSchema = z.object({ hash: hashSchema, text: z.string() });
export type RestoreResponse = z.infer<typeof restoreResponseSchema>;
