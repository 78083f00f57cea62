import { serve } from '@hono/node-server';
import { WebSocketServer } from 'ws';
import { composeServices } from './compose.js';
import { loadConfig } from './config.js';
import { guardUpgrades } from './http/upgrade-guard.js';
import { createLogger } from './logger.js';
import { RedisLoginRateLimiter } from './scale/redis-login-rate-limiter.js';
import { RedisRelay } from './scale/redis-relay.js';
import { openStore } from './store/open-store.js';
import { startHeartbeat } from './sync/heartbeat.js';
import { demoPassword } from './workspace/demo-password.js';
import { printDemoAccounts } from './workspace/print-demo-accounts.js';
import { hasDemoAccounts, seedDemoWorkspace } from './workspace/seed-demo-workspace.js';

// Composition root: configuration -> store -> services -> app -> listen.
const config = loadConfig();
const logger = createLogger(config.logLevel);
const store = await openStore(config, logger);
// Several instances on one database pass edits, presence and letter state to each other through Redis.
const relay = config.redisUrl ? await RedisRelay.connect(config.redisUrl, logger) : null;
const rateLimiter = config.redisUrl ? RedisLoginRateLimiter.connect(config.redisUrl, logger) : null;
let isDemo = false;
if (config.seedDemo) {
  const password = demoPassword(config.dataDir, config.demoPassword);
  await seedDemoWorkspace(store, logger, password);
  // A workspace that was set up for real before is not a demo, whatever DEMO says.
  isDemo = await hasDemoAccounts(store);
  if (isDemo) printDemoAccounts(password);
}

const { app, registry } = composeServices(store, logger, {
  ...config,
  isDemo,
  ...(relay ? { relay } : {}),
  ...(rateLimiter ? { rateLimiter } : {}),
});

const sockets = new WebSocketServer({ noServer: true, maxPayload: config.maxMessageBytes });
const stopHeartbeat = startHeartbeat(sockets);
const { headersMs, requestMs, keepAliveMs } = config.httpTimeouts;
const serverOptions = {
  // Set explicitly: a client trickling its headers (or its body) holds a socket only this long.
  headersTimeout: headersMs,
  requestTimeout: requestMs,
  keepAliveTimeout: keepAliveMs,
  // Node checks those timeouts only this often (30 s by default), which would stretch them.
  connectionsCheckingInterval: Math.min(1000, headersMs / 2),
};
const server = serve(
  { fetch: app.fetch, port: config.port, hostname: config.host, websocket: { server: sockets }, serverOptions },
  (info) => {
    const database = config.databaseUrl ? 'postgresql' : 'sqlite';
    logger.info({ port: info.port, database, fanOut: relay !== null, dataDir: config.dataDir, url: `http://localhost:${info.port}` }, 'Jointly is listening');
  },
);
guardUpgrades(server);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  stopHeartbeat();
  await registry.closeAll();
  sockets.close();
  server.close();
  await relay?.close();
  await rateLimiter?.close();
  await store.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
