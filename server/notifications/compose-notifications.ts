import type { NotifyConfig } from '../config.js';
import type { LetterAccess } from '../letters/letter-access.js';
import type { MemberService } from '../letters/member-service.js';
import type { Logger } from '../logger.js';
import type { LetterCourseService } from '../signoff/letter-course-service.js';
import type { LetterStateService } from '../signoff/letter-state-service.js';
import { JobKind } from '../store/notification-store.js';
import type { Store } from '../store/store.js';
import type { CommitQueue } from '../sync/commit-queue.js';
import type { RoomRegistry } from '../sync/room-registry.js';
import { DeadlineService } from './deadline-service.js';
import { InvitationMail } from './invitation-mail.js';
import { JobRunner } from './job-runner.js';
import { LetterNotices } from './letter-notices.js';
import { LetterProgress } from './letter-progress.js';
import { MailJobs } from './mail-jobs.js';
import { SuggestionNotices } from './suggestion-notices.js';
import { createSmtpMailer, type Mailer, noMailer } from './mailer.js';
import { LocalNotificationBus, type NotificationBus } from './notification-bus.js';
import type { NotificationRouteDeps } from './notification-routes.js';
import { NotificationService } from './notification-service.js';

export interface NotificationDeps {
  store: Store;
  logger: Logger;
  access: LetterAccess;
  registry: RoomRegistry;
  state: LetterStateService;
  course: LetterCourseService;
  members: MemberService;
  commits: CommitQueue;
  /** Hears of ended sessions: their notification streams close. */
  onSessionsEnded?: (listener: (sessionIds: string[]) => void) => void;
  config: NotifyConfig;
  /** Where people open Jointly: links in mail start with it. */
  origin: () => string;
  /** The SMTP server of SMTP_URL when absent (none without it). */
  mailer?: Mailer;
  /** Across instances (Redis) when given; this process alone otherwise. */
  bus?: NotificationBus;
}

/**
 * Builds the notifications feature and hooks it to what it listens to: status moves, new members,
 * stored text (stale approvals, new suggestions). Its job runner starts only when asked (the server does; route tests
 * run jobs by hand).
 */
export function composeNotifications(deps: NotificationDeps) {
  const { store, logger, config } = deps;
  const mailer = deps.mailer ?? (config.smtpUrl ? createSmtpMailer(config.smtpUrl, config.mailFrom) : noMailer);
  const bus = deps.bus ?? new LocalNotificationBus();
  const notifications = new NotificationService(store, mailer, bus, { digestHourUtc: config.digestHourUtc }, logger);
  const progress = new LetterProgress(store, deps.registry, deps.state);
  const notices = new LetterNotices(store, notifications, progress);
  const deadlines = new DeadlineService(store, deps.access, progress, notifications, {
    reminderIntervalMs: config.reminderIntervalMs,
    deadlineNoticeMs: config.deadlineNoticeMs,
  });
  const mailJobs = new MailJobs(store, mailer, deps.origin, logger);
  // The runner exists only below; the mail of an invitation wakes it once stored.
  let wakeRunner = () => {};
  const invitationMail = new InvitationMail(store, mailer, deps.origin, logger, () => wakeRunner());
  const runner = new JobRunner(
    store,
    {
      [JobKind.mail]: (job) => mailJobs.sendOne(job),
      [JobKind.digest]: (job) => mailJobs.sendDigest(job),
      [JobKind.deadlineSoon]: (job, now) => deadlines.handleJob(job, now),
      [JobKind.deadlinePassed]: (job, now) => deadlines.handleJob(job, now),
      [JobKind.invitationMail]: (job) => invitationMail.send(job),
    },
    { pollMs: config.pollMs, claimMs: config.claimMs, retryBaseMs: config.retryBaseMs, maxAttempts: config.maxAttempts },
    logger,
    (batch) => notifications.announce(batch.notifications),
  );
  notifications.setWakeRunner(() => runner.wake());
  wakeRunner = () => runner.wake();

  deps.course.onStatusMoved((move) => notifications.inBackground('a status move', () => notices.statusMoved(move)));
  deps.members.onAccessChanged((letterId, userId, roles) => {
    if (roles.length > 0) notifications.inBackground('a new member', () => notices.memberAdded(letterId, userId));
  });
  deps.commits.onStored((letterId) => notices.textChanged(letterId));
  // A new suggestion on a paragraph an office approved reaches that office's approvers (rule N8).
  const suggestionNotices = new SuggestionNotices((activity) =>
    notifications.inBackground('a new suggestion', () => notices.notifyParagraphActivity(activity)),
  );
  deps.commits.onStored((letterId, revisions) => suggestionNotices.stored(letterId, revisions));

  const routes: NotificationRouteDeps = {
    store,
    access: deps.access,
    notifications,
    deadlines,
    bus,
    maxStreamsPerPerson: config.maxStreamsPerPerson,
    ...(deps.onSessionsEnded ? { onSessionsEnded: deps.onSessionsEnded } : {}),
  };
  return {
    notifications,
    /** The seam for the comments feature: `notices.notifyMention(...)` (see letter-notices.ts). */
    notices,
    deadlines,
    /** The seam for invitations: mails each new link when SMTP is configured. */
    invitationMail,
    runner,
    routes,
    async stop(): Promise<void> {
      notices.stop();
      await runner.stop();
      mailer.close();
      await bus.close();
    },
  };
}
