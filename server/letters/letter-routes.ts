import { Hono } from 'hono';
import { uuidSchema } from '../../shared/api/ids.js';
import {
  createLetterRequestSchema,
  type LetterDetail,
  type LetterListResponse,
  type OfficeListResponse,
} from '../../shared/api/letters.js';
import { requireUser } from '../auth/session-middleware.js';
import type { AppEnv } from '../http/app-env.js';
import { AppError } from '../http/app-error.js';
import { readJsonBody } from '../http/read-json-body.js';
import type { Store } from '../store/store.js';
import type { LetterService } from './letter-service.js';

export function letterRoutes(letters: LetterService, store: Store): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  // Scoped to these paths: a '*' here would also guard every route mounted after this one.
  for (const path of ['/offices', '/letters', '/letters/*']) routes.use(path, requireUser);

  routes.get('/offices', async (c) => c.json<OfficeListResponse>({ offices: await store.accounts.listOffices() }));

  routes.get('/letters', async (c) => c.json<LetterListResponse>({ letters: await letters.listFor(c.get('user')!) }));

  routes.post('/letters', async (c) => {
    const request = await readJsonBody(c, createLetterRequestSchema);
    return c.json<LetterDetail>(await letters.create(c.get('user')!, request), 201);
  });

  routes.get('/letters/:letterId', async (c) => {
    const letterId = c.req.param('letterId');
    // A malformed id is just another letter that does not exist.
    if (!uuidSchema.safeParse(letterId).success) throw AppError.notFound('This letter');
    return c.json<LetterDetail>(await letters.detailFor(c.get('user')!, letterId));
  });

  return routes;
}
