import type { Language } from '../../shared/i18n/languages.js';
import type { Logger } from '../logger.js';
import type { JobRecord, NotificationRecord } from '../store/notification-store.js';
import type { Store } from '../store/store.js';
import { formatMailTime, mailFallbackLanguage, mailLanguageOf, translateIn } from './mail-language.js';
import type { Mailer, MailMessage } from './mailer.js';
import { titleIn } from './notification-titles.js';

/**
 * Mail of notifications: one at once, or a person's digest, each in the language the recipient
 * chose (English until they choose). A mail holds titles, times and links only, never the letter's
 * text (rule N2). Each handler throws when the SMTP server refuses, so that the job runner retries it.
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
    const language = (await mailLanguageOf(this.store, user.id)) ?? mailFallbackLanguage;
    await this.mailer.send({ to: user.email, ...notificationMail(language, notification, this.link(notification.path)) });
    await this.store.notifications.markMailed([notification.id], new Date().toISOString());
    this.logger.info({ notificationId: notification.id, kind: notification.kind, language }, 'notification mailed');
    return undefined;
  }

  async sendDigest(job: JobRecord): Promise<undefined> {
    const userId = String(job.payload['userId']);
    const [user, pending, chosen] = await Promise.all([
      this.store.accounts.getUser(userId),
      this.store.notifications.listDigestPending(userId),
      mailLanguageOf(this.store, userId),
    ]);
    if (!user || pending.length === 0) return undefined;
    await this.mailer.send({ to: user.email, ...digestMail(chosen ?? mailFallbackLanguage, pending, (path) => this.link(path)) });
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

type MailContent = Omit<MailMessage, 'to'>;

/** The mail of one notification in `language`: its title as the subject, when it happened, the link. */
export function notificationMail(language: Language, notification: NotificationRecord, link: string): MailContent {
  const t = translateIn(language);
  const title = titleIn(language, notification);
  return {
    subject: title,
    text: [title, '', t('mail.happenedAt', { dateTime: formatMailTime(notification.createdAt, language) }), t('mail.openInJointly', { link }), '', t('mail.settingsLine')].join('\n'),
  };
}

/** A person's digest in `language`: how many (in the language's plural form), then each title, time and link. */
export function digestMail(language: Language, pending: readonly NotificationRecord[], linkOf: (path: string) => string): MailContent {
  const t = translateIn(language);
  const lines = pending.flatMap((n) => [`- ${titleIn(language, n)}`, `  ${formatMailTime(n.createdAt, language)}`, `  ${linkOf(n.path)}`]);
  return {
    subject: t('mail.digestSubject', { count: pending.length }),
    text: [t('mail.digestIntro'), '', ...lines, '', t('mail.settingsLine')].join('\n'),
  };
}
