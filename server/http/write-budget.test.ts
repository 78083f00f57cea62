import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../../shared/api/session.js';
import { createLogger } from '../logger.js';
import type { AppEnv } from './app-env.js';
import { createErrorHandler } from './error-handler.js';
import { memoryWriteLimiter, writeBudget } from './write-budget.js';

/** An app whose requests are made by the person named in the `x-person` header (none without it). */
function appWithBudget(perMinute: number) {
  const logger = createLogger('silent');
  const app = new Hono<AppEnv>();
  app.onError(createErrorHandler(logger));
  app.use('*', async (c, next) => {
    const id = c.req.header('x-person');
    c.set('user', id ? ({ id } as SessionUser) : null);
    await next();
  });
  app.use('/api/*', writeBudget(memoryWriteLimiter(perMinute)!, logger));
  app.all('/api/*', (c) => c.json({ ok: true }));
  const send = (method: string, path: string, person?: string) =>
    app.request(path, { method, headers: person ? { 'x-person': person } : {} });
  return send;
}

describe('the budget of writes a person may make in a minute', () => {
  it('refuses the write after the budget with 429 too_many_writes and Retry-After, for that person only', async () => {
    const send = appWithBudget(3);
    for (const method of ['POST', 'PUT', 'DELETE']) expect((await send(method, '/api/letters/a/threads', 'kadri')).status).toBe(200);
    const refused = await send('PATCH', '/api/letters/b/details', 'kadri');
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ error: { code: 'too_many_writes' } });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await send('POST', '/api/letters/a/threads', 'helena')).status).toBe(200);
  });

  it('does not count reading, signing out, or requests without a session', async () => {
    const send = appWithBudget(1);
    expect((await send('POST', '/api/letters/a/threads', 'kadri')).status).toBe(200);
    expect((await send('GET', '/api/letters/a/threads', 'kadri')).status).toBe(200);
    expect((await send('POST', '/api/auth/logout', 'kadri')).status).toBe(200);
    expect((await send('POST', '/api/letters/a/threads')).status).toBe(200);
    expect((await send('POST', '/api/letters/a/threads', 'kadri')).status).toBe(429);
  });
});
