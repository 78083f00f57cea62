import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from '../http/app-env.js';
import { AppError } from '../http/app-error.js';
import { sessionCookieName, type SessionService } from './session-service.js';

/** Resolves the session cookie to the signed-in person for every request, or to null. */
export function sessionMiddleware(sessions: SessionService): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const sessionId = getCookie(c, sessionCookieName) ?? null;
    c.set('sessionId', sessionId);
    c.set('user', await sessions.resolve(sessionId));
    await next();
  };
}

/** Routes behind this answer 401 without a valid session. */
export const requireUser: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.get('user')) throw AppError.unauthenticated();
  await next();
};

/** Workspace administration: offices and people. */
export const requireAdmin: MiddlewareHandler<AppEnv> = async (c, next) => {
  const user = c.get('user');
  if (!user) throw AppError.unauthenticated();
  if (!user.isAdmin) throw AppError.forbidden('Only a workspace administrator can do this.');
  await next();
};

/** Administration of people: the workspace administrator, or an office administrator for their own office. */
export const requireOfficeAdmin: MiddlewareHandler<AppEnv> = async (c, next) => {
  const user = c.get('user');
  if (!user) throw AppError.unauthenticated();
  if (!user.isAdmin && !user.isOfficeAdmin) throw AppError.forbidden('Only an administrator can do this.');
  await next();
};
