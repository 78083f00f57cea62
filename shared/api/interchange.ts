import { z } from 'zod';
import { officeIdSchema } from './ids.js';
import { importWarningSchema } from './import-warnings.js';
import { createLetterRequestSchema } from './letters.js';

/** The kinds of file a letter can be created from. */
export const ImportFormat = { markdown: 'markdown', docx: 'docx' } as const;
export type ImportFormat = (typeof ImportFormat)[keyof typeof ImportFormat];

/** The kinds of file a letter can be downloaded as. */
export const ExportFormat = { docx: 'docx', pdf: 'pdf', markdown: 'markdown' } as const;
export type ExportFormat = (typeof ExportFormat)[keyof typeof ExportFormat];

const exportFormatSchema = z.enum(Object.values(ExportFormat) as [ExportFormat, ...ExportFormat[]]);

/**
 * `comments=include` asks for the letter's open comment threads and reservations too: as Word
 * comments on the passages they are about, or on an appendix page of a PDF. Markdown leaves them
 * out, and so does a saved version (its anchors are in today's text).
 */
export const ExportComments = { include: 'include' } as const;
export type ExportComments = (typeof ExportComments)[keyof typeof ExportComments];

/**
 * The query of `GET /api/letters/:letterId/export`. `version` names a saved version of the
 * letter; without it the current text is exported.
 */
export const exportQuerySchema = z
  .object({ format: exportFormatSchema, version: z.string().trim().min(1).max(100).optional(), comments: z.enum([ExportComments.include]).optional() })
  .strict();
export type ExportQuery = z.input<typeof exportQuerySchema>;

/** A signature block found in an imported file, matched to an existing office. */
export const detectedSignatorySchema = z.object({
  officeId: officeIdSchema,
  signerName: z.string(),
  capacity: z.string(),
  /** The block as it stands in the file, to show the person what was recognised. */
  sourceText: z.string(),
});
export type DetectedSignatory = z.infer<typeof detectedSignatorySchema>;

/**
 * A paragraph longer than this (about 200 words) is hard to sign off as one unit: each office must
 * agree to every word of it at once, and any change makes every approval of it stale. The import
 * preview names each such paragraph so that the person can split it first (README, "Import").
 */
export const longParagraphCharacters = 1200;

/** A paragraph of an imported file over `longParagraphCharacters`: its number in the body, length and opening words. */
export const longParagraphSchema = z.object({
  number: z.number().int().positive(),
  characters: z.number().int().positive(),
  opening: z.string(),
});
export type LongParagraph = z.infer<typeof longParagraphSchema>;

/**
 * What a file would become, shown before anything is created: the suggested title and subject,
 * and the addressees and signatories the file seems to name, offered instead of body text.
 */
export const importPreviewSchema = z.object({
  fileName: z.string(),
  format: z.enum(Object.values(ImportFormat) as [ImportFormat, ...ImportFormat[]]),
  title: z.string(),
  subject: z.string(),
  addressees: z.array(z.string()),
  signatories: z.array(detectedSignatorySchema),
  paragraphCount: z.number().int().nonnegative(),
  noteCount: z.number().int().nonnegative(),
  /** The first paragraphs of the body as plain text. */
  excerpt: z.array(z.string()),
  /** What the file had that a letter cannot hold (images, tables…), as codes the client puts in words. */
  warnings: z.array(importWarningSchema),
  /** The body's paragraphs longer than `longParagraphCharacters`, in reading order. */
  longParagraphs: z.array(longParagraphSchema),
  /** A Word file's tracked changes that come in as the person's suggestions (rule S13). */
  suggestionCount: z.number().int().nonnegative(),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

/**
 * The person's choices after the preview, sent with the file again in the form field `options`.
 * Addressees and signatories come from the file when taken; otherwise those parts stay body text.
 */
export const importOptionsSchema = createLetterRequestSchema
  .pick({ title: true, subject: true })
  .extend({ takeAddressees: z.boolean().default(false), takeSignatories: z.boolean().default(false) })
  .strict();
export type ImportOptions = z.input<typeof importOptionsSchema>;
