import type { Logger } from '../logger.js';
import type { JobRecord } from '../store/notification-store.js';
import type { Store } from '../store/store.js';
import type { Mailer } from './mailer.js';

/**
 * Mail of notifications: one at once, or a person's digest. A mail holds titles and links only,
 * never the letter's text (rule N2). Each handler throws when the SMTP server refuses, so that the
 * job runner retries it.
 */
export class MailJobs {
  constructor(
    private readonly store: Store,
    private readonly mailer: Mailer,
    /** Where people open Jointly: the start of every link (asked at each mail: the port is known once listening). */
    private readonly origin: () => string,
    private readonly logger: Logger,
  ) {}

  async sendOne(job: JobRecord): Promise<undefined> {
    const notification = await this.store.notifications.getNotification(String(job.payload['notificationId']));
    if (!notification || notification.mailedAt) return undefined;
    const user = await this.store.accounts.getUser(notification.userId);
    if (!user) return undefined;
    await this.mailer.send({
      to: user.email,
      subject: notification.title,
      text: [notification.title, '', `Open it in Jointly: ${this.link(notification.path)}`, '', settingsLine].join('\n'),
    });
    await this.store.notifications.markMailed([notification.id], new Date().toISOString());
    this.logger.info({ notificationId: notification.id, kind: notification.kind }, 'notification mailed');
    return undefined;
  }

  async sendDigest(job: JobRecord): Promise<undefined> {
    const userId = String(job.payload['userId']);
    const [user, pending] = await Promise.all([this.store.accounts.getUser(userId), this.store.notifications.listDigestPending(userId)]);
    if (!user || pending.length === 0) return undefined;
    const lines = pending.flatMap((n) => [`- ${n.title}`, `  ${this.link(n.path)}`]);
    await this.mailer.send({
      to: user.email,
      subject: `Jointly: ${pending.length} ${pending.length === 1 ? 'notification' : 'notifications'} today`,
      text: ['Your notifications in Jointly since the last digest:', '', ...lines, '', settingsLine].join('\n'),
    });
    await this.store.notifications.markMailed(
      pending.map((n) => n.id),
      new Date().toISOString(),
    );
    return undefined;
  }

  private link(path: string): string {
    return new URL(path, this.origin()).toString();
  }
}

const settingsLine = 'You choose which notifications reach you by mail under the bell in Jointly, in “Notification settings”.';
