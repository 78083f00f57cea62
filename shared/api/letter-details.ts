import { z } from 'zod';
import { plainLineSchema } from './plain-text.js';

/** The documented limits of a letter's details (README, "Letter details"). */
export const letterDetailLimits = {
  titleLength: 200,
  subjectLength: 500,
  addresseeLength: 300,
  addressees: 50,
} as const;

/** A calendar day as `YYYY-MM-DD` that exists (no 31 April). */
export const letterDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is written YYYY-MM-DD')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, 'no such day');

export const letterTitleSchema = plainLineSchema(letterDetailLimits.titleLength).pipe(z.string().min(1, 'a title is required'));
export const letterSubjectSchema = plainLineSchema(letterDetailLimits.subjectLength);
export const letterAddresseesSchema = z
  .array(plainLineSchema(letterDetailLimits.addresseeLength).pipe(z.string().min(1, 'an addressee cannot be empty')))
  .max(letterDetailLimits.addressees);

/** What the coordinator may change about a letter after creating it: all four, replaced whole. */
export const letterDetailsRequestSchema = z
  .object({
    title: letterTitleSchema,
    subject: letterSubjectSchema,
    addressees: letterAddresseesSchema,
    letterDate: letterDateSchema.nullable(),
  })
  .strict();
export type LetterDetailsRequest = z.input<typeof letterDetailsRequestSchema>;

/** A letter's details as every member reads them. */
export const letterDetailsSchema = z.object({
  title: z.string(),
  subject: z.string(),
  addressees: z.array(z.string()),
  letterDate: z.string().nullable(),
});
export type LetterDetails = z.infer<typeof letterDetailsSchema>;

export const LetterDetailField = {
  title: 'title',
  subject: 'subject',
  addressees: 'addressees',
  letterDate: 'letterDate',
} as const;
export type LetterDetailField = (typeof LetterDetailField)[keyof typeof LetterDetailField];

const detailFieldSchema = z.enum(Object.values(LetterDetailField) as [LetterDetailField, ...LetterDetailField[]]);
const detailValueSchema = z.union([z.string(), z.array(z.string()), z.null()]);

/** One field as it was before a change and after it. */
export const letterDetailChangeSchema = z.object({ field: detailFieldSchema, from: detailValueSchema, to: detailValueSchema });
export type LetterDetailChange = z.infer<typeof letterDetailChangeSchema>;

/** One edit of the details: who, when, and each field it changed. */
export const letterDetailsEditSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  by: z.string(),
  officeId: z.string().nullable(),
  changes: z.array(letterDetailChangeSchema),
});
export type LetterDetailsEdit = z.infer<typeof letterDetailsEditSchema>;

/** Every edit of a letter's details, newest first. */
export const letterDetailsHistorySchema = z.object({ edits: z.array(letterDetailsEditSchema) });
export type LetterDetailsHistory = z.infer<typeof letterDetailsHistorySchema>;

/** The fields that differ between two states of the details, in a fixed order. */
export function changedDetails(before: LetterDetails, after: LetterDetails): LetterDetailChange[] {
  const changes: LetterDetailChange[] = [];
  for (const field of Object.values(LetterDetailField)) {
    const from = before[field];
    const to = after[field];
    if (JSON.stringify(from) !== JSON.stringify(to)) changes.push({ field, from, to });
  }
  return changes;
}
