import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import type { SessionUser } from '../../shared/api/session.js';
import { CloseCode } from '../../shared/protocol/close-codes.js';
import { Connection, maxCloseReasonBytes } from './connection.js';

const user = { id: 'u1', name: 'Ülle Õunapuu' } as SessionUser;
const servers: WebSocketServer[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) {
    for (const client of server.clients) client.terminate();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A real websocket pair: the server side wrapped as the sync code wraps it, the client side as a browser would see it. */
async function openPair(): Promise<{ connection: Connection; client: WebSocket }> {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  servers.push(server);
  await once(server, 'listening');
  const accepted = once(server, 'connection') as Promise<[WebSocket]>;
  const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
  const [raw] = await accepted;
  await once(client, 'open');
  const connection = new Connection(
    {
      send: (data) => raw.send(data),
      close: (code, reason) => raw.close(code, reason),
      get isOpen() {
        return raw.readyState === raw.OPEN;
      },
    },
    user,
    'session',
    true,
  );
  return { connection, client };
}

describe('closing a connection', () => {
  it('cuts a long reason of non-ASCII text to 123 bytes of UTF-8 and closes the socket', async () => {
    const { connection, client } = await openPair();
    const closed = once(client, 'close') as Promise<[number, Buffer]>;
    // 100 UTF-16 units, 200 bytes: a name a client sent, repeated into the reason.
    connection.close(CloseCode.updateRefused, `unknown attribute ${'ä'.repeat(100)}`);
    const [code, reason] = await closed;
    expect(code).toBe(CloseCode.updateRefused);
    expect(reason.byteLength).toBeLessThanOrEqual(maxCloseReasonBytes);
    expect(reason.toString('utf8')).toMatch(/^unknown attribute ä+$/);
    expect(connection.isClosed).toBe(true);
  });

  it('never cuts a character in half', async () => {
    const { connection, client } = await openPair();
    const closed = once(client, 'close') as Promise<[number, Buffer]>;
    connection.close(CloseCode.forbidden, `x${'😀'.repeat(40)}`);
    const [, reason] = await closed;
    // 1 + 30 × 4 bytes fit; a 31st emoji would make 125.
    expect(reason.toString('utf8')).toBe(`x${'😀'.repeat(30)}`);
  });
});
