import { z } from 'zod';
import { officeIdSchema } from './ids.js';

/** A ministry or other signatory body. */
export const officeSchema = z.object({
  id: officeIdSchema,
  /** The office's name in its own language. */
  name: z.string(),
  nameEn: z.string(),
  country: z.string(),
  ministerName: z.string(),
  ministerTitle: z.string(),
  /** `#rrggbb`, used for presence and the letterhead. */
  color: z.string().regex(/^#[0-9a-f]{6}$/i),
});

export type Office = z.infer<typeof officeSchema>;
