import { css, html, LitElement, type PropertyValues } from 'lit';
import type { AuditEvent, AuditVerification, LetterAudit } from '../../shared/api/audit.js';
import type { LetterDetail } from '../../shared/api/letters.js';
import type { Office } from '../../shared/api/offices.js';
import { ErrorCode } from '../../shared/api/errors.js';
import { ApiError, describeError } from '../api/api-error.js';
import { auditCsvPath, loadAudit } from '../api/audit-api.js';
import { loadLetter } from '../api/letters-api.js';
import { loadOffices } from '../api/offices-api.js';
import { letterPath } from '../app/route.js';
import { dispatchIfSessionExpired } from '../session/dispatch-if-session-expired.js';
import { formatDateTime } from '../ui/format-date-time.js';
import { officeName } from '../ui/office-name.js';
import { messageStyles, noticeStyles, pageStyles, tableStyles, visuallyHiddenStyles } from '../ui/shared-styles.js';
import { describeAuditDetail, describeAuditKind } from './describe-audit-event.js';

/**
 * The coordinator's view of the letter's audit trail: every recorded act in order, whether the
 * hash chain that binds them is intact, and the trail as a CSV file.
 */
export class JlAuditPage extends LitElement {
  static override properties = {
    letterId: { attribute: false },
    audit: { state: true },
    letter: { state: true },
    offices: { state: true },
    error: { state: true },
  };

  declare letterId: string;
  declare private audit: LetterAudit | undefined;
  declare private letter: LetterDetail | undefined;
  declare private offices: Office[];
  declare private error: string | null;

  constructor() {
    super();
    this.letterId = '';
    this.audit = undefined;
    this.letter = undefined;
    this.offices = [];
    this.error = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('letterId')) void this.load();
  }

  private async load(): Promise<void> {
    const letterId = this.letterId;
    this.audit = undefined;
    this.letter = undefined;
    this.error = null;
    if (!letterId) return;
    void this.loadOfficeNames();
    try {
      const [letter, audit] = await Promise.all([loadLetter(letterId), loadAudit(letterId)]);
      if (letterId !== this.letterId) return;
      this.letter = letter;
      this.audit = audit;
      document.title = `Audit trail of ${letter.title} – Jointly`;
    } catch (error) {
      if (letterId !== this.letterId || dispatchIfSessionExpired(this, error)) return;
      this.error =
        error instanceof ApiError && (error.code === ErrorCode.forbidden || error.status === 403)
          ? 'Only the coordinator of this letter can read its audit trail.'
          : describeError(error);
      document.title = 'Audit trail not available – Jointly';
    }
  }

  private async loadOfficeNames(): Promise<void> {
    try {
      this.offices = await loadOffices();
    } catch {
      // Offices are then named by their ids; the trail itself still shows.
    }
  }

  override render() {
    return html`
      <p><a href=${letterPath(this.letterId)}><span aria-hidden="true">←</span> Back to the letter</a></p>
      <h1>Audit trail${this.letter ? html`: ${this.letter.title}` : null}</h1>
      ${this.error ? html`<p class="message error" role="alert">${this.error}</p>` : null}
      ${this.audit ? this.renderAudit(this.audit) : this.error ? null : html`<p>Loading the audit trail…</p>`}
    `;
  }

  private renderAudit(audit: LetterAudit) {
    return html`
      ${renderVerification(audit.verification)}
      <p><a href=${auditCsvPath(this.letterId)} download="audit-trail.csv">Download as CSV</a></p>
      <div class="table-scroll">
        <table>
          <caption class="visually-hidden">
            Audit events of this letter, oldest first
          </caption>
          <thead>
            <tr>
              <th scope="col">Event</th>
              <th scope="col">Time</th>
              <th scope="col">Who</th>
              <th scope="col">Office</th>
              <th scope="col">What</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            ${audit.events.length === 0
              ? html`<tr>
                  <td colspan="6">Nothing has been recorded for this letter yet.</td>
                </tr>`
              : audit.events.map((event) => this.renderEvent(event))}
          </tbody>
        </table>
      </div>
    `;
  }

  private renderEvent(event: AuditEvent) {
    const details = describeAuditDetail(event.detail, (officeId) => officeName(this.offices, officeId));
    return html`<tr>
      <td>#${event.seq}</td>
      <td><time datetime=${event.at}>${formatDateTime(event.at, { withSeconds: true })}</time></td>
      <td>${event.actor?.name ?? 'Nobody signed in'}</td>
      <td>${event.actor?.officeId ? officeName(this.offices, event.actor.officeId) : '–'}</td>
      <th scope="row">${describeAuditKind(event.kind)}</th>
      <td>
        ${details.length === 0
          ? '–'
          : html`<ul class="details">
              ${details.map((line) => html`<li>${line}</li>`)}
            </ul>`}
      </td>
    </tr>`;
  }

  static override styles = [
    pageStyles,
    messageStyles,
    noticeStyles,
    tableStyles,
    visuallyHiddenStyles,
    css`
      .message {
        font-weight: 600;
      }
      tbody th {
        font-weight: 600;
        font-size: 1rem;
        background: none;
      }
      .details {
        margin: 0;
        padding: 0;
        list-style: none;
        font-size: 0.9375rem;
        overflow-wrap: anywhere;
      }
      td:first-child,
      td:nth-child(2) {
        white-space: nowrap;
      }
    `,
  ];
}

function renderVerification(verification: AuditVerification) {
  if (verification.intact) {
    return html`<p class="message success" role="status">
      <span aria-hidden="true">✓</span> The audit trail is intact: ${verification.checked} events checked.
    </p>`;
  }
  const broken = verification.firstBroken;
  return html`<p class="message error" role="alert">
    <span aria-hidden="true">⚠</span>
    ${broken ? `The audit trail is broken at event #${broken.seq}: ${broken.reason}` : 'The audit trail is broken.'}
  </p>`;
}

customElements.define('jl-audit-page', JlAuditPage);

declare global {
  interface HTMLElementTagNameMap {
    'jl-audit-page': JlAuditPage;
  }
}
