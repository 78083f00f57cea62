import { z } from 'zod';
import type { WorkspacePerson } from '../domain/permissions.js';
import { uuidSchema } from './ids.js';
import { officeSchema } from './offices.js';

/** The person a session belongs to, as the server authenticated them. */
export const sessionUserSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  email: z.string(),
  isAdmin: z.boolean(),
  /** Administers their own office: appoints its people and approvers. */
  isOfficeAdmin: z.boolean(),
  office: officeSchema,
  /** The interface language the person chose; absent or null until they choose one. */
  language: z.string().nullable().optional(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

/** The signed-in person as the rules on offices' people see them (shared/domain/permissions.ts). */
export const workspacePersonOf = (user: SessionUser): WorkspacePerson => ({
  isAdmin: user.isAdmin,
  isOfficeAdmin: user.isOfficeAdmin,
  officeId: user.office.id,
});

export const sessionResponseSchema = z.object({
  user: sessionUserSchema.nullable(),
  /** True when the workspace runs with demo accounts: the client shows a banner. */
  demo: z.boolean(),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

export const loginRequestSchema = z
  .object({
    email: z.string().trim().toLowerCase().min(3).max(254),
    password: z.string().min(1).max(1024),
  })
  .strict();
export type LoginRequest = z.input<typeof loginRequestSchema>;
