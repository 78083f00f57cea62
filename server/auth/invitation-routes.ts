import { Hono } from 'hono';
import { acceptInvitationRequestSchema, type InvitationDetailsResponse } from '../../shared/api/accounts.js';
import type { SessionResponse } from '../../shared/api/session.js';
import type { AppEnv } from '../http/app-env.js';
import { readJsonBody } from '../http/read-json-body.js';
import { beginSession } from './auth-routes.js';
import type { InvitationService } from './invitation-service.js';
import type { SessionService } from './session-service.js';

export function invitationRoutes(invitations: InvitationService, sessions: SessionService, isDemo: boolean): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get('/invitations/:token', async (c) => {
    const { name, email, officeName } = await invitations.details(c.req.param('token'));
    return c.json<InvitationDetailsResponse>({ name, email, officeName });
  });

  routes.post('/invitations/:token', async (c) => {
    const { password } = await readJsonBody(c, acceptInvitationRequestSchema);
    const userId = await invitations.accept(c.req.param('token'), password);
    // A password was set: any session started before it (a stolen one, say) ends.
    await sessions.endAllOf(userId);
    const user = (await sessions.describeUser(userId))!;
    await beginSession(c, sessions, user, 'invitation');
    return c.json<SessionResponse>({ user, demo: isDemo });
  });

  return routes;
}
