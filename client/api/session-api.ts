import type { SessionUser } from '../../shared/api/session.js';
import { type LoginRequest, type SessionResponse, sessionResponseSchema } from '../../shared/api/session.js';
import type { Language } from '../../shared/i18n/languages.js';
import { requestJson } from './request-json.js';

/** The signed-in person (or null) and whether the workspace runs with demo accounts. */
export async function loadSession(): Promise<SessionResponse> {
  return requestJson('/api/session', sessionResponseSchema);
}

/** Signs in with e-mail and password; the server sets the session cookie. */
export async function signIn(request: LoginRequest): Promise<SessionUser> {
  const { user } = await requestJson('/api/auth/login', sessionResponseSchema, { method: 'POST', body: request });
  if (!user) throw new Error('the server signed in nobody');
  return user;
}

/** Stores the person's interface language with their account. */
export async function saveLanguage(language: Language): Promise<void> {
  await requestJson('/api/account/language', null, { method: 'PUT', body: { language } });
}

/** Ends the session; the server also closes this person's open letters in other tabs. */
export async function signOut(): Promise<void> {
  await requestJson('/api/auth/logout', null, { method: 'POST' });
}
