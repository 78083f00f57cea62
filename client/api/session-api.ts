import {
  type DemoSignInRequest,
  demoUsersResponseSchema,
  type SessionUser,
  sessionResponseSchema,
} from '../../shared/api/session.js';
import { requestJson } from './request-json.js';

/** The signed-in person, or null when there is no session. */
export async function loadSessionUser(): Promise<SessionUser | null> {
  const { user } = await requestJson('/api/session', sessionResponseSchema);
  return user;
}

export async function loadDemoUsers(): Promise<SessionUser[]> {
  const { users } = await requestJson('/api/demo-users', demoUsersResponseSchema);
  return users;
}

/** Starts a session as one of the demo users; the server sets the session cookie. */
export async function signInAsDemoUser(userId: string): Promise<SessionUser> {
  const body: DemoSignInRequest = { userId };
  const { user } = await requestJson('/api/session', sessionResponseSchema, { method: 'POST', body });
  if (!user) throw new Error('the server signed in nobody');
  return user;
}

export async function signOut(): Promise<void> {
  await requestJson('/api/session', null, { method: 'DELETE' });
}
