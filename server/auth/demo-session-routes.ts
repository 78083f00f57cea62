import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { demoSignInRequestSchema, type DemoUsersResponse, type SessionResponse } from '../../shared/api/session.js';
import type { AppEnv } from '../http/app-env.js';
import { AppError } from '../http/app-error.js';
import { readJsonBody } from '../http/read-json-body.js';
import { sessionCookieName, type SessionService } from './session-service.js';

/**
 * Until accounts exist, a person says which demo user they are. Only how a session starts is
 * demo-specific: the session, its cookie and how identity flows from it are the real ones.
 */
export function demoSessionRoutes(sessions: SessionService): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get('/session', (c) => c.json<SessionResponse>({ user: c.get('user') }));

  routes.get('/demo-users', async (c) => c.json<DemoUsersResponse>({ users: await sessions.listUsers() }));

  routes.post('/session', async (c) => {
    const { userId } = await readJsonBody(c, demoSignInRequestSchema);
    const user = await sessions.describeUser(userId);
    if (!user) throw AppError.notFound('This user');
    const previous = c.get('sessionId');
    if (previous) await sessions.end(previous);
    const session = await sessions.start(user.id);
    setCookie(c, sessionCookieName, session.id, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: new URL(c.req.url).protocol === 'https:',
      path: '/',
      expires: session.expiresAt,
    });
    return c.json<SessionResponse>({ user });
  });

  routes.delete('/session', async (c) => {
    const sessionId = c.get('sessionId');
    if (sessionId) await sessions.end(sessionId);
    deleteCookie(c, sessionCookieName, { path: '/' });
    return c.body(null, 204);
  });

  return routes;
}
