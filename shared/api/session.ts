import { z } from 'zod';
import { uuidSchema } from './ids.js';
import { officeSchema } from './offices.js';

/** The person a session belongs to, as the server authenticated them. */
export const sessionUserSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  office: officeSchema,
});

export type SessionUser = z.infer<typeof sessionUserSchema>;

export const sessionResponseSchema = z.object({ user: sessionUserSchema.nullable() });
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

/** Demo sign-in: until accounts exist, a person picks which demo user they are. */
export const demoSignInRequestSchema = z.object({ userId: uuidSchema }).strict();
export type DemoSignInRequest = z.infer<typeof demoSignInRequestSchema>;

export const demoUsersResponseSchema = z.object({ users: z.array(sessionUserSchema) });
export type DemoUsersResponse = z.infer<typeof demoUsersResponseSchema>;
