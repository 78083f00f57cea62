import { randomUUID } from 'node:crypto';
import type { Logger } from '../logger.js';
import { JobKind, type JobRecord } from '../store/notification-store.js';
import type { Store } from '../store/store.js';
import type { Mailer } from './mailer.js';

/** A new invitation, as the invitation service tells it: the raw token exists only here and in the link. */
export interface NewInvitation {
  userId: string;
  createdBy: string;
  token: string;
  expiresAt: string;
}

const expiryFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });

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
      const id = randomUUID();
      await this.store.notifications.addJobs([
        {
          id,
          kind: JobKind.invitationMail,
          dedupeKey: `invitation-mail:${id}`,
          letterId: null,
          dueAt: new Date().toISOString(),
          payload: { to: user.email, subject: 'Your invitation to Jointly', text: invitationText(user.name, inviter?.name ?? null, link, invitation.expiresAt) },
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

/** A name on one line: a name with line breaks must not be able to add lines (a fake link) to the mail. */
const oneLine = (text: string) => text.replace(/[\p{Cc}\p{Cf}\u2028\u2029]+/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, 200);

function invitationText(name: string, inviterName: string | null, link: string, expiresAt: string): string {
  return [
    `Hello ${oneLine(name)},`,
    '',
    `${inviterName ? oneLine(inviterName) : 'An administrator'} invited you to Jointly, where offices draft joint letters together.`,
    'Choose your password through this link to sign in. It works once, until',
    `${expiryFormat.format(new Date(expiresAt))} UTC:`,
    '',
    link,
    '',
    'If you did not expect this invitation, ignore this mail.',
  ].join('\n');
}
