import { t } from '../i18n/translate.js';
import { LanguageController } from '../i18n/language-controller.js';
import { css, html, LitElement, type PropertyValues } from 'lit';
import type { AuditEvent, AuditQuery, AuditVerification } from '../../shared/api/audit.js';
import type { Member } from '../../shared/api/members.js';
import type { LetterDetail } from '../../shared/api/letters.js';
import type { Office } from '../../shared/api/offices.js';
import { ErrorCode } from '../../shared/api/errors.js';
import { ApiError, describeError } from '../api/api-error.js';
import { auditCsvPath, loadAudit } from '../api/audit-api.js';
import { loadLetter } from '../api/letters-api.js';
import { loadMembers } from '../api/members-api.js';
import { loadOffices } from '../api/offices-api.js';
import { letterPath } from '../app/route.js';
import { dispatchIfSessionExpired } from '../session/dispatch-if-session-expired.js';
import { formatDateTime } from '../ui/format-date-time.js';
import { officeName } from '../ui/office-name.js';
import { messageStyles, noticeStyles, pageStyles, tableStyles, visuallyHiddenStyles } from '../ui/shared-styles.js';
import { auditKindChoices, describeAuditDetail, describeAuditKind } from './describe-audit-event.js';

type AuditFilters = Pick<AuditQuery, 'kind' | 'person' | 'office'>;

/**
 * The coordinator's view of the letter's audit trail: the recorded acts newest first, a page at a
 * time, filtered by kind, person and office; whether the hash chain that binds them is intact; and
 * the whole trail as a CSV file.
 */
export class JlAuditPage extends LitElement {
  private readonly languageController = new LanguageController(this);

  static override properties = {
    letterId: { attribute: false },
    events: { state: true },
    verification: { state: true },
    nextCursor: { state: true },
    filters: { state: true },
    isLoadingMore: { state: true },
    pageError: { state: true },
    members: { state: true },
    letter: { state: true },
    offices: { state: true },
    error: { state: true },
  };

  declare letterId: string;
  /** The pages read so far, newest first. */
  declare private events: AuditEvent[] | undefined;
  declare private verification: AuditVerification | undefined;
  declare private nextCursor: string | null;
  declare private filters: AuditFilters;
  declare private isLoadingMore: boolean;
  declare private pageError: string | null;
  declare private members: Member[];
  declare private letter: LetterDetail | undefined;
  declare private offices: Office[];
  declare private error: string | null;

  constructor() {
    super();
    this.letterId = '';
    this.events = undefined;
    this.verification = undefined;
    this.nextCursor = null;
    this.filters = {};
    this.isLoadingMore = false;
    this.pageError = null;
    this.members = [];
    this.letter = undefined;
    this.offices = [];
    this.error = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('letterId')) void this.load();
  }

  private async load(): Promise<void> {
    const letterId = this.letterId;
    this.events = undefined;
    this.letter = undefined;
    this.error = null;
    this.filters = {};
    if (!letterId) return;
    void this.loadOfficeNames();
    void this.loadPeople(letterId);
    try {
      const [letter, audit] = await Promise.all([loadLetter(letterId), loadAudit(letterId)]);
      if (letterId !== this.letterId) return;
      this.letter = letter;
      this.events = audit.events;
      this.verification = audit.verification;
      this.nextCursor = audit.nextCursor;
      document.title = t('audit.auditTrailOfJointly', { title: letter.title });
    } catch (error) {
      if (letterId !== this.letterId || dispatchIfSessionExpired(this, error)) return;
      this.error =
        error instanceof ApiError && (error.code === ErrorCode.forbidden || error.status === 403)
          ? t('audit.onlyTheCoordinatorOfThis')
          : describeError(error);
      document.title = t('audit.auditTrailNotAvailableJointly');
    }
  }

  private async loadPeople(letterId: string): Promise<void> {
    try {
      this.members = await loadMembers(letterId);
    } catch {
      // The person filter then offers nobody; the trail itself still shows.
    }
  }

  /** Reads the first page again with the chosen filters. */
  private async applyFilters(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const chosen = (name: string) => String(data.get(name) ?? '') || undefined;
    const filters: AuditFilters = {};
    for (const key of ['kind', 'person', 'office'] as const) {
      const value = chosen(key);
      if (value) filters[key] = value;
    }
    this.filters = filters;
    await this.readPage(undefined);
  }

  /** The page after `before` (the first without it): appended to what is shown, or replacing it. */
  private async readPage(before: string | undefined): Promise<void> {
    const letterId = this.letterId;
    this.isLoadingMore = true;
    this.pageError = null;
    try {
      const audit = await loadAudit(letterId, { ...this.filters, ...(before ? { before } : {}) });
      if (letterId !== this.letterId) return;
      const shownBefore = before ? (this.events?.length ?? 0) : 0;
      this.events = before ? [...(this.events ?? []), ...audit.events] : audit.events;
      this.verification = audit.verification;
      this.nextCursor = audit.nextCursor;
      await this.updateComplete;
      // Keyboard and screen-reader users continue where the new events begin.
      const rows = this.renderRoot.querySelectorAll<HTMLElement>('tbody tr[data-seq]');
      (before ? rows[shownBefore] : this.renderRoot.querySelector<HTMLElement>('#audit-summary'))?.focus();
    } catch (error) {
      if (dispatchIfSessionExpired(this, error)) return;
      this.pageError = t('audit.theEventsCouldNotBe', { error: describeError(error) });
    } finally {
      this.isLoadingMore = false;
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
      <p><a href=${letterPath(this.letterId)}><span aria-hidden="true">←</span> ${t('audit.backToTheLetter')}</a></p>
      <h1>${t('audit.auditTrail')}${this.letter ? html`: ${this.letter.title}` : null}</h1>
      ${this.error ? html`<p class="message error" role="alert">${this.error}</p>` : null}
      ${this.events && this.verification ? this.renderAudit(this.events, this.verification) : this.error ? null : html`<p>${t('audit.loadingTheAuditTrail')}</p>`}
    `;
  }

  private renderFilters() {
    const officeIds = [...new Set([...(this.letter?.signatories.map((signatory) => signatory.office.id) ?? []), ...this.offices.map((office) => office.id)])];
    return html`
      <form class="filters" aria-label=${t('audit.filterTheEvents')} @submit=${this.applyFilters}>
        <div class="filter">
          <label for="filter-kind">${t('audit.kind')}</label>
          <select id="filter-kind" name="kind">
            <option value="">${t('audit.everyKind')}</option>
            ${auditKindChoices().map(({ kind, label }) => html`<option value=${kind} ?selected=${this.filters.kind === kind}>${label}</option>`)}
          </select>
        </div>
        <div class="filter">
          <label for="filter-person">${t('audit.person')}</label>
          <select id="filter-person" name="person">
            <option value="">${t('audit.everyone')}</option>
            ${this.members.map((member) => html`<option value=${member.userId} ?selected=${this.filters.person === member.userId}>${member.name}</option>`)}
          </select>
        </div>
        <div class="filter">
          <label for="filter-office">${t('audit.office')}</label>
          <select id="filter-office" name="office">
            <option value="">${t('audit.everyOffice')}</option>
            ${officeIds.map((id) => html`<option value=${id} ?selected=${this.filters.office === id}>${officeName(this.offices, id)}</option>`)}
          </select>
        </div>
        <button type="submit">${t('audit.showEvents')}</button>
      </form>
    `;
  }

  private renderAudit(events: AuditEvent[], verification: AuditVerification) {
    const isFiltered = Object.keys(this.filters).length > 0;
    return html`
      ${renderVerification(verification)}
      <p><a href=${auditCsvPath(this.letterId)} download="audit-trail.csv">${t('audit.downloadAsCsv')}</a> ${t('audit.everyEventOfTheLetter')}</p>
      ${this.renderFilters()}
      <p id="audit-summary" tabindex="-1" role="status">
        ${events.length === 0
          ? isFiltered
            ? t('audit.noEventsMatchTheseFilters')
            : ''
          : t(isFiltered ? (this.nextCursor ? 'audit.showingNewestMatchingMore' : 'audit.showingNewestMatching') : this.nextCursor ? 'audit.showingNewestMore' : 'audit.showingNewest', { count: events.length })}
      </p>
      <div class="table-scroll" tabindex="0" role="region" aria-label=${t('audit.auditEvents')}>
        <table>
          <caption class="visually-hidden">
            ${t('audit.auditEventsOfThisLetter')}
          </caption>
          <thead>
            <tr>
              <th scope="col">${t('audit.event')}</th>
              <th scope="col">${t('audit.time')}</th>
              <th scope="col">${t('audit.who')}</th>
              <th scope="col">${t('audit.office')}</th>
              <th scope="col">${t('audit.what')}</th>
              <th scope="col">${t('audit.details')}</th>
            </tr>
          </thead>
          <tbody>
            ${events.length === 0
              ? html`<tr>
                  <td colspan="6">${isFiltered ? t('audit.noEventsMatchTheseFilters') : t('audit.nothingHasBeenRecordedFor')}</td>
                </tr>`
              : events.map((event) => this.renderEvent(event))}
          </tbody>
        </table>
      </div>
      ${this.pageError ? html`<p class="message error" role="alert">${this.pageError}</p>` : null}
      ${this.nextCursor
        ? html`<p>
            <button type="button" ?disabled=${this.isLoadingMore} @click=${() => this.readPage(this.nextCursor ?? undefined)}>
              ${this.isLoadingMore ? t('audit.loading') : t('audit.showOlderEvents')}
            </button>
          </p>`
        : null}
    `;
  }

  private renderEvent(event: AuditEvent) {
    // The paragraph is named by number and words; its id stays in the CSV.
    const { paragraphId: _paragraphId, ...rest } = event.detail;
    const details = [
      ...(event.paragraph ? [describeParagraph(event.paragraph)] : []),
      ...describeAuditDetail(event.paragraph ? rest : event.detail, (officeId) => officeName(this.offices, officeId)),
    ];
    return html`<tr data-seq=${event.seq} tabindex="-1">
      <td>#${event.seq}</td>
      <td><time datetime=${event.at}>${formatDateTime(event.at, { withSeconds: true })}</time></td>
      <td>${event.actor?.name ?? t('audit.nobodySignedIn')}</td>
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
      .filters {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem 1rem;
        align-items: flex-end;
        margin: 0 0 1rem;
      }
      .filter {
        display: grid;
        gap: 0.25rem;
      }
      .filter label {
        font-weight: 600;
      }
      select,
      button {
        font: inherit;
        padding: 0.375rem 0.5rem;
        border: 1px solid var(--jl-border-strong);
        border-radius: var(--jl-radius);
        background: var(--jl-paper);
        color: var(--jl-text);
      }
      button {
        cursor: pointer;
        color: var(--jl-accent);
        border-color: var(--jl-accent);
      }
      select:focus-visible,
      button:focus-visible,
      tr:focus-visible,
      #audit-summary:focus-visible,
      .table-scroll:focus-visible {
        outline: 3px solid var(--jl-focus);
        outline-offset: 2px;
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

function describeParagraph(paragraph: NonNullable<AuditEvent['paragraph']>): string {
  const words = paragraph.opening ? ` “${paragraph.opening}”` : '';
  return paragraph.number === null ? t('audit.paragraphNoLongerInThe', { words: words }) : t('audit.paragraph', { number: paragraph.number, words: words });
}

function renderVerification(verification: AuditVerification) {
  if (verification.intact) {
    return html`<p class="message success" role="status">
      <span aria-hidden="true">✓</span> ${t('audit.theAuditTrailIsIntact', { checked: verification.checked })}
    </p>`;
  }
  const broken = verification.firstBroken;
  return html`<p class="message error" role="alert">
    <span aria-hidden="true">⚠</span>
    ${broken ? t('audit.theAuditTrailIsBroken', { seq: broken.seq, reason: broken.reason }) : t('audit.theAuditTrailIsBroken2')}
  </p>`;
}

customElements.define('jl-audit-page', JlAuditPage);

declare global {
  interface HTMLElementTagNameMap {
    'jl-audit-page': JlAuditPage;
  }
}
