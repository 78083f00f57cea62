import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import type { SessionUser } from '../../shared/api/session.js';
import { Role } from '../../shared/domain/roles.js';
import { CloseCode } from '../../shared/protocol/close-codes.js';
import type { AppEnv } from '../http/app-env.js';
import { createLogger } from '../logger.js';
import type { Room } from './room.js';
import type { RoomRegistry } from './room-registry.js';
import { syncRoutes } from './sync-route.js';

const user = { id: '6f1f0f7e-0d6b-4b8f-9a51-2f4d5c1b7a10', name: 'Drafter' } as SessionUser;
const letterId = '0b7e1c1e-7d3a-4a59-9a34-2f0f1b9f3b11';
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The sync route on a real socket, with a letter that takes for ever to open (a stalled store). */
async function serveStalledLetter(): Promise<number> {
  const registry = { join: () => new Promise<Room>(() => {}) } as unknown as RoomRegistry;
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set('user', user);
    c.set('sessionId', 'session');
    await next();
  });
  app.route('/', syncRoutes({ registry, rolesOf: async () => [Role.drafter], allowedOrigins: [], logger: createLogger('silent') }));
  const sockets = new WebSocketServer({ noServer: true });
  const server: ServerType = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1', websocket: { server: sockets } });
  await once(server, 'listening');
  cleanups.push(async () => {
    for (const client of sockets.clients) client.terminate();
    sockets.close();
    await new Promise((resolve) => server.close(resolve));
  });
  return (server.address() as AddressInfo).port;
}

describe('frames sent before the letter has opened', () => {
  it('are kept up to a limit; past it the connection is refused with 4422', async () => {
    const port = await serveStalledLetter();
    const client = new WebSocket(`ws://127.0.0.1:${port}/sync/${letterId}`);
    cleanups.push(async () => client.terminate());
    await once(client, 'open');
    const closed = once(client, 'close') as Promise<[number, Buffer]>;
    // Far more than a y-websocket client sends while a letter opens (a handful).
    for (let i = 0; i < 2000; i++) client.send(new Uint8Array([1, 1, i % 128]));

    const [code, reason] = await closed;
    expect(code).toBe(CloseCode.updateRefused);
    expect(reason.toString()).toBe('too many messages before the letter opened');
  });
});
