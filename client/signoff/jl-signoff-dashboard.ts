import { t } from '../i18n/translate.js';
import { LanguageController } from '../i18n/language-controller.js';
import { css, html, LitElement, type PropertyValues } from 'lit';
import type { SignoffGrid } from '../../shared/api/signoffs.js';
import type { LetterDetail } from '../../shared/api/letters.js';
import { describeError } from '../api/api-error.js';
import { loadLetter } from '../api/letters-api.js';
import { signoffGridCsvPath } from '../api/signoffs-api.js';
import { letterParagraphPath, letterPath } from '../app/route.js';
import { officeWithCountry, shortOfficeName } from '../../shared/domain/office-names.js';
import { LetterSession } from '../sync/letter-session.js';
import { formStyles, messageStyles, visuallyHiddenStyles } from '../ui/shared-styles.js';
import { filterGridRows, GridFilter } from './blocking-filter.js';
import { signoffStateLabel } from './signoff-state-labels.js';
import { reservationKindLabel } from '../comments/reservation-kind-labels.js';
import { renderRevealedText, revealedTextStyles } from './render-revealed-text.js';
import { deriveSignoffGrid } from './derived-signoff-grid.js';
import '../notifications/jl-letter-deadlines.js';
import { layoutMedia, layoutQuery } from '../ui/layout-breakpoints.js';
import { MediaQueryController } from '../ui/media-query-controller.js';
import { formatList } from '../i18n/format-list.js';

/** The office picker's choice of every office at once (the table then scrolls sideways). */
const everyOffice = 'all';

/** Typing fires many changes; the grid is derived again once they settle. */
const refreshDelayMs = 150;

const filterLabels: Record<GridFilter, string> = {
  get [GridFilter.all]() { return t('signoff.allParagraphs'); },
  get [GridFilter.blocking]() { return t('signoff.everythingThatBlocksTheLetter'); },
  get [GridFilter.stale]() { return t('signoff.staleApprovals'); },
  get [GridFilter.changesRequested]() { return t('signoff.changesRequested'); },
  get [GridFilter.pending]() { return t('signoff.pending'); },
};

/**
 * The coordinator's overview: every paragraph against every signatory office, progress per
 * office and overall, and what still blocks the letter. It follows sign-offs and text live.
 */
export class JlSignoffDashboard extends LitElement {
  private readonly languageController = new LanguageController(this);

  static override properties = {
    letterId: { attribute: false },
    grid: { state: true },
    letter: { state: true },
    error: { state: true },
    filter: { state: true },
    shownOfficeId: { state: true },
  };

  declare letterId: string;
  declare private grid: SignoffGrid | undefined;
  /** For the letter's title and each office's country: several ministries share one English name. */
  declare private letter: LetterDetail | undefined;
  declare private error: string | null;
  declare private filter: GridFilter;
  /** On a phone the grid shows one office at a time: this one, `everyOffice`, or '' for the first. */
  declare private shownOfficeId: string;
  private readonly phoneLayout = new MediaQueryController(this, layoutQuery.phone);
  /** The same live letter as the letter page: its text and letter state (102) move the grid. */
  private readonly session = new LetterSession(this);
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.letterId = '';
    this.grid = undefined;
    this.letter = undefined;
    this.error = null;
    this.filter = GridFilter.all;
    this.shownOfficeId = '';
    this.session.addEventListener('change', this.onSessionChange);
    this.session.addEventListener('text', this.scheduleRefresh);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.refreshTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('letterId')) return;
    clearTimeout(this.refreshTimer);
    this.session.close();
    this.grid = undefined;
    this.letter = undefined;
    this.error = null;
    void this.loadLetterDetail();
    if (!this.letterId) return;
    // The grid is derived here in the browser from the text and the letter state, so neither a
    // sign-off nor a keystroke costs a request.
    this.session.open(this.letterId, {}, { start: true });
  }

  private readonly onSessionChange = (): void => {
    // A connection the server closed for good (no access, signed out) says why instead of the grid.
    const message = this.session.closeMessage;
    if (message && message !== this.error) this.error = message;
    this.scheduleRefresh();
  };

  private readonly scheduleRefresh = (): void => {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => this.refresh(), refreshDelayMs);
  };

  private refresh(): void {
    const doc = this.session.doc;
    if (!doc) return;
    const grid = deriveSignoffGrid(doc, this.session.letterState);
    if (!grid) return;
    this.grid = grid;
    document.title = t('signoff.signOffOverviewJointly');
  }

  private async loadLetterDetail(): Promise<void> {
    const letterId = this.letterId;
    if (!letterId) return;
    try {
      const letter = await loadLetter(letterId);
      if (letterId === this.letterId) this.letter = letter;
    } catch (error) {
      this.error = describeError(error);
    }
  }

  override render() {
    const grid = this.grid;
    return html`
      <p><a href=${letterPath(this.letterId)}><span aria-hidden="true">←</span> ${t('signoff.backToTheLetter')}</a></p>
      <h1>${t('signoff.signOffOverview')}${this.letter ? html`: ${this.letter.title}` : null}</h1>
      <jl-letter-deadlines compact .letterId=${this.letterId} .progressKey=${this.grid}></jl-letter-deadlines>
      ${this.error ? html`<p class="message error" role="alert">${this.error}</p>` : null}
      ${grid ? this.renderGrid(grid) : this.error ? null : html`<p>${t('signoff.loadingTheSignOff')}</p>`}
    `;
  }

  private renderGrid(grid: SignoffGrid) {
    const rows = filterGridRows(grid.paragraphs, this.filter);
    const isPhone = this.phoneLayout.matches;
    const shownOffice = grid.offices.find((office) => office.officeId === this.shownOfficeId) ?? grid.offices[0];
    // A phone has room for one office beside the paragraphs: the picker says which.
    const offices = isPhone && this.shownOfficeId !== everyOffice && shownOffice ? [shownOffice] : grid.offices;
    return html`
      <p class="overall" role="status">
        ${t('signoff.ofSignOffsApproved', { approvedCells: grid.approvedCells, totalCells: grid.totalCells })}
        ${grid.isReady ? t('signoff.everyParagraphIsApprovedBy') : t('signoff.theLetterIsNotReady')}
        ${grid.openReservations ? t('signoff.openReservationsBlock', { count: grid.openReservations }) : ''}
        ${grid.paragraphsWithSuggestions?.length
          ? ` ${t('signoff.openSuggestionsInParagraphMust', { join: formatList(grid.paragraphsWithSuggestions.map(String)) })}`
          : ''}
      </p>
      <div class="tools">
        <div class="field">
          <label for="grid-filter">${t('signoff.show')}</label>
          <select id="grid-filter" @change=${(event: Event) => (this.filter = (event.target as HTMLSelectElement).value as GridFilter)}>
            ${Object.values(GridFilter).map(
              (filter) => html`<option value=${filter} ?selected=${filter === this.filter}>${filterLabels[filter]}</option>`,
            )}
          </select>
        </div>
        ${isPhone
          ? html`<div class="field">
              <label for="grid-office">${t('signoff.officeShown')}</label>
              <select id="grid-office" @change=${(event: Event) => (this.shownOfficeId = (event.target as HTMLSelectElement).value)}>
                ${grid.offices.map(
                  (office) =>
                    html`<option value=${office.officeId} ?selected=${offices.length === 1 && office === shownOffice}>
                      ${office.country} – ${shortOfficeName(office.name, office.country)}
                    </option>`,
                )}
                <option value=${everyOffice} ?selected=${offices.length > 1}>${t('signoff.everyOfficeTheTableScrolls')}</option>
              </select>
            </div>`
          : null}
        <a href=${signoffGridCsvPath(this.letterId)} download="sign-off.csv">${t('signoff.downloadTheSignOffAs')}</a>
      </div>
      <div class="table-scroll" tabindex="0" role="region" aria-labelledby="grid-caption">
        <table>
          <caption id="grid-caption">
            ${t('signoff.signOffOfEachParagraph')}
          </caption>
          <thead>
            <tr>
              <th scope="col">${t('signoff.paragraph')}</th>
              ${offices.map(
                (office) => html`<th scope="col" class="office">
                  <span class="country">${office.country}</span>
                  <span class="office-short" title=${officeWithCountry(office.name, office.country)}>${shortOfficeName(office.name, office.country)}</span>
                  <span class="progress">${t('signoff.ofApproved', { approved: office.approved, of: office.of })}</span>
                </th>`,
              )}
            </tr>
          </thead>
          <tbody>
            ${rows.length === 0
              ? html`<tr>
                  <td colspan=${offices.length + 1}>${t('signoff.noParagraphMatches')}</td>
                </tr>`
              : rows.map(
                  (row) => html`<tr>
                    <th scope="row">
                      <a href=${letterParagraphPath(this.letterId, row.paragraphId)}
                        ><span class="number">${row.number}.</span> ${renderRevealedText(row.excerpt)}</a
                      >
                    </th>
                    ${offices.map((office) => {
                      const state = row.states[office.officeId];
                      if (!state) return html`<td>–</td>`;
                      const label = signoffStateLabel[state];
                      const reason = row.reasons[office.officeId];
                      const reserved = row.reservations?.[office.officeId] ?? [];
                      const suggested = row.suggestions?.[office.officeId] ?? 0;
                      return html`<td class="state-${state}">
                        <span aria-hidden="true">${label.icon}</span> ${label.text}${reason ? html`<q class="reason">${reason}</q>` : null}
                        ${reserved.length > 0
                          ? html`<span class="reserved"><span aria-hidden="true">⚑</span> ${formatList(reserved.map((kind) => reservationKindLabel[kind]))}</span>`
                          : null}
                        ${suggested > 0
                          ? html`<span class="reserved"><span aria-hidden="true">✚</span> ${t('signoff.openSuggestions', { count: suggested })}</span>`
                          : null}
                      </td>`;
                    })}
                  </tr>`,
                )}
          </tbody>
        </table>
      </div>
    `;
  }

  static override styles = [
    revealedTextStyles,
    formStyles,
    messageStyles,
    visuallyHiddenStyles,
    css`
      :host {
        display: block;
        max-width: 70rem;
        margin: 0 auto;
      }
      a {
        color: var(--jl-accent);
      }
      h1 {
        margin: 0 0 1rem;
      }
      .overall {
        margin: 0 0 0.75rem;
      }
      .tools {
        display: flex;
        flex-wrap: wrap;
        align-items: end;
        gap: 0.5rem 1.5rem;
      }
      .reserved {
        display: block;
        font-weight: 600;
        color: var(--jl-warning);
        margin-bottom: 0.75rem;
      }
      .table-scroll {
        overflow-x: auto;
      }
      .table-scroll:focus-visible {
        outline: 3px solid var(--jl-focus);
        outline-offset: 2px;
      }
      caption {
        text-align: start;
        font-weight: 600;
        padding-bottom: 0.375rem;
      }
      th.office {
        min-width: 7rem;
      }
      th.office span {
        display: block;
      }
      .office-short {
        font-weight: normal;
      }
      .progress {
        font-weight: normal;
        font-size: 0.875rem;
        color: var(--jl-text-muted);
      }
      .reason {
        display: block;
        font-weight: normal;
        color: var(--jl-text);
      }
      table {
        border-collapse: collapse;
        width: 100%;
        background: var(--jl-paper);
      }
      th,
      td {
        padding: 0.5rem 0.75rem;
        text-align: start;
        vertical-align: top;
        border: 1px solid var(--jl-border);
      }
      thead th {
        background: var(--jl-accent-soft);
      }
      tbody th {
        font-weight: normal;
        max-width: 28rem;
      }
      .number {
        font-weight: 600;
      }
      .state-approved {
        color: var(--jl-success);
      }
      .state-stale,
      .state-changes_requested {
        color: var(--jl-warning);
        font-weight: 600;
      }
      /* Every office on a phone: the paragraphs keep a readable column, the table scrolls sideways. */
      @media ${layoutMedia.phone} {
        tbody th {
          min-width: 11rem;
        }
      }
    `,
  ];
}

customElements.define('jl-signoff-dashboard', JlSignoffDashboard);

declare global {
  interface HTMLElementTagNameMap {
    'jl-signoff-dashboard': JlSignoffDashboard;
  }
}
