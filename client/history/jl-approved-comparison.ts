import { t } from '../i18n/translate.js';
import { LanguageController } from '../i18n/language-controller.js';
import { css, html, LitElement } from 'lit';
import type { Office } from '../../shared/api/offices.js';
import { renderDiffLegend, renderWordDiff, wordDiffStyles } from '../signoff/render-word-diff.js';
import { formatDateTime } from '../ui/format-date-time.js';
import { officeName } from '../ui/office-name.js';
import { formStyles, visuallyHiddenStyles } from '../ui/shared-styles.js';
import type { HistorySignoff } from './history-timeline.js';

/** "Compare with what <office> approved": the person picks an office, and sees what changed since its latest approval. */
export class JlApprovedComparison extends LitElement {
  private readonly languageController = new LanguageController(this);

  static override properties = {
    approvals: { attribute: false },
    currentText: { attribute: false },
    offices: { attribute: false },
    officeId: { state: true },
  };

  /** Each office's latest approval of the paragraph. */
  declare approvals: HistorySignoff[];
  /** The paragraph's text as the person sees it now. */
  declare currentText: string;
  declare offices: Office[];
  declare private officeId: string;

  constructor() {
    super();
    this.approvals = [];
    this.currentText = '';
    this.offices = [];
    this.officeId = '';
  }

  override render() {
    if (this.approvals.length === 0) return html`<p class="hint">${t('history.noOfficeHasApprovedThis')}</p>`;
    const chosen = this.approvals.find((approval) => approval.officeId === this.officeId);
    return html`<div class="field">
        <label for="approved-office">${t('history.compareWithWhatAnOffice')}</label>
        <select id="approved-office" @change=${(event: Event) => (this.officeId = (event.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!chosen}>${t('history.chooseAnOffice')}</option>
          ${this.approvals.map(
            (approval) =>
              html`<option value=${approval.officeId} ?selected=${approval.officeId === this.officeId}>
                ${officeName(this.offices, approval.officeId)}
              </option>`,
          )}
        </select>
      </div>
      ${chosen ? this.renderDiff(chosen) : null}`;
  }

  private renderDiff(approval: HistorySignoff) {
    const name = officeName(this.offices, approval.officeId);
    return html`<section aria-labelledby="approved-diff-heading">
      <h3 id="approved-diff-heading">${t('history.whatChangedSinceApproved', { name: name })}</h3>
      <p class="hint">${t('history.approvedBy', { by: approval.by, dateTime: formatDateTime(approval.at) })}</p>
      ${approval.paragraphText === this.currentText
        ? html`<p>${t('history.nothingTheTextIsThe', { name: name })}</p>`
        : html`${renderWordDiff(approval.paragraphText, this.currentText)} ${renderDiffLegend()}`}
    </section>`;
  }

  static override styles = [
    formStyles,
    visuallyHiddenStyles,
    wordDiffStyles,
    css`
      :host {
        display: grid;
        gap: 0.5rem;
      }
      h3 {
        margin: 0.25rem 0;
        font-size: 1rem;
      }
      p {
        margin: 0;
      }
      .hint {
        margin: 0 0 0.25rem;
        font-size: 0.875rem;
      }
    `,
  ];
}

customElements.define('jl-approved-comparison', JlApprovedComparison);

declare global {
  interface HTMLElementTagNameMap {
    'jl-approved-comparison': JlApprovedComparison;
  }
}
