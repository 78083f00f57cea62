import { Hono } from 'hono';
import { letterDetailsRequestSchema, type LetterDetails, type LetterDetailsHistory } from '../../shared/api/letter-details.js';
import { Permission } from '../../shared/domain/permissions.js';
import { readJsonBody } from '../http/read-json-body.js';
import { letterPermission, type LetterAccess, type LetterEnv } from './letter-access.js';
import type { LetterDetailsService } from './letter-details-service.js';

/** `PUT /letters/:id/details` (coordinator) and `GET /letters/:id/details/history` (every member). */
export function letterDetailsRoutes(access: LetterAccess, details: LetterDetailsService): Hono<LetterEnv> {
  const routes = new Hono<LetterEnv>();

  routes.put('/letters/:letterId/details', letterPermission(access, Permission.editDetails), async (c) => {
    const request = await readJsonBody(c, letterDetailsRequestSchema);
    await details.update(c.get('user')!, c.get('letterId'), request);
    return c.json<LetterDetails>(request);
  });

  routes.get('/letters/:letterId/details/history', letterPermission(access, Permission.readLetter), async (c) =>
    c.json<LetterDetailsHistory>({ edits: await details.history(c.get('user')!, c.get('letterId')) }),
  );

  return routes;
}
