import { z } from 'zod';
import { Role } from '../domain/roles.js';
import { officeIdSchema, uuidSchema } from './ids.js';
import { officeSchema } from './offices.js';
import { letterAddresseesSchema, letterDateSchema, letterSubjectSchema, letterTitleSchema } from './letter-details.js';

export const LetterStatus = {
  drafting: 'drafting',
  inReview: 'in_review',
  ready: 'ready',
  signed: 'signed',
  sent: 'sent',
} as const;
export type LetterStatus = (typeof LetterStatus)[keyof typeof LetterStatus];

const letterStatusSchema = z.enum(Object.values(LetterStatus) as [LetterStatus, ...LetterStatus[]]);
const roleSchema = z.enum(Object.values(Role) as [Role, ...Role[]]);

export const createLetterRequestSchema = z
  .object({
    title: letterTitleSchema,
    subject: letterSubjectSchema.default(''),
    addressees: letterAddresseesSchema.default([]),
    /** The day the letter bears, `YYYY-MM-DD`; none until someone sets it. */
    letterDate: letterDateSchema.nullable().default(null),
    /** The signatory offices in signing order; each office's minister signs by default. */
    signatoryOfficeIds: z.array(officeIdSchema).max(60).default([]),
  })
  .strict();
export type CreateLetterRequest = z.input<typeof createLetterRequestSchema>;

export const signatorySchema = z.object({
  position: z.number().int().nonnegative(),
  office: officeSchema,
  signerName: z.string(),
  capacity: z.string(),
});
export type Signatory = z.infer<typeof signatorySchema>;

export const letterSummarySchema = z.object({
  id: uuidSchema,
  title: z.string(),
  subject: z.string(),
  status: letterStatusSchema,
  signatoryCount: z.number().int().nonnegative(),
  updatedAt: z.string(),
});
export type LetterSummary = z.infer<typeof letterSummarySchema>;

export const letterListResponseSchema = z.object({ letters: z.array(letterSummarySchema) });
export type LetterListResponse = z.infer<typeof letterListResponseSchema>;

export const letterDetailSchema = z.object({
  id: uuidSchema,
  title: z.string(),
  subject: z.string(),
  addressees: z.array(z.string()),
  letterDate: z.string().nullable(),
  status: letterStatusSchema,
  signatories: z.array(signatorySchema),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The roles of the asking user on this letter. */
  myRoles: z.array(roleSchema),
  /** The language the letter is written in (its `lang`, and the language of its exports' fixed labels). */
  language: z.string().optional(),
});
export type LetterDetail = z.infer<typeof letterDetailSchema>;

export const officeListResponseSchema = z.object({ offices: z.array(officeSchema) });
export type OfficeListResponse = z.infer<typeof officeListResponseSchema>;
