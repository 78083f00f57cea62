import { serve } from '@hono/node-server';
import { WebSocketServer } from 'ws';
import { letterSchema } from '../shared/domain/letter-schema.js';
import { createApp } from './app.js';
import { InvitationService } from './auth/invitation-service.js';
import { LoginRateLimiter } from './auth/login-rate-limiter.js';
import { SessionService } from './auth/session-service.js';
import { loadConfig } from './config.js';
import { LetterAccess } from './letters/letter-access.js';
import { LetterService } from './letters/letter-service.js';
import { MemberService } from './letters/member-service.js';
import { createLogger } from './logger.js';
import { SqliteStore } from './store/sqlite/sqlite-store.js';
import { CommitQueue } from './sync/commit-queue.js';
import { startHeartbeat } from './sync/heartbeat.js';
import { RoomRegistry } from './sync/room-registry.js';
import { deriveSchemaRules } from './sync/schema-rules.js';
import { demoPassword } from './workspace/demo-password.js';
import { printDemoAccounts } from './workspace/print-demo-accounts.js';
import { seedDemoWorkspace } from './workspace/seed-demo-workspace.js';

// Composition root: configuration -> store -> services -> app -> listen.
const config = loadConfig();
const logger = createLogger(config.logLevel);
const store = SqliteStore.open(config.databaseFile);
if (config.seedDemo) {
  const password = demoPassword(config.dataDir, config.demoPassword);
  await seedDemoWorkspace(store, logger, password);
  printDemoAccounts(password);
}

const sessions = new SessionService(store, { idleMs: config.sessionIdleMs, absoluteMs: config.sessionAbsoluteMs });
const access = new LetterAccess(store);
const letters = new LetterService(store, access);
const members = new MemberService(store);
const commits = new CommitQueue(store, logger);
const registry = new RoomRegistry({
  store,
  commits,
  rules: deriveSchemaRules(letterSchema()),
  logger,
  graceMs: config.roomGraceMs,
  compactAfterUpdates: config.compactAfterUpdates,
});
// Signing out, a new password or a changed role take effect on open websockets at once.
sessions.onSessionsEnded((sessionIds) => registry.closeSessions(sessionIds));
members.onAccessChanged((letterId, userId, roles) => registry.accessChanged(letterId, userId, roles));
const sweep = setInterval(() => {
  registry
    .sweepSessions(async (sessionId, active) => (await sessions.resolve(sessionId, active)) !== null)
    .catch((error: unknown) => logger.error({ err: error }, 'session sweep failed'));
}, config.sessionSweepMs);
sweep.unref();

const app = createApp({
  store,
  sessions,
  rateLimiter: new LoginRateLimiter(),
  invitations: new InvitationService(store),
  access,
  letters,
  members,
  registry,
  logger,
  isDemo: config.seedDemo,
  maxBodyBytes: config.maxBodyBytes,
  allowedOrigins: config.allowedOrigins,
  staticDir: config.staticDir,
});

const sockets = new WebSocketServer({ noServer: true, maxPayload: config.maxMessageBytes });
const stopHeartbeat = startHeartbeat(sockets);
const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host, websocket: { server: sockets } }, (info) => {
  logger.info({ port: info.port, dataDir: config.dataDir, url: `http://localhost:${info.port}` }, 'Jointly is listening');
});

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  clearInterval(sweep);
  stopHeartbeat();
  await registry.closeAll();
  sockets.close();
  server.close();
  await store.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
