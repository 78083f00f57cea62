import { t } from '../i18n/translate.js';
import { ApiError, describeError } from '../api/api-error.js';
import { LanguageController } from '../i18n/language-controller.js';
import { css, html, LitElement } from 'lit';
import type { MailStatus } from '../../shared/api/notifications.js';
import { loadMailStatus } from '../api/notifications-api.js';
import { formatDateTime } from '../ui/format-date-time.js';

/** The server's job kinds (server/store/notification-store.ts), as the administrator reads them. */
const jobKindLabel: Record<string, string> = {
  get mail() { return t('notifications.notification'); },
  get digest() { return t('notifications.dailyDigest'); },
  get deadline_soon() { return t('notifications.deadlineIn24Hours'); },
  get deadline_passed() { return t('notifications.deadlinePassed'); },
  get invitation_mail() { return t('notifications.invitation'); },
};

/** For the workspace administrator: whether Jointly sends mail at all, and the mail it could not send. */
export class JlMailStatus extends LitElement {
  private readonly languageController = new LanguageController(this);

  static override properties = { mail: { state: true }, problem: { state: true } };

  declare private mail: MailStatus | null;
  declare private problem: string | null;

  constructor() {
    super();
    this.mail = null;
    this.problem = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    loadMailStatus()
      .then((mail) => (this.mail = mail))
      .catch((error: unknown) => (this.problem = error instanceof ApiError ? describeError(error) : t('notifications.couldNotReadTheMail')));
  }

  override render() {
    return html`<section aria-labelledby="mail-heading">
      <h2 id="mail-heading">${t('notifications.eMail')}</h2>
      ${this.problem ? html`<p role="alert">${this.problem}</p>` : null}
      ${this.mail ? this.renderStatus(this.mail) : null}
    </section>`;
  }

  private renderStatus(mail: MailStatus) {
    if (!mail.isConfigured) {
      return html`<p class="off">
        ${t('notifications.jointlySendsNoEMail')} <code>SMTP_URL</code> ${t('notifications.and')}
        <code>MAIL_FROM</code> ${t('notifications.andRestartTheServerTo')}
      </p>`;
    }
    return html`<p>${t('notifications.mailWaiting', { count: mail.pending })}</p>
      ${mail.failures.length === 0
        ? html`<p>${t('notifications.noMailFailedToSend')}</p>`
        : html`<table>
            <caption>
              ${t('notifications.mailThatCouldNotBe')}
            </caption>
            <thead>
              <tr><th scope="col">${t('notifications.kind')}</th><th scope="col">${t('notifications.tries')}</th><th scope="col">${t('notifications.lastError')}</th><th scope="col">${t('notifications.state')}</th></tr>
            </thead>
            <tbody>
              ${mail.failures.map(
                (f) => html`<tr>
                  <td>${jobKindLabel[f.kind] ?? f.kind}${f.to ? ` ${t('notifications.to', { to: f.to })}` : ''}</td>
                  <td>${f.attempts}</td>
                  <td>${f.lastError}</td>
                  <td>${f.gaveUp ? t('notifications.givenUp') : t('notifications.nextTry', { dateTime: formatDateTime(f.dueAt) })}</td>
                </tr>`,
              )}
            </tbody>
          </table>`}`;
  }

  static override styles = css`
    :host {
      display: block;
      margin-top: 2rem;
    }
    .off {
      padding: 0.5rem 0.75rem;
      border-inline-start: 4px solid var(--jl-warning);
    }
    table {
      border-collapse: collapse;
    }
    caption {
      text-align: start;
      font-weight: 600;
    }
    th,
    td {
      padding: 0.25rem 0.5rem;
      border-bottom: 1px solid var(--jl-border);
      text-align: start;
    }
  `;
}

customElements.define('jl-mail-status', JlMailStatus);

declare global {
  interface HTMLElementTagNameMap {
    'jl-mail-status': JlMailStatus;
  }
}
