import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { ErrorCode, errorResponseSchema } from '../../shared/api/errors.js';
import { useSharedServer } from './harness/server-process.js';
import { apiRequest, createLetter, signIn, type Session } from './harness/sign-in.js';

/** Every error answer is `{ error: { code, message } }` with a stable code, and nothing more revealing. */
async function expectError(response: Response, status: number, code: string): Promise<void> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = errorResponseSchema.parse(await response.json());
  expect(body.error.code).toBe(code);
  expect(body.error.message).not.toMatch(/\bat .+:\d+|SqliteError|SELECT |INSERT /);
}

/** A request through `agent`, for the tests that care which connection a request travels on. */
function requestThrough(agent: http.Agent | false, url: string, method: string, headers: Record<string, string>, body?: string): Promise<Response> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, headers, agent }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const responseHeaders = new Headers();
        for (const [name, value] of Object.entries(response.headers)) if (typeof value === 'string') responseHeaders.set(name, value);
        resolve(new Response(Buffer.concat(chunks), { status: response.statusCode, headers: responseHeaders }));
      });
    });
    request.on('error', reject);
    request.end(body);
  });
}

describe('INV-8 a bad HTTP request gets a clear error', () => {
  const server = useSharedServer();

  function postLetters(session: Session, body: string, contentType: string): Promise<Response> {
    return fetch(`${server().httpUrl}/api/letters`, {
      method: 'POST',
      headers: { cookie: session.cookie, 'content-type': contentType },
      body,
    });
  }

  it('POST /api/letters with malformed JSON answers 400', async () => {
    const helena = await signIn(server(), 'Helena Virtanen');
    await expectError(await postLetters(helena, '{"title": "Unfinished', 'application/json'), 400, ErrorCode.badRequest);
  });

  it('POST /api/letters as text/plain answers 415', async () => {
    const helena = await signIn(server(), 'Helena Virtanen');
    const body = JSON.stringify({ title: 'Sent as a form would', signatoryOfficeIds: [] });
    await expectError(await postLetters(helena, body, 'text/plain'), 415, ErrorCode.unsupportedMediaType);
  });

  it('POST /api/letters with a body above the limit answers 413', async () => {
    const helena = await signIn(server(), 'Helena Virtanen');
    const body = JSON.stringify({ title: 'Too long', subject: 'x'.repeat(300 * 1024) });
    const headers = { cookie: helena.cookie, 'content-type': 'application/json' };
    // Its own connection: what happens to the connection afterwards is the next test's subject.
    const response = await requestThrough(false, `${server().httpUrl}/api/letters`, 'POST', headers, body);
    await expectError(response, 413, ErrorCode.payloadTooLarge);
  });

  it('after a 413, the next request on the same keep-alive connection is answered', async () => {
    const helena = await signIn(server(), 'Helena Virtanen');
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const url = `${server().httpUrl}/api/letters`;
      const body = JSON.stringify({ title: 'Too long', subject: 'x'.repeat(300 * 1024) });
      const refused = await requestThrough(agent, url, 'POST', { cookie: helena.cookie, 'content-type': 'application/json' }, body);
      expect(refused.status).toBe(413);
      // A connection the server means to close must say so (Connection: close); otherwise it must stay usable.
      const next = await requestThrough(agent, url, 'GET', { cookie: helena.cookie });
      expect(next.status).toBe(200);
    } finally {
      agent.destroy();
    }
  });

  it('POST /api/letters that fails validation answers 400 naming the field', async () => {
    const helena = await signIn(server(), 'Helena Virtanen');
    const response = await apiRequest(server(), helena, 'POST', '/api/letters', { title: '', signatoryOfficeIds: [] });
    await expectError(response.clone(), 400, ErrorCode.validationFailed);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/title/);
  });

  it('POST /api/letters with an unknown office answers 400', async () => {
    const helena = await signIn(server(), 'Helena Virtanen');
    const response = await apiRequest(server(), helena, 'POST', '/api/letters', { title: 'T', signatoryOfficeIds: ['xx-nowhere'] });
    await expectError(response, 400, ErrorCode.validationFailed);
  });

  it('GET /api/letters/not-a-uuid answers 404', async () => {
    const helena = await signIn(server(), 'Helena Virtanen');
    await expectError(await apiRequest(server(), helena, 'GET', '/api/letters/not-a-uuid'), 404, ErrorCode.notFound);
  });

  it('GET /api/letters/<unknown id> and a letter of which the user is no member both answer 404', async () => {
    const helena = await signIn(server(), 'Helena Virtanen');
    const mette = await signIn(server(), 'Mette Sørensen');
    const finnishOnly = await createLetter(server(), helena, ['fi-interior']);
    await expectError(await apiRequest(server(), helena, 'GET', `/api/letters/${randomUUID()}`), 404, ErrorCode.notFound);
    await expectError(await apiRequest(server(), mette, 'GET', `/api/letters/${finnishOnly}`), 404, ErrorCode.notFound);
  });

  it('GET /api/letters without a session answers 401', async () => {
    await expectError(await apiRequest(server(), null, 'GET', '/api/letters'), 401, ErrorCode.unauthenticated);
  });

  it('an unknown API path answers 404, signed in or not; a known one needs a session', async () => {
    const helena = await signIn(server(), 'Helena Virtanen');
    await expectError(await apiRequest(server(), helena, 'GET', '/api/no-such-endpoint'), 404, ErrorCode.notFound);
    await expectError(await apiRequest(server(), null, 'GET', '/api/no-such-endpoint'), 404, ErrorCode.notFound);
    await expectError(await apiRequest(server(), null, 'GET', '/api/letters'), 401, ErrorCode.unauthenticated);
  });

  it('a sign-in for an account that does not exist answers 401 like a wrong password', async () => {
    const response = await apiRequest(server(), null, 'POST', '/api/auth/login', { email: `${randomUUID()}@nowhere.example`, password: 'whatever it is' });
    await expectError(response, 401, ErrorCode.invalidCredentials);
  });
});
