import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../shared/api/errors.js';
import { startServer, type ServerProcess } from './harness/server-process.js';
import { apiRequest, listOfficeIds, signIn } from './harness/sign-in.js';
import { stallStore } from './harness/stalled-store.js';

async function health(server: ServerProcess): Promise<{ status: number; database: string }> {
  const response = await fetch(`${server.httpUrl}/api/health`);
  return { status: response.status, database: ((await response.json()) as { database: string }).database };
}

describe('BUSY requests while another program holds the SQLite write lock', () => {
  it('BUSY-2 a request that must write answers 503 store_unavailable with Retry-After after its wait; health answers meanwhile and reports the lock', async () => {
    const server = await startServer({ env: { STORE_BUSY_WAIT_SECONDS: '3' } });
    const helena = await signIn(server, 'Helena Virtanen');
    const offices = await listOfficeIds(server, helena);
    expect(await health(server)).toEqual({ status: 200, database: 'ok' });

    const stall = stallStore(server);
    const order: string[] = [];
    const creating = apiRequest(server, helena, 'POST', '/api/letters', {
      title: 'Written while the database is locked',
      subject: 'Nothing of it may be stored',
      addressees: [],
      signatoryOfficeIds: offices,
    }).then((response) => {
      order.push('create answered');
      return response;
    });
    // While the request waits for the lock, the server still answers, and says why it cannot write.
    await expect.poll(() => health(server).then(({ database }) => database), { timeout: 10_000 }).toBe('locked');
    order.push('health answered');
    const refused = await creating;
    expect(order).toEqual(['health answered', 'create answered']);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).not.toBeNull();
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(ErrorCode.storeUnavailable);

    stall.release();
    expect(await health(server)).toEqual({ status: 200, database: 'ok' });
    const { letters } = (await (await apiRequest(server, helena, 'GET', '/api/letters')).json()) as { letters: { title: string }[] };
    expect(letters.map((letter) => letter.title)).not.toContain('Written while the database is locked');
  });
});
