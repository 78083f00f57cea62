import { serve } from '@hono/node-server';
import { WebSocketServer } from 'ws';
import { composeServices } from './compose.js';
import { loadConfig } from './config.js';
import { guardUpgrades } from './http/upgrade-guard.js';
import { createLogger } from './logger.js';
import { RedisLoginRateLimiter } from './scale/redis-login-rate-limiter.js';
import { RedisRelay } from './scale/redis-relay.js';
import { RedisNotificationBus } from './scale/redis-notification-bus.js';
import { deploymentOf, redisWriteLimiter } from './scale/redis-write-limiter.js';
import { openStore } from './store/open-store.js';
import { closingSockets } from './sync/closing-sockets.js';
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
// A person's notification may be stored on one instance while their page is open on another.
const notificationBus = config.redisUrl ? RedisNotificationBus.connect(config.redisUrl, logger) : null;
// Each person's write budget is shared by every instance; alone, the app counts in memory.
const sharedWrites =
  config.redisUrl && config.databaseUrl ? redisWriteLimiter(config.redisUrl, logger, config.writeRequestsPerMinute, deploymentOf(config.databaseUrl)) : null;
let isDemo = false;
if (config.seedDemo) {
  const password = demoPassword(config.dataDir, config.demoPassword);
  await seedDemoWorkspace(store, logger, password);
  // A workspace that was set up for real before is not a demo, whatever DEMO says.
  isDemo = await hasDemoAccounts(store);
  if (isDemo) printDemoAccounts(password);
}

let listeningOrigin = `http://localhost:${config.port}`;
const { app, registry, commits, workers, notify } = composeServices(store, logger, {
  ...config,
  listeningOrigin: () => listeningOrigin,
  isDemo,
  ...(relay ? { relay } : {}),
  ...(rateLimiter ? { rateLimiter } : {}),
  ...(notificationBus ? { notificationBus } : {}),
  ...(sharedWrites ? { writeLimiter: sharedWrites.limiter } : {}),
});
// Reminders, deadline notices and mail: jobs kept in the database, due ones claimed by one instance each.
notify.runner.start();
if (!config.notify.smtpUrl) logger.info('SMTP_URL is not set: Jointly sends no mail');

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
    listeningOrigin = `http://localhost:${info.port}`;
    logger.info({ port: info.port, database, fanOut: relay !== null, dataDir: config.dataDir, url: `http://localhost:${info.port}` }, 'Jointly is listening');
  },
);
guardUpgrades(server);

/** How long shutdown waits for clients to answer the close of their connections. */
const closingHandshakeMs = 2000;
let stopping = false;
let shutdownStep = 'storing the last updates of open letters';
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal, deadlineMs: config.shutdownDeadlineMs }, 'shutting down');
  // A store that does not answer (a held lock, an unreachable database) must not keep the process
  // for ever: what is still pending was never confirmed, and clients resend it when they reconnect.
  setTimeout(() => {
    const pending = commits.pending();
    logger.error(
      { step: shutdownStep, pendingUpdates: pending.updates, letterIds: pending.letterIds },
      `shutdown deadline passed while ${shutdownStep}: ${pending.updates} unconfirmed updates of ${pending.letterIds.length} letters not stored; exiting`,
    );
    process.exit(1);
  }, config.shutdownDeadlineMs);
  stopHeartbeat();
  shutdownStep = 'finishing the scheduled jobs under way';
  await notify.stop();
  shutdownStep = 'storing the last updates of open letters';
  await registry.closeAll();
  shutdownStep = 'closing the connections of open letters';
  await closingSockets(sockets, closingHandshakeMs);
  await workers.close();
  sockets.close();
  server.close();
  shutdownStep = 'closing the connection to Redis';
  await relay?.close();
  await rateLimiter?.close();
  await sharedWrites?.close();
  shutdownStep = 'closing the store';
  await store.close();
  process.exit(0);
}
function stopOn(signal: NodeJS.Signals): void {
  shutdown(signal).catch((error: unknown) => {
    logger.error({ err: error, step: shutdownStep }, `shutdown failed while ${shutdownStep}`);
    process.exit(1);
  });
}
process.on('SIGINT', stopOn);
process.on('SIGTERM', stopOn);
