import { t } from '../i18n/translate.js';
import { LanguageController } from '../i18n/language-controller.js';
import { css, html, LitElement, nothing } from 'lit';
import { ExportFormat } from '../../shared/api/interchange.js';
import { describeError } from '../api/api-error.js';
import { downloadExport } from '../api/exports-api.js';
import { dispatchIfSessionExpired } from '../session/dispatch-if-session-expired.js';

const formats: { format: ExportFormat; label: string }[] = [
  { format: ExportFormat.docx, get label() { return t('export.wordDocx'); } },
  { format: ExportFormat.pdf, label: 'PDF' },
  { format: ExportFormat.markdown, get label() { return t('export.markdownMd'); } },
];

/**
 * "Download" on the letter page: the letter as Word, PDF or Markdown, with its letterhead,
 * signature blocks and, once signed, the record of signatures; on request with the open comments
 * and reservations. A disclosure button opens the choices; Escape closes them.
 */
export class JlExportMenu extends LitElement {
  private readonly languageController = new LanguageController(this);

  static override properties = {
    letterId: { attribute: false },
    versionId: { attribute: false },
    isOpen: { state: true },
    pending: { state: true },
    withComments: { state: true },
    error: { state: true },
  };

  declare letterId: string;
  /** A saved version to download instead of the current letter. */
  declare versionId: string | undefined;
  declare private isOpen: boolean;
  declare private pending: ExportFormat | null;
  /** Word comments and a PDF appendix for the open threads and reservations. */
  declare private withComments: boolean;
  declare private error: string | null;

  constructor() {
    super();
    this.letterId = '';
    this.versionId = undefined;
    this.isOpen = false;
    this.pending = null;
    this.withComments = false;
    this.error = null;
    this.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape' || !this.isOpen) return;
      this.isOpen = false;
      this.renderRoot.querySelector<HTMLButtonElement>('.toggle')?.focus();
    });
    // Closing when focus moves on to something else keeps the menu from covering the letter.
    this.addEventListener('focusout', (event) => {
      const next = event.relatedTarget as Node | null;
      if (next && !this.contains(next) && !this.renderRoot.contains(next)) this.isOpen = false;
    });
  }

  private async download(format: ExportFormat): Promise<void> {
    if (this.pending) return;
    this.pending = format;
    this.error = null;
    try {
      const { blob, fileName } = await downloadExport(this.letterId, format, this.versionId, this.withComments && !this.versionId);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      link.click();
      // The browser has the file once the click is handled; the address can go.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      if (dispatchIfSessionExpired(this, error)) return;
      this.error = t('export.theDownloadFailed', { error: describeError(error) });
    } finally {
      this.pending = null;
    }
  }

  override render() {
    const pendingLabel = formats.find((entry) => entry.format === this.pending)?.label;
    return html`
      <button type="button" class="toggle" aria-expanded=${this.isOpen ? 'true' : 'false'} aria-controls="export-choices" @click=${() => (this.isOpen = !this.isOpen)}>
        ${t('export.download')}<span class="chevron" aria-hidden="true">${this.isOpen ? '▴' : '▾'}</span>
      </button>
      <div id="export-choices" class="choices" ?hidden=${!this.isOpen}>
        <ul role="list" aria-label=${this.versionId ? t('export.downloadThisVersionAs') : t('export.downloadTheLetterAs')}>
          ${formats.map(
            ({ format, label }) => html`<li>
              <button type="button" aria-disabled=${this.pending ? 'true' : 'false'} @click=${() => this.download(format)}>${label}</button>
            </li>`,
          )}
        </ul>
        ${this.versionId
          ? nothing
          : html`<div class="option">
              <input
                id="with-comments"
                type="checkbox"
                aria-describedby="with-comments-hint"
                .checked=${this.withComments}
                @change=${(event: Event) => (this.withComments = (event.target as HTMLInputElement).checked)}
              />
              <label for="with-comments">${t('export.withOpenCommentsAndReservations')}</label>
              <span class="hint" id="with-comments-hint">${t('export.wordAsCommentsOnThe')}</span>
            </div>`}
        <p class="status" role="status">${pendingLabel ? t('export.preparing', { pendingLabel: pendingLabel }) : ''}</p>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      </div>
    `;
  }

  static override styles = css`
    :host {
      position: relative;
      display: inline-block;
    }
    button {
      font: inherit;
      font-size: 0.9375rem;
      cursor: pointer;
      border-radius: var(--jl-radius);
    }
    button:focus-visible {
      outline: 3px solid var(--jl-focus);
      outline-offset: 2px;
    }
    /* Not disabled while a file is prepared: a disabled button would lose the keyboard focus. */
    button[aria-disabled='true'] {
      cursor: progress;
      opacity: 0.6;
    }
    .toggle {
      padding: 0.25rem 0.75rem;
      color: var(--jl-accent);
      background: var(--jl-paper);
      border: 1px solid var(--jl-accent);
    }
    .toggle[aria-expanded='true'] {
      color: #fff;
      background: var(--jl-accent);
    }
    .chevron {
      margin-inline-start: 0.375rem;
    }
    .choices {
      position: absolute;
      z-index: 4;
      top: calc(100% + 0.25rem);
      inset-inline-start: 0;
      min-width: 14rem;
      padding: 0.5rem;
      background: var(--jl-paper);
      border: 1px solid var(--jl-border-strong);
      border-radius: var(--jl-radius);
      box-shadow: 0 4px 16px rgb(0 0 0 / 0.12);
    }
    .choices[hidden] {
      display: none;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.25rem;
    }
    ul button {
      width: 100%;
      padding: 0.375rem 0.75rem;
      text-align: start;
      color: var(--jl-text);
      background: transparent;
      border: 1px solid transparent;
    }
    ul button:hover:not([aria-disabled='true']) {
      background: var(--jl-accent-soft);
    }
    .option {
      display: grid;
      grid-template-columns: auto 1fr;
      column-gap: 0.5rem;
      margin: 0.5rem 0 0;
      padding-top: 0.5rem;
      border-top: 1px solid var(--jl-border);
      font-size: 0.875rem;
    }
    .option input {
      margin: 0.2rem 0 0;
    }
    .option .hint {
      grid-column: 2;
      color: var(--jl-text-muted);
      font-size: 0.8125rem;
    }
    .status:empty {
      display: none;
    }
    .status,
    .error {
      margin: 0.5rem 0 0;
      font-size: 0.875rem;
    }
    .error {
      color: var(--jl-danger);
    }
  `;
}

customElements.define('jl-export-menu', JlExportMenu);

declare global {
  interface HTMLElementTagNameMap {
    'jl-export-menu': JlExportMenu;
  }
}
