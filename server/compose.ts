import { ErrorCode } from '../shared/api/errors.js';
import { letterSchema } from '../shared/domain/letter-schema.js';
import { Role } from '../shared/domain/roles.js';
import { createApp } from './app.js';
import { InvitationService } from './auth/invitation-service.js';
import { LoginRateLimiter, type RateLimits, type SignInLimiter } from './auth/login-rate-limiter.js';
import { SessionService } from './auth/session-service.js';
import { defaultMaxImportBytes, loadConfig, type Config } from './config.js';
import { ExportService, type ExportedEvent } from './export/export-service.js';
import { WorkerPool, type WorkerRefusalCodes } from './export/worker-pool.js';
import { ImportService } from './import/import-service.js';
import { LetterAccess } from './letters/letter-access.js';
import { LetterService } from './letters/letter-service.js';
import { LetterDetailsService } from './letters/letter-details-service.js';
import { MemberService } from './letters/member-service.js';
import type { Logger } from './logger.js';
import type { Store } from './store/store.js';
import { LetterCourseService } from './signoff/letter-course-service.js';
import { LetterStateService } from './signoff/letter-state-service.js';
import { SignoffService } from './signoff/signoff-service.js';
import { CommitQueue } from './sync/commit-queue.js';
import type { LetterRelay } from './sync/letter-relay.js';
import { RoomRegistry } from './sync/room-registry.js';
import type { Room } from './sync/room.js';
import { compaction } from './sync/compaction.js';
import { updateAdmission } from './sync/update-admission.js';
import { roomPresence } from './sync/room-presence.js';
import { RoomLetterState } from './sync/room-letter-state.js';
import type { MergeStoredText } from './sync/text-compaction.js';
import { relayPublishing } from './scale/relay-publishing.js';
import { revisionRecording } from './history/revision-recording.js';
import { coalesceRevisionWrites } from './history/coalesce-revision-writes.js';
import { SyncBudgets } from './sync/sync-budgets.js';
import { HistoryService } from './history/history-service.js';
import { VersionService } from './history/version-service.js';
import { AuditKind } from '../shared/api/audit.js';
import { actorOf, auditDraft } from './audit/audit-draft.js';
import { RefusalAudit } from './audit/refusal-audit.js';
import { deriveSchemaRules } from './sync/schema-rules.js';
import { CommentService } from './comments/comment-service.js';
import { MentionEvents } from './comments/mention-events.js';
import { CommentEvents } from './comments/comment-events.js';
import { ReservationService } from './comments/reservation-service.js';
import { defaultCommentLimits } from '../shared/domain/comment-limits.js';
import { memoryWriteLimiter, type WriteLimiter } from './http/write-budget.js';
import { composeNotifications } from './notifications/compose-notifications.js';
import type { Mailer } from './notifications/mailer.js';
import type { NotificationBus } from './notifications/notification-bus.js';

export type ServiceOptions = Pick<
  Config,
  'sessionIdleMs' | 'sessionAbsoluteMs' | 'roomGraceMs' | 'compactAfterUpdates' | 'historyPauseMs' | 'maxBodyBytes' | 'allowedOrigins'
> &
  Partial<Pick<Config, 'publicOrigin' | 'trustProxy' | 'roomIdleMs'>> & {
  /** The workspace holds the demo accounts: the client shows a banner. */
  isDemo: boolean;
  staticDir?: string;
  rateLimits?: RateLimits;
  /** Failed sign-ins counted across instances (scale-out); otherwise counted in this process. */
  rateLimiter?: SignInLimiter;
  /** The other instances (scale-out); absent when this server runs alone. */
  relay?: LetterRelay;
  /** What each websocket may cost; the configured defaults when absent. */
  syncBudget?: Config['syncBudget'];
  /** How large one letter may grow; the shared defaults when absent. */
  letterLimits?: Config['letterLimits'];
  /** How many open suggestions a paragraph and a letter may hold; the shared defaults when absent. */
  suggestionLimits?: Config['suggestionLimits'];
  /** What exports and imports may cost; the configured defaults when absent. */
  workerLimits?: Config['workerLimits'];
  /** Largest import file; the configured default when absent. */
  maxImportBytes?: number;
  /** Budgets of comments and reservations; the shared defaults when absent. */
  commentLimits?: Config['commentLimits'];
  /** Told of every export; tests listen here. */
  onExported?: (event: ExportedEvent) => void | Promise<void>;
  /** Notifications, mail and scheduled jobs; the configured defaults when absent. */
  notify?: Config['notify'];
  /** The mail server (tests pass their own); SMTP_URL's when absent. */
  mailer?: Mailer;
  /** Tells other instances of notification changes (scale-out); this process alone when absent. */
  notificationBus?: NotificationBus;
  /** Each person's writes counted across instances (scale-out); otherwise counted in this process. */
  writeLimiter?: WriteLimiter | null;
  /** WRITE_REQUESTS_PER_MINUTE; the configured default when absent. */
  writeRequestsPerMinute?: number;
  /** Where this server can be reached, once listening: the start of links in mail when PUBLIC_URL is not set. */
  listeningOrigin?: () => string;
};

/**
 * Compactions share the export pool's threads, counted as one owner: at most the per-person limit
 * of them run at once. A refused one is simply tried again after a later commit; its codes reach nobody.
 */
const compactionOwner = 'server:compaction';
const compactionWorker = new URL('./sync/compaction-worker.ts', import.meta.url);
const compactionRefusals: WorkerRefusalCodes = { busy: ErrorCode.internal, overLimit: ErrorCode.internal };

/** Builds the services and the app on a store, wired the same way for the server and for tests. */
export function composeServices(store: Store, logger: Logger, options: ServiceOptions) {
  const sessions = new SessionService(store, { idleMs: options.sessionIdleMs, absoluteMs: options.sessionAbsoluteMs });
  const access = new LetterAccess(store);
  const letters = new LetterService(store, access);
  const refusals = new RefusalAudit(store, logger);
  const members = new MemberService(store, refusals);
  const commits = new CommitQueue(store, logger, coalesceRevisionWrites);
  const state = new LetterStateService(store);
  const mentions = new MentionEvents(logger);
  const commentEvents = new CommentEvents(logger);
  // The comment service needs the registry, and the registry sends its threads to each joining connection.
  let comments: CommentService | null = null;
  const workers = new WorkerPool(options.workerLimits ?? loadConfig({}).workerLimits);
  const { relay } = options;
  const rules = deriveSchemaRules(letterSchema());
  const mergeText: MergeStoredText = (parts) => workers.run(compactionOwner, compactionWorker, async () => parts, compactionRefusals);
  const registry = new RoomRegistry({
    store,
    commits,
    rules,
    logger,
    graceMs: options.roomGraceMs,
    // An idle room drops its document only after the history pause, so that revisions come out the same.
    ...(options.roomIdleMs ? { idleMs: Math.max(options.roomIdleMs, options.historyPauseMs) } : {}),
    ...(options.letterLimits ? { letterLimits: options.letterLimits } : {}),
    ...(options.suggestionLimits ? { suggestionLimits: options.suggestionLimits } : {}),
    ...(relay ? { relay } : {}),
    // Each room's concerns beyond its core, in the order they hear of a change.
    extensions: [
      // The letter's status is read first as the room loads: no stored text of a read-only letter is
      // repaired once its document is built. Its rights (101) reach a joiner before sync step 1, its
      // letter state (102) and threads (105) after it, once their store reads are done.
      (room) =>
        new RoomLetterState(room, {
          letterStatus: async (letterId) => (await store.letters.getLetter(letterId))?.status,
          letterState: (letterId) => state.full(letterId),
          letterComments: (letterId) => comments!.full(letterId),
          logger,
        }),
      // Presence: admission and the relay reach it by its key (roomPresenceKey).
      roomPresence,
      // Nothing that hears of an update from a connection hears of it before it is admitted.
      (room) =>
        updateAdmission(room, {
          rules,
          ...(options.letterLimits ? { letterLimits: options.letterLimits } : {}),
          ...(options.suggestionLimits ? { suggestionLimits: options.suggestionLimits } : {}),
          // Other instances commit to the same store: text may be stored before this room hears of it.
          storeMayBeAhead: relay !== undefined,
        }),
      (room) => revisionRecording(room, store, options.historyPauseMs),
      (room) => compaction(room, { store, logger, compactAfterUpdates: options.compactAfterUpdates, mergeText }),
      ...(relay ? [(room: Room) => relayPublishing(room, relay)] : []),
    ],
  });
  // Signing out, a new password or a changed role take effect on open websockets at once.
  sessions.onSessionsEnded((sessionIds) => registry.closeSessions(sessionIds));
  members.onAccessChanged((letterId, userId, roles) => {
    // An administrator removed from a letter still reads it, as every administrator does.
    store.accounts
      .getUser(userId)
      .then((user) => registry.accessChanged(letterId, userId, roles.length === 0 && user?.isAdmin ? [Role.observer] : roles))
      // The change is stored; only telling open connections failed. It must not end the process.
      .catch((error: unknown) => logger.error({ err: error, letterId, userId }, 'could not apply a role change to open connections'));
  });

  const signoffs = new SignoffService(store, access, registry, state);
  const commentLimits = options.commentLimits ?? defaultCommentLimits;
  comments = new CommentService(store, access, registry, mentions, commentLimits, commentEvents);
  const reservations = new ReservationService(store, access, registry, state, commentLimits);
  const versions = new VersionService(store, access, registry);
  const course = new LetterCourseService(store, access, registry, state, versions);
  const history = new HistoryService(store, access, registry, state);
  const details = new LetterDetailsService(store, access, registry, state);
  const imports = new ImportService(store, letters, workers);
  const exports = new ExportService({
    workers,
    store,
    state,
    registry,
    // An export is handed out only once the audit trail holds it.
    onExported: async (event) => {
      const detail = { format: event.format, ...(event.versionId ? { versionId: event.versionId } : {}) };
      await store.audit.append([auditDraft(AuditKind.letterExported, actorOf(event.user), event.letterId, detail)]);
      await options.onExported?.(event);
    },
    readSavedVersion: (letterId, versionId) => versions.readForExport(letterId, versionId),
  });

  const notify = composeNotifications({
    store,
    logger,
    access,
    registry,
    state,
    course,
    members,
    commits,
    onSessionsEnded: (listener) => sessions.onSessionsEnded(listener),
    config: options.notify ?? loadConfig({}).notify,
    origin: () => options.publicOrigin ?? options.listeningOrigin?.() ?? 'http://localhost:8787',
    ...(options.mailer ? { mailer: options.mailer } : {}),
    ...(options.notificationBus ? { bus: options.notificationBus } : {}),
  });
  // A mention in a stored comment reaches the people and offices it names, in the app or by mail.
  mentions.onMentioned(async (event) => {
    const author = await store.accounts.getUser(event.byUserId);
    if (!author) return;
    await notify.notices.notifyMention({
      letterId: event.letterId,
      by: { id: author.id, name: author.name },
      userIds: event.userIds,
      officeIds: event.officeIds,
      mentionId: event.commentId,
    });
  });
  // A new comment on a paragraph an office approved reaches that office's approvers (rule N7).
  commentEvents.onCommentAdded(async (event) => {
    const author = await store.accounts.getUser(event.byUserId);
    if (!author) return;
    await notify.notices.notifyParagraphActivity({
      what: 'comment',
      letterId: event.letterId,
      paragraphId: event.paragraphId,
      by: { id: author.id, name: author.name },
      mentionedUserIds: event.mentionedUserIds,
      mentionedOfficeIds: event.mentionedOfficeIds,
      activityId: event.commentId,
    });
  });

  const app = createApp({
    signoffs,
    course,
    state,
    store,
    sessions,
    rateLimiter: options.rateLimiter ?? new LoginRateLimiter(options.rateLimits),
    invitations: new InvitationService(store, (invitation) => notify.invitationMail.enqueue(invitation)),
    access,
    letters,
    members,
    imports,
    exports,
    registry,
    syncBudgets: new SyncBudgets(options.syncBudget ?? loadConfig({}).syncBudget),
    history,
    versions,
    comments,
    reservations,
    details,
    logger,
    isDemo: options.isDemo,
    maxBodyBytes: options.maxBodyBytes,
    maxImportBytes: options.maxImportBytes ?? defaultMaxImportBytes,
    allowedOrigins: options.allowedOrigins,
    proxy: { publicOrigin: options.publicOrigin ?? null, trustProxy: options.trustProxy ?? false },
    refusals,
    writeLimiter: options.writeLimiter !== undefined ? options.writeLimiter : memoryWriteLimiter(options.writeRequestsPerMinute ?? loadConfig({}).writeRequestsPerMinute),
    notifications: notify.routes,
    ...(options.staticDir ? { staticDir: options.staticDir } : {}),
  });
  return { app, sessions, registry, commits, workers, mentions, commentEvents, notify };
}
