import { z } from 'zod';
import { officeIdSchema, uuidSchema } from './ids.js';
import { officeSchema } from './offices.js';
import { plainLineSchema } from './plain-text.js';

/** Passwords: long enough to resist guessing; no composition rules (NIST SP 800-63B). */
export const passwordSchema = z.string().min(12, 'use at least 12 characters').max(1024);

/** People's and offices' names are shown beside letter text and printed on exports (rule T1). */
const nameSchema = plainLineSchema(200).pipe(z.string().min(1));

/** An office's minister is its default signatory: part of the letter hash and of every export. */
export const createOfficeRequestSchema = officeSchema
  .extend({ name: nameSchema, nameEn: nameSchema, ministerName: nameSchema, ministerTitle: plainLineSchema(300) })
  .strict();
export type CreateOfficeRequest = z.input<typeof createOfficeRequestSchema>;

export const createUserRequestSchema = z
  .object({
    name: nameSchema,
    email: z.email().trim().toLowerCase().max(254),
    officeId: officeIdSchema,
    isAdmin: z.boolean().default(false),
  })
  .strict();
export type CreateUserRequest = z.input<typeof createUserRequestSchema>;

export const accountSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  email: z.string(),
  officeId: officeIdSchema,
  isAdmin: z.boolean(),
  /** Administers their own office: appoints its people and approvers. */
  isOfficeAdmin: z.boolean(),
  /** Created by a coordinator outside the office: drafts and observes until the office appoints them. */
  isGuest: z.boolean(),
  /** False until the person has set a password through their invitation. */
  isActive: z.boolean(),
});
export type Account = z.infer<typeof accountSchema>;

/** The workspace administrator makes someone their office's administrator, or no longer. */
export const setOfficeAdminRequestSchema = z.object({ isOfficeAdmin: z.boolean() }).strict();
export type SetOfficeAdminRequest = z.input<typeof setOfficeAdminRequestSchema>;

export const accountListResponseSchema = z.object({ users: z.array(accountSchema) });
export type AccountListResponse = z.infer<typeof accountListResponseSchema>;

export const invitationLinkResponseSchema = z.object({
  user: accountSchema,
  /** The link to hand to the person; it works once and expires. */
  invitationUrl: z.string(),
  expiresAt: z.string(),
  /** The address the link was mailed to as well; null when Jointly sends no mail. */
  mailedTo: z.string().nullable().default(null),
});
export type InvitationLinkResponse = z.infer<typeof invitationLinkResponseSchema>;

export const invitationDetailsResponseSchema = z.object({
  name: z.string(),
  email: z.string(),
  officeName: z.string(),
});
export type InvitationDetailsResponse = z.infer<typeof invitationDetailsResponseSchema>;

export const acceptInvitationRequestSchema = z.object({ password: passwordSchema }).strict();
export type AcceptInvitationRequest = z.input<typeof acceptInvitationRequestSchema>;
