import { Hono, type Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { ErrorCode } from '../../shared/api/errors.js';
import { languageChoiceSchema } from '../../shared/i18n/language-choice.js';
import { loginRequestSchema, type SessionResponse, type SessionUser } from '../../shared/api/session.js';
import type { AppEnv } from '../http/app-env.js';
import { AppError } from '../http/app-error.js';
import { readJsonBody } from '../http/read-json-body.js';
import type { Store } from '../store/store.js';
import type { SignInLimiter } from './login-rate-limiter.js';
import { AuditKind } from '../../shared/api/audit.js';
import { actorOf, auditDraft } from '../audit/audit-draft.js';
import { verifyPassword } from './password-hasher.js';
import { sessionCookieName, type SessionService } from './session-service.js';
import { auditableText } from '../audit/audit-text.js';

export interface AuthRouteDeps {
  store: Store;
  sessions: SessionService;
  rateLimiter: SignInLimiter;
  isDemo: boolean;
}

/** Starts a fresh session (a new id at every sign-in) and hands its cookie to the browser. */
export async function beginSession(c: Context<AppEnv>, sessions: SessionService, user: SessionUser, via: 'password' | 'invitation'): Promise<void> {
  const previous = c.get('sessionId');
  if (previous) await sessions.end(previous);
  const session = await sessions.start(user.id, [auditDraft(AuditKind.loginSucceeded, actorOf(user), null, { email: user.email, via })]);
  setCookie(c, sessionCookieName, session.id, {
    httpOnly: true,
    sameSite: 'Lax',
    // Behind a TLS proxy the server itself speaks http: PUBLIC_URL or TRUST_PROXY says it is https.
    secure: c.get('ownOrigin').startsWith('https:'),
    path: '/',
    expires: session.expiresAt,
  });
}

/** The longest e-mail address (RFC 5321's path limit): a refused sign-in records at most this much of what was typed. */
const maxAuditedEmailLength = 254;

export function authRoutes({ store, sessions, rateLimiter, isDemo }: AuthRouteDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get('/session', (c) => c.json<SessionResponse>({ user: c.get('user'), demo: isDemo }));

  routes.post('/auth/login', async (c) => {
    const { email, password } = await readJsonBody(c, loginRequestSchema);
    const address = c.get('clientAddress');
    const decision = await rateLimiter.check(email, address);
    if (!decision.allowed) {
      const minutes = Math.ceil(decision.retryAfterSeconds / 60);
      c.header('Retry-After', String(decision.retryAfterSeconds));
      throw new AppError(
        429,
        ErrorCode.tooManyAttempts,
        `Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
      );
    }
    const account = await store.accounts.findAccountByEmail(email);
    const valid = await verifyPassword(account?.passwordHash ?? null, password);
    const user = valid && account ? await sessions.describeUser(account.id) : null;
    if (!user) {
      await rateLimiter.recordFailure(email, address);
      // Refused attempts are few (rate-limited), and a run of them is what an audit must show.
      await store.audit.append([auditDraft(AuditKind.loginRefused, null, null, { email: auditableText(email, maxAuditedEmailLength), address })]);
      throw new AppError(401, ErrorCode.invalidCredentials, 'The e-mail address or the password is not right.');
    }
    await rateLimiter.recordSuccess(email);
    await beginSession(c, sessions, user, 'password');
    return c.json<SessionResponse>({ user, demo: isDemo });
  });

  // The person's interface language, stored with their account (issue 17).
  routes.put('/account/language', async (c) => {
    const user = c.get('user');
    if (!user) throw new AppError(401, ErrorCode.unauthenticated, 'Sign in first.');
    const { language } = await readJsonBody(c, languageChoiceSchema);
    await store.accounts.setLanguage(user.id, language);
    return c.json({ language });
  });

  routes.post('/auth/logout', async (c) => {
    const sessionId = c.get('sessionId');
    const user = c.get('user');
    if (sessionId) await sessions.end(sessionId, user ? [auditDraft(AuditKind.logout, actorOf(user), null)] : []);
    deleteCookie(c, sessionCookieName, { path: '/' });
    return c.body(null, 204);
  });

  return routes;
}
