import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/password-hasher.js';
import { composeServices, type ServiceOptions } from '../compose.js';
import { testServiceOptions } from '../test-service-options.js';
import { createLogger } from '../logger.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { ownOrigin } from './origin-policy.js';

// PUBLIC_URL and TRUST_PROXY (README, Configuration): behind a TLS proxy the cookie is Secure, and the
// sign-in limit counts the proxy's client address only when the proxy is trusted.
let dir: string;
let store: SqliteStore;
let userId: string;
const password = 'a long test password';

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jointly-proxy-'));
  store = SqliteStore.open(path.join(dir, 'db.sqlite'));
  await store.accounts.insertOffices([
    { id: 'aa-interior', name: 'A', nameEn: 'A', country: 'A', ministerName: 'M', ministerTitle: 'Minister', color: '#1f4e79' },
  ]);
  userId = randomUUID();
  await store.accounts.insertUser({
    id: userId, officeId: 'aa-interior', name: 'Desk', email: 'desk@aa.example', isAdmin: true, passwordHash: await hashPassword(password), createdAt: new Date().toISOString(),
  });
});

afterAll(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function appWith(settings: Partial<ServiceOptions>) {
  return composeServices(store, createLogger('silent'), testServiceOptions({
    rateLimits: { perAccount: 100, perAddress: 2, windowMs: 60_000 },
    ...settings,
  })).app;
}

const signIn = (app: ReturnType<typeof appWith>, headers: Record<string, string> = {}, email = 'desk@aa.example', secret = password) =>
  app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ email, password: secret }) });

describe('behind a TLS proxy', () => {
  it('sets a Secure cookie when PUBLIC_URL is https, and not for a plain http server', async () => {
    expect((await signIn(appWith({ publicOrigin: 'https://jointly.example' }))).headers.get('set-cookie')).toMatch(/; Secure/);
    expect((await signIn(appWith({}))).headers.get('set-cookie')).not.toMatch(/Secure/);
  });

  it("believes the proxy's X-Forwarded-Proto only with TRUST_PROXY", async () => {
    const viaTls = { 'x-forwarded-proto': 'https' };
    expect((await signIn(appWith({}), viaTls)).headers.get('set-cookie')).not.toMatch(/Secure/);
    expect((await signIn(appWith({ trustProxy: true }), viaTls)).headers.get('set-cookie')).toMatch(/; Secure/);
  });

  it("limits sign-ins per client address from the proxy's header only with TRUST_PROXY", async () => {
    const fail = (app: ReturnType<typeof appWith>, address: string) =>
      signIn(app, { 'x-forwarded-for': `10.9.9.9, ${address}` }, `nobody-${randomUUID()}@aa.example`, 'wrong password');
    const trusting = appWith({ trustProxy: true });
    expect([(await fail(trusting, '192.0.2.1')).status, (await fail(trusting, '192.0.2.1')).status, (await fail(trusting, '192.0.2.1')).status]).toEqual([401, 401, 429]);
    // Another client behind the same proxy is not blocked by the first one's failures.
    expect((await fail(trusting, '192.0.2.2')).status).toBe(401);

    // Without TRUST_PROXY the header is anyone's to write: changing it does not escape the limit.
    const direct = appWith({});
    expect([(await fail(direct, '192.0.2.3')).status, (await fail(direct, '192.0.2.4')).status, (await fail(direct, '192.0.2.5')).status]).toEqual([401, 401, 429]);
  });

  it('takes the site origin from PUBLIC_URL, else from the request, with the scheme from a trusted proxy only', () => {
    const none = () => undefined;
    const https = (name: string) => (name === 'x-forwarded-proto' ? 'https' : undefined);
    expect(ownOrigin('http://jointly.example:8787/sync/x', none, { publicOrigin: 'https://jointly.example', trustProxy: false })).toBe('https://jointly.example');
    expect(ownOrigin('http://jointly.example:8787/sync/x', https, { publicOrigin: null, trustProxy: false })).toBe('http://jointly.example:8787');
    expect(ownOrigin('http://jointly.example/sync/x', https, { publicOrigin: null, trustProxy: true })).toBe('https://jointly.example');
  });
});

describe('answers that carry e-mail addresses', () => {
  it('are sent with Cache-Control: no-store', async () => {
    const app = appWith({});
    const cookie = (await signIn(app)).headers.get('set-cookie')!.split(';')[0]!;
    for (const url of ['/api/session', '/api/admin/users']) {
      const response = await app.request(url, { headers: { cookie } });
      expect(await response.text()).toContain('desk@aa.example');
      expect(response.headers.get('cache-control'), url).toBe('no-store');
    }
  });
});
