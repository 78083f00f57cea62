import { randomUUID } from 'node:crypto';
import type { Language } from '../../shared/i18n/languages.js';
import { oneLine } from '../../shared/i18n/notification-title.js';
import type { Logger } from '../logger.js';
import { JobKind, type JobRecord } from '../store/notification-store.js';
import type { Store } from '../store/store.js';
import { formatMailTime, mailFallbackLanguage, mailLanguageOf, translateIn } from './mail-language.js';
import type { Mailer, MailMessage } from './mailer.js';

/** A new invitation, as the invitation service tells it: the raw token exists only here and in the link. */
export interface NewInvitation {
  userId: string;
  createdBy: string;
  token: string;
  expiresAt: string;
}

/**
 * Invitations by mail (issue 18, item 3). The mail is written when the invitation is made and
 * stored as a job, so that sending never holds up the invitation and survives a restart; the store
 * empties the job's payload (which holds the one-time link) once the mail is sent or given up.
 */
export class InvitationMail {
  constructor(
    private readonly store: Store,
    private readonly mailer: Mailer,
    /** Where people open Jointly: the start of the link. */
    private readonly origin: () => string,
    private readonly logger: Logger,
    /** Wakes the job runner: the mail goes out at once. */
    private readonly wakeRunner: () => void,
  ) {}

  /**
   * Stores the mail of a new invitation when SMTP is configured; returns the address it goes to,
   * or null when Jointly sends no mail (or storing it failed: the link is still shown to copy).
   */
  async enqueue(invitation: NewInvitation): Promise<string | null> {
    if (!this.mailer.isConfigured) return null;
    try {
      const [user, inviter] = await Promise.all([this.store.accounts.getUser(invitation.userId), this.store.accounts.getUser(invitation.createdBy)]);
      if (!user) return null;
      const link = new URL(`/invitations/${encodeURIComponent(invitation.token)}`, this.origin()).toString();
      // The invited person's own language if their account has one (a person invited again), else
      // the inviter's (usually of the same office), else English.
      const language = (await mailLanguageOf(this.store, user.id)) ?? (inviter ? await mailLanguageOf(this.store, inviter.id) : null) ?? mailFallbackLanguage;
      const id = randomUUID();
      await this.store.notifications.addJobs([
        {
          id,
          kind: JobKind.invitationMail,
          dedupeKey: `invitation-mail:${id}`,
          letterId: null,
          dueAt: new Date().toISOString(),
          payload: { to: user.email, ...invitationMail(language, user.name, inviter?.name ?? null, link, invitation.expiresAt) },
        },
      ]);
      this.wakeRunner();
      return user.email;
    } catch (error) {
      this.logger.error({ err: error, userId: invitation.userId }, 'could not store an invitation mail; the link is only shown');
      return null;
    }
  }

  /** The job handler: sends the stored mail; throws when the SMTP server refuses, so it is retried. */
  async send(job: JobRecord): Promise<undefined> {
    const { to, subject, text } = job.payload as { to?: unknown; subject?: unknown; text?: unknown };
    // Emptied already (a job finished elsewhere): nothing left to send.
    if (typeof to !== 'string' || typeof subject !== 'string' || typeof text !== 'string') return undefined;
    await this.mailer.send({ to, subject, text });
    this.logger.info({ jobId: job.id }, 'invitation mailed');
    return undefined;
  }
}

/** The invitation in `language`; names on one line, so that a name cannot add lines (a fake link) to the mail. */
export function invitationMail(language: Language, name: string, inviterName: string | null, link: string, expiresAt: string): Omit<MailMessage, 'to'> {
  const t = translateIn(language);
  return {
    subject: t('mail.invitationSubject'),
    text: [
      t('mail.invitationGreeting', { name: oneLine(name, 200) }),
      '',
      inviterName ? t('mail.invitedBy', { inviter: oneLine(inviterName, 200) }) : t('mail.invitedByAdministrator'),
      t('mail.invitationLink', { dateTime: formatMailTime(expiresAt, language) }),
      '',
      link,
      '',
      t('mail.invitationIgnore'),
    ].join('\n'),
  };
}
