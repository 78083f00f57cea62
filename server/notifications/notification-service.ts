import { randomUUID } from 'node:crypto';
import type { MarkReadRequest, NotificationList, Preferences } from '../../shared/api/notifications.js';
import type { SessionUser } from '../../shared/api/session.js';
import { Delivery, deliveryFor, type NotificationKind, notificationKinds } from '../../shared/domain/notification-rules.js';
import { maxTitleActorChars, maxTitleLetterChars, oneLine } from '../../shared/i18n/notification-title.js';
import { sourceLanguage } from '../../shared/i18n/languages.js';
import type { Logger } from '../logger.js';
import { JobKind, MailMode, type NewJob, type NotificationBatch, type NotificationRecord } from '../store/notification-store.js';
import type { Store } from '../store/store.js';
import type { Mailer } from './mailer.js';
import type { NotificationBus } from './notification-bus.js';
import { titleIn, type TitleParts } from './notification-titles.js';

/** The newest notifications a person's list shows. */
export const notificationListLimit = 50;

export interface NotificationSettings {
  /** The hour (UTC, 0–23) at which daily digests go out. */
  digestHourUtc: number;
}

/** Who is told what: one notification per person, of one kind, about one letter. */
export interface NotifyRequest {
  kind: NotificationKind;
  userIds: readonly string[];
  letterId: string | null;
  /** What the title names; each reader sees it in their own language (the bell, their mail). */
  titleParts: TitleParts;
  /** A path inside Jointly; mails carry it after the public address. */
  path: string;
  /** Tells this event apart: a person gets one notification per key (racing instances, retried jobs). */
  dedupeKey?: string;
  /** Shown in the app only, whatever the person chose (e.g. their invitation mail says it already). */
  isInAppOnly?: boolean;
}

/** The parts as stored: names on one line and cut to length, so that every reader and mail gets them safe. */
function storedTitleParts(parts: TitleParts): TitleParts {
  return {
    ...parts,
    letterTitle: oneLine(parts.letterTitle, maxTitleLetterChars),
    ...(parts.actorName === undefined ? {} : { actorName: oneLine(parts.actorName, maxTitleActorChars) }),
  };
}

/** The next digest time after `now`: today's digest hour if still ahead, else tomorrow's. */
export function nextDigestAt(now: Date, digestHourUtc: number): Date {
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), digestHourUtc));
  return today.getTime() > now.getTime() ? today : new Date(today.getTime() + 86_400_000);
}

/**
 * Stores notifications with what their delivery needs (a mail job, a place in the digest), tells
 * open pages, and wakes the job runner. Never sends anything itself: sending is a job, so that no
 * act waits for, or fails with, the SMTP server.
 */
export class NotificationService {
  private wakeRunner: () => void = () => {};

  constructor(
    private readonly store: Store,
    private readonly mailer: Mailer,
    private readonly bus: NotificationBus,
    private readonly settings: NotificationSettings,
    private readonly logger: Logger,
  ) {}

  get isMailConfigured(): boolean {
    return this.mailer.isConfigured;
  }

  /** The job runner to wake when mail is waiting. */
  setWakeRunner(wake: () => void): void {
    this.wakeRunner = wake;
  }

  /** The notifications, mail jobs and digest jobs that telling these people means, not yet stored. */
  async prepare(request: NotifyRequest, now = new Date()): Promise<NotificationBatch> {
    const batch: NotificationBatch = { notifications: [], jobs: [] };
    const at = now.toISOString();
    for (const userId of new Set(request.userIds)) {
      const chosen = new Map((await this.store.notifications.listPreferences(userId)).map((p) => [p.kind, p.delivery]));
      const mail = request.isInAppOnly ? MailMode.none : this.mailModeOf(deliveryFor(request.kind, chosen));
      const notification: NotificationRecord = {
        id: randomUUID(),
        userId,
        kind: request.kind,
        letterId: request.letterId,
        title: '',
        titleParts: storedTitleParts(request.titleParts),
        path: request.path,
        mail,
        dedupeKey: request.dedupeKey ?? null,
        createdAt: at,
        readAt: null,
        mailedAt: null,
      };
      batch.notifications.push(notification);
      const job = this.mailJobOf(notification, now);
      if (job) batch.jobs.push(job);
    }
    return batch;
  }

  /** Stores a prepared batch (and its audit events), then tells pages and the runner. */
  async deliver(batch: NotificationBatch): Promise<NotificationRecord[]> {
    const stored = await this.store.notifications.addNotifications(batch);
    this.announce(stored);
    return stored;
  }

  async notify(request: NotifyRequest): Promise<NotificationRecord[]> {
    if (request.userIds.length === 0) return [];
    return this.deliver(await this.prepare(request));
  }

  /** Tells open pages of these notifications and wakes the runner for their mail; call after storing them. */
  announce(stored: readonly NotificationRecord[]): void {
    if (stored.length === 0) return;
    this.bus.publish(Array.from(new Set(stored.map((n) => n.userId))));
    if (stored.some((n) => n.mail !== MailMode.none)) this.wakeRunner();
  }

  /** Runs a notice that follows an act, after it: a failure is logged, never the act's. */
  inBackground(what: string, work: () => Promise<unknown>): void {
    work().catch((error: unknown) => this.logger.error({ err: error }, `could not notify: ${what}`));
  }

  async list(user: SessionUser): Promise<NotificationList> {
    const [records, unread] = await Promise.all([
      this.store.notifications.listNotifications(user.id, notificationListLimit),
      this.store.notifications.countUnread(user.id),
    ]);
    return {
      notifications: records.map((n) => ({
        id: n.id,
        kind: n.kind,
        letterId: n.letterId,
        title: titleIn(sourceLanguage, n),
        titleParts: n.titleParts,
        path: n.path,
        createdAt: n.createdAt,
        readAt: n.readAt,
      })),
      unread,
    };
  }

  async unreadCount(userId: string): Promise<number> {
    return this.store.notifications.countUnread(userId);
  }

  async markRead(user: SessionUser, request: MarkReadRequest): Promise<number> {
    const changed = await this.store.notifications.markRead(user.id, 'ids' in request ? request.ids : null, new Date().toISOString());
    // The person's other pages update their count too.
    if (changed > 0) this.bus.publish([user.id]);
    return changed;
  }

  /** Every kind with the person's delivery (their choice or the default). */
  async preferences(user: SessionUser): Promise<Preferences> {
    const chosen = new Map((await this.store.notifications.listPreferences(user.id)).map((p) => [p.kind, p.delivery]));
    return { preferences: notificationKinds.map((kind) => ({ kind, delivery: deliveryFor(kind, chosen) })) };
  }

  async setPreferences(user: SessionUser, request: Preferences): Promise<Preferences> {
    await this.store.notifications.setPreferences(user.id, request.preferences);
    return this.preferences(user);
  }

  private mailModeOf(delivery: Delivery): MailMode {
    if (!this.mailer.isConfigured || delivery === Delivery.inApp) return MailMode.none;
    return delivery === Delivery.email ? MailMode.now : MailMode.digest;
  }

  private mailJobOf(notification: NotificationRecord, now: Date): NewJob | null {
    if (notification.mail === MailMode.none) return null;
    if (notification.mail === MailMode.now) {
      return {
        id: randomUUID(),
        kind: JobKind.mail,
        dedupeKey: `mail:${notification.id}`,
        letterId: notification.letterId,
        dueAt: now.toISOString(),
        payload: { notificationId: notification.id },
        forNotificationId: notification.id,
      };
    }
    const dueAt = nextDigestAt(now, this.settings.digestHourUtc).toISOString();
    // One digest job per person and day; the notification waits in it.
    return {
      id: randomUUID(),
      kind: JobKind.digest,
      dedupeKey: `digest:${notification.userId}:${dueAt}`,
      letterId: null,
      dueAt,
      payload: { userId: notification.userId },
      forNotificationId: notification.id,
    };
  }
}
