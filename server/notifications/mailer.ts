import nodemailer from 'nodemailer';
import { oneLine } from '../../shared/i18n/notification-title.js';

/** One plain-text mail: a notification's title and a link, never the letter's text (rule N2). */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Sends mail, or says it cannot: without SMTP_URL Jointly sends none. */
export interface Mailer {
  readonly isConfigured: boolean;
  /** Resolves once the SMTP server accepted the mail; rejects with its answer otherwise. */
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/** No SMTP server configured: nothing is sent, and the administration page says so. */
export const noMailer: Mailer = {
  isConfigured: false,
  send: () => Promise.reject(new Error('no SMTP server is configured (SMTP_URL)')),
  close: () => {},
};

/** Longest subject sent; a subject is one line, whatever the names in it hold. */
const maxSubjectChars = 500;

/** Seconds an SMTP server may take to answer before a send fails (and is retried later). */
const smtpTimeoutMs = 30_000;

/** Mail through the deployment's own SMTP server, e.g. `smtp://user:pass@mail.ministry.example:587`. */
export function createSmtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(
    { url: smtpUrl, connectionTimeout: smtpTimeoutMs, greetingTimeout: smtpTimeoutMs, socketTimeout: smtpTimeoutMs },
    { from },
  );
  return {
    isConfigured: true,
    async send(message) {
      // A subject stays one header line: a line break in a name must not start a header of its own.
      await transport.sendMail({ to: message.to, subject: oneLine(message.subject, maxSubjectChars), text: message.text });
    },
    close: () => transport.close(),
  };
}
