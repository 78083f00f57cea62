import { z } from 'zod';
import { Role } from '../domain/roles.js';
import { uuidSchema } from './ids.js';
import { officeSchema } from './offices.js';
import { plainLineSchema } from './plain-text.js';

const roleSchema = z.enum(Object.values(Role) as [Role, ...Role[]]);

export const memberSchema = z.object({
  userId: uuidSchema,
  name: z.string(),
  email: z.string(),
  office: officeSchema,
  roles: z.array(roleSchema),
});
export type Member = z.infer<typeof memberSchema>;

export const memberListResponseSchema = z.object({ members: z.array(memberSchema) });
export type MemberListResponse = z.infer<typeof memberListResponseSchema>;

/** Adds a member or replaces their roles. At least one role: removing is its own request. */
export const setMemberRolesRequestSchema = z
  .object({ roles: z.array(roleSchema).min(1).max(4).transform((roles) => [...new Set(roles)]) })
  .strict();
export type SetMemberRolesRequest = z.input<typeof setMemberRolesRequestSchema>;

/** People who could be added to a letter: the workspace's users. */
export const directoryResponseSchema = z.object({
  people: z.array(z.object({ userId: uuidSchema, name: z.string(), office: officeSchema })),
});
export type DirectoryResponse = z.infer<typeof directoryResponseSchema>;

/** A coordinator invites someone new to the letter: an account, a membership and a one-time link. */
export const inviteToLetterRequestSchema = z
  .object({
    name: plainLineSchema(200).pipe(z.string().min(1)),
    email: z.email().trim().toLowerCase().max(254),
    officeId: z.string().regex(/^[a-z0-9][a-z0-9-]{1,39}$/),
    roles: z.array(roleSchema).min(1).max(4).transform((roles) => [...new Set(roles)]),
  })
  .strict();
export type InviteToLetterRequest = z.input<typeof inviteToLetterRequestSchema>;

export const letterInvitationResponseSchema = z.object({
  invitationUrl: z.string(),
  /** The office the new person belongs to: the link says so too. */
  office: officeSchema,
  expiresAt: z.string(),
  /** The address the link was mailed to as well; null when Jointly sends no mail. */
  mailedTo: z.string().nullable().default(null),
  members: z.array(memberSchema),
});
export type LetterInvitationResponse = z.infer<typeof letterInvitationResponseSchema>;
