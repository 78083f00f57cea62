import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { ErrorCode, type ErrorResponse } from '../../shared/api/errors.js';
import {
  deadlinesRequestSchema,
  type DeadlineSummary,
  type LetterDeadlines,
  type MailStatus,
  markReadRequestSchema,
  type NotificationList,
  type Preferences,
  preferencesRequestSchema,
  reminderRequestSchema,
  type ReminderResponse,
} from '../../shared/api/notifications.js';
import { Permission } from '../../shared/domain/permissions.js';
import { requireAdmin, requireUser } from '../auth/session-middleware.js';
import { readJsonBody } from '../http/read-json-body.js';
import { letterPermission, type LetterAccess, type LetterEnv } from '../letters/letter-access.js';
import { JobKind } from '../store/notification-store.js';
import type { Store } from '../store/store.js';
import type { DeadlineService } from './deadline-service.js';
import type { NotificationBus } from './notification-bus.js';
import type { NotificationService } from './notification-service.js';

export interface NotificationRouteDeps {
  store: Store;
  access: LetterAccess;
  notifications: NotificationService;
  deadlines: DeadlineService;
  bus: NotificationBus;
  /** Open notification streams one person may hold (pages and tabs); one more is refused with 429. */
  maxStreamsPerPerson: number;
  /** Milliseconds between keep-alive comments on an idle stream. */
  heartbeatMs?: number;
  /** Hears of sessions ended here (sign-out, new password): their streams close at once. */
  onSessionsEnded?: (listener: (sessionIds: string[]) => void) => void;
}

/** The bell (list, read, settings, live stream), deadlines and reminders, and mail status for the administrator. */
export function notificationRoutes(deps: NotificationRouteDeps): Hono<LetterEnv> {
  const routes = new Hono<LetterEnv>();
  const reader = letterPermission(deps.access, Permission.readLetter);
  const coordinator = letterPermission(deps.access, Permission.manageLetter);
  const streams = new Map<string, number>();
  const closers = new Map<string, Set<() => void>>();
  deps.onSessionsEnded?.((sessionIds) => {
    for (const id of sessionIds) for (const close of closers.get(id) ?? []) close();
  });

  routes.get('/notifications', requireUser, async (c) => c.json<NotificationList>(await deps.notifications.list(c.get('user')!)));

  routes.post('/notifications/read', requireUser, async (c) => {
    const request = await readJsonBody(c, markReadRequestSchema);
    await deps.notifications.markRead(c.get('user')!, request);
    return c.json<NotificationList>(await deps.notifications.list(c.get('user')!));
  });

  routes.get('/notifications/preferences', requireUser, async (c) => c.json<Preferences>(await deps.notifications.preferences(c.get('user')!)));

  routes.put('/notifications/preferences', requireUser, async (c) => {
    const request = await readJsonBody(c, preferencesRequestSchema);
    return c.json<Preferences>(await deps.notifications.setPreferences(c.get('user')!, request));
  });

  // Server-sent events: `notifications` with the unread count, at once and after every change.
  routes.get('/notifications/stream', requireUser, (c) => {
    const userId = c.get('user')!.id;
    const open = streams.get(userId) ?? 0;
    if (open >= deps.maxStreamsPerPerson) {
      return c.json<ErrorResponse>({ error: { code: ErrorCode.tooManyAttempts, message: 'Too many pages are open for notifications. Close some and reload.' } }, 429);
    }
    streams.set(userId, open + 1);
    return streamSSE(c, async (stream) => {
      let wake: () => void = () => {};
      let changed = true;
      const unsubscribe = deps.bus.subscribe((userIds) => {
        if (!userIds.includes(userId)) return;
        changed = true;
        wake();
      });
      let closed = false;
      const close = () => {
        closed = true;
        wake();
      };
      stream.onAbort(close);
      const sessionId = c.get('sessionId') ?? '';
      closers.set(sessionId, (closers.get(sessionId) ?? new Set()).add(close));
      try {
        while (!closed) {
          if (changed) {
            changed = false;
            const unread = await deps.notifications.unreadCount(userId);
            await stream.writeSSE({ event: 'notifications', data: JSON.stringify({ unread }), retry: 5000 });
          }
          const heartbeat = new Promise<'idle'>((resolve) => {
            const timer = setTimeout(() => resolve('idle'), deps.heartbeatMs ?? 25_000);
            wake = () => {
              clearTimeout(timer);
              resolve('idle');
            };
          });
          if ((await heartbeat) === 'idle' && !changed && !closed) await stream.write(': keep-alive\n\n');
        }
      } finally {
        unsubscribe();
        closers.get(sessionId)?.delete(close);
        if (closers.get(sessionId)?.size === 0) closers.delete(sessionId);
        const left = (streams.get(userId) ?? 1) - 1;
        if (left <= 0) streams.delete(userId);
        else streams.set(userId, left);
      }
    });
  });

  routes.get('/deadlines', requireUser, async (c) => c.json<DeadlineSummary>(await deps.deadlines.summary(c.get('user')!)));

  routes.get('/letters/:letterId/deadlines', reader, async (c) => c.json<LetterDeadlines>(await deps.deadlines.view(c.get('user')!, c.get('letterId'))));

  routes.put('/letters/:letterId/deadlines', coordinator, async (c) => {
    const request = await readJsonBody(c, deadlinesRequestSchema);
    return c.json<LetterDeadlines>(await deps.deadlines.set(c.get('user')!, c.get('letterId'), request));
  });

  routes.post('/letters/:letterId/reminders', coordinator, async (c) => {
    const request = await readJsonBody(c, reminderRequestSchema);
    const outcome = await deps.deadlines.remind(c.get('user')!, c.get('letterId'), request);
    if (outcome.reminded.length === 0) {
      const retryAt = Math.min(...outcome.tooSoon.map((t) => Date.parse(t.nextReminderAt)));
      c.header('Retry-After', String(Math.max(1, Math.ceil((retryAt - Date.now()) / 1000))));
      return c.json<ErrorResponse>(
        { error: { code: ErrorCode.reminderTooSoon, message: 'These offices were reminded less than an hour ago. Try again later.' } },
        429,
      );
    }
    return c.json<ReminderResponse>({ reminded: outcome.reminded });
  });

  routes.get('/admin/mail', requireAdmin, async (c) => {
    const [pending, problems] = await Promise.all([
      deps.store.notifications.countPendingJobs([JobKind.mail, JobKind.digest, JobKind.invitationMail]),
      deps.store.notifications.listJobProblems(20),
    ]);
    return c.json<MailStatus>({
      isConfigured: deps.notifications.isMailConfigured,
      pending,
      failures: problems.map((job) => ({
        id: job.id,
        kind: job.kind,
        attempts: job.attempts,
        lastError: job.lastError ?? '',
        dueAt: job.dueAt,
        gaveUp: job.gaveUp,
        to: job.kind === JobKind.invitationMail && typeof job.payload['to'] === 'string' ? job.payload['to'] : null,
      })),
    });
  });

  return routes;
}

