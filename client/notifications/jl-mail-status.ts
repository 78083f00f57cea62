import { css, html, LitElement } from 'lit';
import type { MailStatus } from '../../shared/api/notifications.js';
import { loadMailStatus } from '../api/notifications-api.js';
import { formatDateTime } from '../ui/format-date-time.js';

/** The server's job kinds (server/store/notification-store.ts), as the administrator reads them. */
const jobKindLabel: Record<string, string> = {
  mail: 'Notification',
  digest: 'Daily digest',
  deadline_soon: 'Deadline in 24 hours',
  deadline_passed: 'Deadline passed',
  invitation_mail: 'Invitation',
};

/** For the workspace administrator: whether Jointly sends mail at all, and the mail it could not send. */
export class JlMailStatus extends LitElement {
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
      .catch((error: unknown) => (this.problem = error instanceof Error ? error.message : 'Could not read the mail status.'));
  }

  override render() {
    return html`<section aria-labelledby="mail-heading">
      <h2 id="mail-heading">E-mail</h2>
      ${this.problem ? html`<p role="alert">${this.problem}</p>` : null}
      ${this.mail ? this.renderStatus(this.mail) : null}
    </section>`;
  }

  private renderStatus(mail: MailStatus) {
    if (!mail.isConfigured) {
      return html`<p class="off">
        Jointly sends no e-mail: no SMTP server is configured. Notifications show in Jointly only. Set <code>SMTP_URL</code> and
        <code>MAIL_FROM</code> and restart the server to send them by mail as well.
      </p>`;
    }
    return html`<p>E-mail is on. ${mail.pending} ${mail.pending === 1 ? 'mail is' : 'mails are'} waiting to be sent.</p>
      ${mail.failures.length === 0
        ? html`<p>No mail failed to send.</p>`
        : html`<table>
            <caption>
              Mail that could not be sent
            </caption>
            <thead>
              <tr><th scope="col">Kind</th><th scope="col">Tries</th><th scope="col">Last error</th><th scope="col">State</th></tr>
            </thead>
            <tbody>
              ${mail.failures.map(
                (f) => html`<tr>
                  <td>${jobKindLabel[f.kind] ?? f.kind}${f.to ? ` to ${f.to}` : ''}</td>
                  <td>${f.attempts}</td>
                  <td>${f.lastError}</td>
                  <td>${f.gaveUp ? 'Given up' : `Next try ${formatDateTime(f.dueAt)}`}</td>
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
