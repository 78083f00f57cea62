import { z } from 'zod';
import { LetterStatus, signatorySchema } from './letters.js';
import { plainLineSchema } from './plain-text.js';

export const VersionKind = {
  /** Saved by the coordinator under a name of their choice. */
  named: 'named',
  /** Saved by the server when the letter's status changed. */
  statusChange: 'status_change',
} as const;
export type VersionKind = (typeof VersionKind)[keyof typeof VersionKind];

const statusSchema = z.enum(Object.values(LetterStatus) as [LetterStatus, ...LetterStatus[]]);
export const versionIdSchema = z.string().regex(/^[0-9a-f]{32}$/, 'not a version id');

/** A plain line every member reads in the list of versions (rule T1): no control characters, no direction controls. */
export const versionNameSchema = plainLineSchema(200).pipe(z.string().min(1, 'give the version a name'));

export const saveVersionRequestSchema = z.object({ name: versionNameSchema }).strict();
export type SaveVersionRequest = z.input<typeof saveVersionRequestSchema>;

export const versionSummarySchema = z.object({
  id: versionIdSchema,
  name: z.string(),
  kind: z.enum([VersionKind.named, VersionKind.statusChange]),
  /** The letter's status when the version was saved. */
  status: statusSchema,
  by: z.string(),
  at: z.string(),
  paragraphCount: z.number().int(),
});
export type VersionSummary = z.infer<typeof versionSummarySchema>;

export const versionListSchema = z.object({ versions: z.array(versionSummarySchema) });
export type VersionList = z.infer<typeof versionListSchema>;

/** A paragraph of a version (or of the current text), in reading order. */
export const versionParagraphSchema = z.object({
  id: z.string(),
  blockType: z.string(),
  text: z.string(),
  hash: z.string(),
});
export type VersionParagraph = z.infer<typeof versionParagraphSchema>;

/** A saved version opened read-only: its paragraphs and the body as editor (ProseMirror) JSON. */
/** The letter's details and signatories as they were when a version was saved. */
export const versionLetterSchema = z.object({
  title: z.string(),
  subject: z.string(),
  addressees: z.array(z.string()),
  letterDate: z.string().nullable(),
  signatories: z.array(signatorySchema),
});
export type VersionLetter = z.infer<typeof versionLetterSchema>;

export const versionDetailSchema = z.object({
  version: versionSummarySchema,
  /** Null for a version saved before versions kept the letter's details. */
  letter: versionLetterSchema.nullable(),
  paragraphs: z.array(versionParagraphSchema),
  body: z.record(z.string(), z.unknown()),
});
export type VersionDetail = z.infer<typeof versionDetailSchema>;

export const ParagraphChange = {
  unchanged: 'unchanged',
  added: 'added',
  deleted: 'deleted',
  changed: 'changed',
  moved: 'moved',
  movedAndChanged: 'moved_and_changed',
} as const;
export type ParagraphChange = (typeof ParagraphChange)[keyof typeof ParagraphChange];

/** `current` stands for the text as it is now. */
export const versionRefSchema = z.union([versionIdSchema, z.literal('current')]);

export const comparisonEntrySchema = z.object({
  paragraphId: z.string(),
  change: z.enum(Object.values(ParagraphChange) as [ParagraphChange, ...ParagraphChange[]]),
  before: versionParagraphSchema.nullable(),
  after: versionParagraphSchema.nullable(),
});
export type ComparisonEntry = z.infer<typeof comparisonEntrySchema>;

/** Two states of the letter compared paragraph by paragraph, in the reading order of the later one. */
export const versionComparisonSchema = z.object({
  from: z.object({ ref: versionRefSchema, name: z.string() }),
  to: z.object({ ref: versionRefSchema, name: z.string() }),
  entries: z.array(comparisonEntrySchema),
});
export type VersionComparison = z.infer<typeof versionComparisonSchema>;
