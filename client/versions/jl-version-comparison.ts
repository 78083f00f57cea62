import { t } from '../i18n/translate.js';
import { LanguageController } from '../i18n/language-controller.js';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { type ComparisonEntry, ParagraphChange, type VersionComparison, type VersionSummary } from '../../shared/api/versions.js';
import { describeError } from '../api/api-error.js';
import { compareVersions, currentTextRef } from '../api/versions-api.js';
import { dispatchIfSessionExpired } from '../session/dispatch-if-session-expired.js';
import { renderDiffLegend, renderWordDiff, wordDiffStyles } from '../signoff/render-word-diff.js';
import { formatDateTime } from '../ui/format-date-time.js';
import { buttonStyles, formStyles, messageStyles, visuallyHiddenStyles } from '../ui/shared-styles.js';
import { paragraphChangeLabel, summarizeComparison } from './paragraph-change-labels.js';

/** Two states of the letter side by side, paragraph by paragraph: any two versions, or a version and now. */
export class JlVersionComparison extends LitElement {
  private readonly languageController = new LanguageController(this);

  static override properties = {
    letterId: { attribute: false },
    versions: { attribute: false },
    from: { state: true },
    to: { state: true },
    comparison: { state: true },
    isComparing: { state: true },
    showsUnchanged: { state: true },
    error: { state: true },
  };

  declare letterId: string;
  /** Newest first, as the server lists them. */
  declare versions: VersionSummary[];
  declare private from: string;
  declare private to: string;
  declare private comparison: VersionComparison | undefined;
  declare private isComparing: boolean;
  declare private showsUnchanged: boolean;
  declare private error: string | null;

  constructor() {
    super();
    this.letterId = '';
    this.versions = [];
    this.from = '';
    this.to = currentTextRef;
    this.comparison = undefined;
    this.isComparing = false;
    this.showsUnchanged = false;
    this.error = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Until the person chooses, compare the newest version with the text as it is now.
    const refs = [currentTextRef, ...this.versions.map((version) => version.id)];
    if (changed.has('versions') && !refs.includes(this.from)) this.from = this.versions[0]?.id ?? currentTextRef;
    if (changed.has('versions') && !refs.includes(this.to)) this.to = currentTextRef;
  }

  private async compare(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    this.from = String(data.get('from') ?? currentTextRef);
    this.to = String(data.get('to') ?? currentTextRef);
    this.isComparing = true;
    this.error = null;
    try {
      this.comparison = await compareVersions(this.letterId, this.from, this.to);
    } catch (error) {
      if (dispatchIfSessionExpired(this, error)) return;
      this.error = describeError(error);
    } finally {
      this.isComparing = false;
    }
  }

  override render() {
    return html`
      <form @submit=${this.compare}>
        <div class="choices">
          ${this.renderChoice('from', t('versions.from'), this.from)} ${this.renderChoice('to', t('versions.to'), this.to)}
        </div>
        <button type="submit" class="primary" ?disabled=${this.isComparing}>${this.isComparing ? t('versions.comparing') : t('versions.compare')}</button>
      </form>
      ${this.error ? html`<p class="message error" role="alert">${this.error}</p>` : null}
      <p class="visually-hidden" role="status">${this.comparison ? summarizeComparison(this.comparison.entries) : ''}</p>
      ${this.comparison ? this.renderComparison(this.comparison) : null}
    `;
  }

  private renderChoice(name: 'from' | 'to', label: string, selected: string) {
    return html`<div class="field">
      <label for=${`compare-${name}`}>${label}</label>
      <select id=${`compare-${name}`} name=${name}>
        <option value=${currentTextRef} ?selected=${selected === currentTextRef}>${t('versions.currentText')}</option>
        ${this.versions.map(
          (version) => html`<option value=${version.id} ?selected=${selected === version.id}>${version.name} (${formatDateTime(version.at)})</option>`,
        )}
      </select>
    </div>`;
  }

  private renderComparison(comparison: VersionComparison) {
    const entries = this.showsUnchanged ? comparison.entries : comparison.entries.filter((entry) => entry.change !== ParagraphChange.unchanged);
    return html`<section class="comparison" aria-labelledby="comparison-heading">
      <h3 id="comparison-heading">${t('versions.fromTo', { name: comparison.from.name, name2: comparison.to.name })}</h3>
      <p class="summary">${summarizeComparison(comparison.entries)}</p>
      <div class="toggle">
        <input
          type="checkbox"
          id="show-unchanged"
          .checked=${this.showsUnchanged}
          @change=${(event: Event) => (this.showsUnchanged = (event.target as HTMLInputElement).checked)}
        />
        <label for="show-unchanged">${t('versions.showUnchangedParagraphs')}</label>
      </div>
      ${renderDiffLegend()}
      <ol class="entries" aria-label=${t('versions.paragraphsCompared')}>
        ${entries.map((entry) => this.renderEntry(entry))}
      </ol>
    </section>`;
  }

  private renderEntry(entry: ComparisonEntry) {
    const before = entry.before?.text ?? '';
    const after = entry.after?.text ?? '';
    const isPlain = entry.change === ParagraphChange.unchanged || entry.change === ParagraphChange.moved;
    return html`<li class="entry change-${entry.change}">
      <p class="change-label"><strong>${paragraphChangeLabel[entry.change]}</strong></p>
      ${isPlain ? html`<p class="diff-text">${after}</p>` : renderWordDiff(before, after)}
    </li>`;
  }

  static override styles = [
    buttonStyles,
    formStyles,
    messageStyles,
    visuallyHiddenStyles,
    wordDiffStyles,
    css`
      :host {
        display: block;
      }
      form {
        gap: 0.75rem;
      }
      .choices {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem 1.5rem;
        width: 100%;
      }
      .choices .field {
        flex: 1 1 16rem;
      }
      h3 {
        margin: 1.5rem 0 0.25rem;
        font-size: 1.0625rem;
      }
      .summary {
        margin: 0 0 0.5rem;
      }
      .toggle {
        display: flex;
        align-items: center;
        gap: 0.5rem;
      }
      .toggle label {
        font-weight: normal;
      }
      .entries {
        list-style: none;
        margin: 0.75rem 0 0;
        padding: 0;
        display: grid;
        gap: 0.75rem;
      }
      .entry {
        display: grid;
        gap: 0.25rem;
        padding-inline-start: 0.75rem;
        border-inline-start: 4px solid var(--jl-border);
      }
      .change-label {
        margin: 0;
      }
      .change-added {
        border-inline-start-color: var(--jl-success);
      }
      .change-deleted {
        border-inline-start-color: var(--jl-danger);
      }
      .change-changed,
      .change-moved_and_changed,
      .change-moved {
        border-inline-start-color: var(--jl-accent);
      }
      .change-unchanged .diff-text {
        color: var(--jl-text-muted);
      }
    `,
  ];
}

customElements.define('jl-version-comparison', JlVersionComparison);

declare global {
  interface HTMLElementTagNameMap {
    'jl-version-comparison': JlVersionComparison;
  }
}
