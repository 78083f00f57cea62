import fs from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { ErrorCode, type ErrorResponse } from '../shared/api/errors.js';
import { adminRoutes } from './auth/admin-routes.js';
import { authRoutes } from './auth/auth-routes.js';
import type { InvitationService } from './auth/invitation-service.js';
import { invitationRoutes } from './auth/invitation-routes.js';
import type { SignInLimiter } from './auth/login-rate-limiter.js';
import { sessionMiddleware } from './auth/session-middleware.js';
import type { SessionService } from './auth/session-service.js';
import type { AppEnv } from './http/app-env.js';
import { csrfGuard } from './http/csrf-guard.js';
import { createErrorHandler, notFoundHandler } from './http/error-handler.js';
import type { ExportService } from './export/export-service.js';
import { exportRoutes } from './export/export-routes.js';
import { importRoutes } from './import/import-routes.js';
import type { ImportService } from './import/import-service.js';
import type { LetterAccess } from './letters/letter-access.js';
import type { LetterService } from './letters/letter-service.js';
import { letterRoutes } from './letters/letter-routes.js';
import type { LetterDetailsService } from './letters/letter-details-service.js';
import { letterDetailsRoutes } from './letters/letter-details-routes.js';
import { letterLanguageRoutes } from './letters/letter-language-routes.js';
import { currentParagraphs } from '../shared/domain/current-paragraphs.js';
import { memberRoutes } from './letters/member-routes.js';
import type { LetterCourseService } from './signoff/letter-course-service.js';
import type { LetterStateService } from './signoff/letter-state-service.js';
import { signoffRoutes } from './signoff/signoff-routes.js';
import type { SignoffService } from './signoff/signoff-service.js';
import type { MemberService } from './letters/member-service.js';
import type { Logger } from './logger.js';
import type { Store } from './store/store.js';
import type { RoomRegistry } from './sync/room-registry.js';
import { auditRoutes } from './audit/audit-routes.js';
import { commentRoutes } from './comments/comment-routes.js';
import type { CommentService } from './comments/comment-service.js';
import type { ReservationService } from './comments/reservation-service.js';
import { historyRoutes } from './history/history-routes.js';
import type { HistoryService } from './history/history-service.js';
import type { VersionService } from './history/version-service.js';
import type { SyncBudgets } from './sync/sync-budgets.js';
import { syncRoutes } from './sync/sync-route.js';
import { AuditKind } from '../shared/api/audit.js';
import { auditRefusedActs, auditRefusedFrame, refusableSignoffRoutes } from './audit/audit-refused-acts.js';
import type { RefusalAudit } from './audit/refusal-audit.js';
import { directConnection, type ProxySettings } from './http/origin-policy.js';
import { requestOrigin } from './http/request-origin.js';
import { databaseState } from './http/database-state.js';
import { notificationRoutes, type NotificationRouteDeps } from './notifications/notification-routes.js';
import { writeBudget, type WriteLimiter } from './http/write-budget.js';

export interface AppDeps {
  store: Store;
  sessions: SessionService;
  rateLimiter: SignInLimiter;
  invitations: InvitationService;
  access: LetterAccess;
  letters: LetterService;
  members: MemberService;
  imports: ImportService;
  exports: ExportService;
  signoffs: SignoffService;
  course: LetterCourseService;
  state: LetterStateService;
  registry: RoomRegistry;
  /** What each websocket, person and address may cost the sync server. */
  syncBudgets: SyncBudgets;
  history: HistoryService;
  versions: VersionService;
  /** Comment threads and reservations; their routes are left out when absent. */
  comments?: CommentService;
  reservations?: ReservationService;
  /** A letter's title, subject, addressees and date after its creation. */
  details: LetterDetailsService;
  /** The workspace runs with demo accounts: the client shows a banner. */
  isDemo: boolean;
  logger: Logger;
  maxBodyBytes: number;
  /** Largest request to the import routes, which carry a whole file. */
  maxImportBytes: number;
  allowedOrigins: string[];
  /** PUBLIC_URL and TRUST_PROXY; a server reached directly when absent. */
  proxy?: ProxySettings;
  /** Records refused acts in the audit trail, throttled; none are recorded when absent. */
  refusals?: RefusalAudit;
  /** Counts each person's writes (WRITE_REQUESTS_PER_MINUTE); no budget when absent or null. */
  writeLimiter?: WriteLimiter | null;
  /** The bell, deadlines and reminders; absent, none of their routes exist. */
  notifications?: NotificationRouteDeps;
  /** The built client; when absent (tests of the API alone), only the API is served. */
  staticDir?: string;
}

/** Builds the HTTP and websocket surface from its dependencies. Importing this starts nothing. */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.onError(createErrorHandler(deps.logger));

  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Editor carets and Lit set style attributes; no script may run inline.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    }),
  );
  const requestLimit = limitBody(deps.maxBodyBytes, 'The request body is too large.');
  const importLimit = limitBody(deps.maxImportBytes, `The file is too large: at most ${formatMegabytes(deps.maxImportBytes)} can be imported.`);
  // Imports carry a whole file; every other request a small JSON body.
  app.use('/api/*', (c, next) => (c.req.path.startsWith('/api/imports') ? importLimit(c, next) : requestLimit(c, next)));
  app.use('*', requestOrigin(deps.proxy ?? directConnection));
  // Every API answer is someone's own view (names, e-mail addresses, letters): no cache may keep it.
  app.use('/api/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
  app.use('/api/*', csrfGuard(deps.allowedOrigins));
  app.use('/api/*', sessionMiddleware(deps.sessions));
  app.use('/sync/*', sessionMiddleware(deps.sessions));
  // Every write also costs the letter's other members (an audit event, a live message): one budget a person.
  if (deps.writeLimiter) app.use('/api/*', writeBudget(deps.writeLimiter, deps.logger));

  app.get('/api/health', async (c) => {
    const database = await databaseState(deps.store);
    // 503 while the database is away: a load balancer sends people to an instance that can save.
    return c.json({ status: database === 'ok' ? 'ok' : 'degraded', database, loadedLetters: deps.registry.loadedCount }, database === 'ok' ? 200 : 503);
  });
  app.route('/api', authRoutes({ store: deps.store, sessions: deps.sessions, rateLimiter: deps.rateLimiter, isDemo: deps.isDemo }));
  app.route('/api', invitationRoutes(deps.invitations, deps.sessions, deps.isDemo));
  app.route('/api/admin', adminRoutes(deps.store, deps.invitations));
  app.route('/api', letterRoutes(deps.letters, deps.store));
  app.route('/api', importRoutes(deps.imports));
  app.route('/api', exportRoutes(deps.access, deps.exports));
  app.route('/api', memberRoutes(deps.members, deps.access, deps.store, deps.invitations));
  if (deps.refusals) {
    const auditRefused = auditRefusedActs(deps.refusals, AuditKind.signoffRefused);
    for (const route of refusableSignoffRoutes) app.post(route, auditRefused);
  }
  app.route('/api', signoffRoutes({ access: deps.access, signoffs: deps.signoffs, course: deps.course, state: deps.state }));
  app.route(
    '/api',
    historyRoutes({
      access: deps.access,
      history: deps.history,
      versions: deps.versions,
      suggestions: { store: deps.store, access: deps.access, registry: deps.registry },
    }),
  );
  app.route(
    '/api',
    auditRoutes(deps.store, deps.access, (letterId) =>
      deps.registry.readText(letterId, (doc) => currentParagraphs(doc).map(({ id, number, text }) => ({ id, number, text }))),
    ),
  );
  app.route('/api', letterDetailsRoutes(deps.access, deps.details));
  app.route('/api', letterLanguageRoutes(deps.access, deps.store));
  if (deps.comments && deps.reservations) app.route('/api', commentRoutes({ access: deps.access, comments: deps.comments, reservations: deps.reservations }));
  if (deps.notifications) app.route('/api', notificationRoutes(deps.notifications));
  app.all('/api/*', notFoundHandler);
  app.route(
    '/',
    syncRoutes({
      registry: deps.registry,
      rolesOf: (user, letterId) => deps.access.rolesOf(user, letterId),
      renewSession: (sessionId, usedAt) => deps.sessions.renew(sessionId, usedAt),
      allowedOrigins: deps.allowedOrigins,
      logger: deps.logger,
      budgets: deps.syncBudgets,
      ...(deps.refusals ? { onRefused: auditRefusedFrame(deps.refusals) } : {}),
    }),
  );

  if (deps.staticDir) serveClient(app, deps.staticDir);
  return app;
}

/** Refuses larger bodies with 413 and `message`, before anything reads them. */
function limitBody(maxSize: number, message: string) {
  return bodyLimit({
    maxSize,
    onError: (c) => {
      // The unread rest of the body would corrupt the next request on a kept-alive connection.
      c.header('Connection', 'close');
      return c.json<ErrorResponse>({ error: { code: ErrorCode.payloadTooLarge, message } }, 413);
    },
  });
}

function formatMegabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

/** The built client; any other path is a page of the single-page app and gets index.html. */
function serveClient(app: Hono<AppEnv>, staticDir: string): void {
  const root = path.relative(process.cwd(), staticDir) || '.';
  const indexFile = path.join(staticDir, 'index.html');
  app.use('/*', serveStatic({ root }));
  app.get('*', (c) => {
    if (!fs.existsSync(indexFile)) return c.text('The client is not built. Run `npm run build`, or `npm start`.', 503);
    return c.html(fs.readFileSync(indexFile, 'utf8'));
  });
}
