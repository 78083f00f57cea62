import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import type { SessionUser } from '../../shared/api/session.js';
import { Role } from '../../shared/domain/roles.js';
import { CloseCode } from '../../shared/protocol/close-codes.js';
import { MessageType } from '../../shared/protocol/message-types.js';
import { loadConfig } from '../config.js';
import type { AppEnv } from '../http/app-env.js';
import { createLogger } from '../logger.js';
import type { RoomRegistry } from './room-registry.js';
import { SyncBudgets } from './sync-budgets.js';
import { syncRoutes } from './sync-route.js';

const person: SessionUser = {
  id: '0c8f5a52-3f4e-4a57-8f5e-5d7e1c2b9a01',
  name: 'Drafter',
  email: 'drafter@example.org',
  isAdmin: false,
  isOfficeAdmin: false,
  office: {
    id: 'ee-interior',
    name: 'Siseministeerium',
    nameEn: 'Ministry of the Interior',
    country: 'Estonia',
    ministerName: 'Minister',
    ministerTitle: 'Minister of the Interior',
    color: '#1b6f3c',
  },
};
const letterId = '8d0f6f0e-6a3b-4f7c-9a52-1c3b5d7e9f10';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The sync route alone on port 0, signed in as `person`, with a letter that never finishes loading. */
async function startRouteWithLetterLoading(): Promise<number> {
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    c.set('user', person);
    c.set('sessionId', 'session-1');
    c.set('ownOrigin', new URL(c.req.url).origin);
    await next();
  });
  const loading = { join: () => new Promise(() => {}) } as unknown as RoomRegistry;
  const budgets = new SyncBudgets(loadConfig({}).syncBudget);
  // The session lasts an hour: only the budgets are under test here.
  const renewSession = () => Promise.resolve(Date.now() + 3_600_000);
  app.route('/', syncRoutes({ registry: loading, rolesOf: () => Promise.resolve([Role.drafter]), allowedOrigins: [], logger: createLogger('silent'), budgets, renewSession }));
  const sockets = new WebSocketServer({ noServer: true });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1', websocket: { server: sockets } });
  cleanups.push(async () => {
    for (const socket of sockets.clients) socket.terminate();
    server.close();
    await once(server, 'close');
  });
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}

describe('INV-13 frames that arrive while a letter loads', () => {
  it('are kept up to the limit (256 by default); one more closes the connection with 1013', async () => {
    const port = await startRouteWithLetterLoading();
    const client = new WebSocket(`ws://127.0.0.1:${port}/sync/${letterId}`, { origin: `http://127.0.0.1:${port}` });
    cleanups.push(async () => client.terminate());
    await once(client, 'open');
    const closed = once(client, 'close') as Promise<[number, Buffer]>;

    // Requests for everyone's presence: small frames, each kept while the letter loads.
    for (let i = 0; i < 1000; i++) client.send(new Uint8Array([MessageType.queryAwareness]));

    const [code, reason] = await closed;
    expect({ code, reason: reason.toString() }).toEqual({ code: CloseCode.tryAgainLater, reason: 'too many frames while the letter loads' });
  });
});
