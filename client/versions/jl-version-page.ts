import { t } from '../i18n/translate.js';
import { LanguageController } from '../i18n/language-controller.js';
import { Editor, type JSONContent } from '@tiptap/core';
import { css, html, LitElement, type PropertyValues } from 'lit';
import type { VersionDetail } from '../../shared/api/versions.js';
import { ErrorCode } from '../../shared/api/errors.js';
import { letterExtensions } from '../../shared/domain/editor-extensions.js';
import { ApiError, describeError } from '../api/api-error.js';
import { loadLetter } from '../api/letters-api.js';
import { loadVersion } from '../api/versions-api.js';
import { letterVersionsPath } from '../app/route.js';
import { letterStatusLabel } from '../letters/letter-status-label.js';
import { dispatchIfSessionExpired } from '../session/dispatch-if-session-expired.js';
import { adoptDocumentStyles } from '../ui/adopt-document-styles.js';
import { formatDateTime } from '../ui/format-date-time.js';
import '../export/jl-export-menu.js';
import { formatLetterDate } from '../letters/format-letter-date.js';
import '../letters/jl-letterhead.js';
import '../letters/jl-signature-blocks.js';

/**
 * One saved version of the letter, read-only: its body rendered by a non-editable editor built
 * from the same schema as the live one, so headings, lists, marks and links look as they did.
 * Light DOM, like the letter page, because the editor must not sit in a shadow root.
 */
export class JlVersionPage extends LitElement {
  private readonly languageController = new LanguageController(this);

  static override properties = {
    letterId: { attribute: false },
    versionId: { attribute: false },
    detail: { state: true },
    letterTitle: { state: true },
    error: { state: true },
    isNotFound: { state: true },
    hasRenderFailed: { state: true },
  };

  declare letterId: string;
  declare versionId: string;
  declare private detail: VersionDetail | undefined;
  declare private letterTitle: string;
  declare private error: string | null;
  declare private isNotFound: boolean;
  /** The body did not fit the editor's schema: its paragraphs are shown as plain text instead. */
  declare private hasRenderFailed: boolean;
  private editor: Editor | undefined;

  constructor() {
    super();
    this.letterId = '';
    this.versionId = '';
    this.detail = undefined;
    this.letterTitle = '';
    this.error = null;
    this.isNotFound = false;
    this.hasRenderFailed = false;
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    adoptDocumentStyles(this, versionPageStyles);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.destroyEditor();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('letterId') || changed.has('versionId')) void this.load();
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('detail')) this.showBody();
  }

  private async load(): Promise<void> {
    const { letterId, versionId } = this;
    this.destroyEditor();
    this.detail = undefined;
    this.error = null;
    this.isNotFound = false;
    this.hasRenderFailed = false;
    if (!letterId || !versionId) return;
    try {
      const [detail, letter] = await Promise.all([loadVersion(letterId, versionId), loadLetter(letterId)]);
      if (letterId !== this.letterId || versionId !== this.versionId) return;
      this.letterTitle = letter.title;
      this.detail = detail;
      document.title = t('versions.jointly', { name: detail.version.name, title: letter.title });
    } catch (error) {
      if (letterId !== this.letterId || versionId !== this.versionId || dispatchIfSessionExpired(this, error)) return;
      this.isNotFound = error instanceof ApiError && (error.code === ErrorCode.notFound || error.status === 404);
      this.error = this.isNotFound ? t('versions.thisVersionDoesNotExist') : describeError(error);
      document.title = t('versions.versionNotAvailableJointly');
    }
  }

  private showBody(): void {
    this.destroyEditor();
    const surface = this.querySelector<HTMLElement>('.version-surface');
    if (!this.detail || !surface) return;
    try {
      this.editor = new Editor({
        element: surface,
        editable: false,
        injectCSS: false,
        extensions: letterExtensions(),
        content: this.detail.body as JSONContent,
        // A body the schema cannot hold whole is shown as its plain paragraphs rather than in part.
        enableContentCheck: true,
        onContentError: () => (this.hasRenderFailed = true),
        editorProps: { attributes: { class: 'version-text', 'aria-label': t('versions.textOfTheVersion'), role: 'document' } },
      });
    } catch {
      this.hasRenderFailed = true;
    }
    if (this.hasRenderFailed) this.destroyEditor();
  }

  private destroyEditor(): void {
    this.editor?.destroy();
    this.editor = undefined;
  }

  override render() {
    const detail = this.detail;
    return html`
      <p><a href=${letterVersionsPath(this.letterId)}><span aria-hidden="true">←</span> ${t('versions.allVersionsOfTheLetter')}</a></p>
      ${this.error
        ? html`<h1>${this.isNotFound ? t('versions.versionNotFound') : t('versions.theVersionCouldNotBe')}</h1>
            <p class="message error" role="alert">${this.error}</p>`
        : detail
          ? this.renderVersion(detail)
          : html`<p>${t('versions.loadingTheVersion')}</p>`}
    `;
  }

  private renderVersion(detail: VersionDetail) {
    const { version, letter } = detail;
    const signatories = [...(letter?.signatories ?? [])].sort((a, b) => a.position - b.position);
    return html`
      <h1>${version.name}</h1>
      <p class="read-only-note">
        ${t('versions.readOnlyVersionSavedOn')} <time datetime=${version.at}>${formatDateTime(version.at)}</time> ${t('versions.byWhileTheLetterWas', { by: version.by, value: letterStatusLabel[version.status] })}
      </p>
      <div class="version-downloads"><jl-export-menu .letterId=${this.letterId} .versionId=${version.id}></jl-export-menu></div>
      ${letter
        ? null
        : html`<p class="read-only-note">${t('versions.thisVersionWasSavedBefore')}</p>`}
      <article class="version-letter" aria-labelledby="version-letter-title">
        ${letter ? html`<jl-letterhead .signatories=${signatories}></jl-letterhead>` : null}
        ${letter && (letter.addressees.length > 0 || letter.letterDate)
          ? html`<div class="version-meta">
              ${letter.addressees.length > 0
                ? html`<p class="meta-label" id="version-addressees-label">${t('versions.to')}</p>
                    <ul aria-labelledby="version-addressees-label">
                      ${letter.addressees.map((addressee) => html`<li>${addressee}</li>`)}
                    </ul>`
                : null}
              ${letter.letterDate ? html`<p class="version-date">${formatLetterDate(letter.letterDate)}</p>` : null}
            </div>`
          : null}
        <h2 id="version-letter-title">${letter?.title ?? this.letterTitle}</h2>
        ${letter?.subject ? html`<p class="version-subject"><span class="meta-label">${t('versions.subject')}</span> ${letter.subject}</p>` : null}
        ${this.hasRenderFailed
          ? html`<div class="version-text">${detail.paragraphs.map((paragraph) => html`<p>${paragraph.text}</p>`)}</div>`
          : html`<div class="version-surface"></div>`}
        ${letter ? html`<jl-signature-blocks .signatories=${signatories}></jl-signature-blocks>` : null}
      </article>
    `;
  }
}

/** Light-DOM styles: the letter's paper and typography, without the editing chrome. */
const versionPageStyles = css`
  jl-version-page {
    display: block;
  }
  jl-version-page h1 {
    margin: 0 0 1rem;
  }
  jl-version-page .version-downloads {
    margin: 0 0 1rem;
  }
  jl-version-page .version-meta {
    margin-top: 1.5rem;
  }
  jl-version-page .version-meta ul {
    margin: 0 0 0.75rem;
    padding: 0;
    list-style: none;
  }
  jl-version-page .meta-label {
    margin: 0;
    font-weight: 600;
  }
  jl-version-page .version-date,
  jl-version-page .version-subject {
    margin: 0 0 0.75rem;
  }
  jl-version-page .read-only-note {
    padding: 0.5rem 0.75rem;
    background: var(--jl-accent-soft);
    border-inline-start: 4px solid var(--jl-accent);
  }
  jl-version-page .message.error {
    padding: 0.5rem 0.75rem;
    color: var(--jl-danger);
    background: var(--jl-danger-soft);
    border-inline-start: 4px solid currentColor;
  }
  jl-version-page .version-letter {
    padding: 2rem;
    background: var(--jl-paper);
    border: 1px solid var(--jl-border);
    border-radius: var(--jl-radius);
  }
  jl-version-page .version-letter > h2 {
    margin: 0 0 1rem;
    font-size: 1.5rem;
  }
  jl-version-page .version-text {
    font-family: var(--jl-font-letter);
    font-size: 1.125rem;
    line-height: 1.6;
    white-space: pre-wrap;
    word-wrap: break-word;
  }
  jl-version-page .version-text p {
    margin: 0 0 0.85em;
  }
  jl-version-page .version-text :is(h1, h2, h3) {
    font-family: var(--jl-font);
    line-height: 1.3;
    margin: 1.25em 0 0.5em;
    font-size: 1.1875rem;
  }
  jl-version-page .version-text :is(ul, ol) {
    margin: 0 0 0.85em;
    padding-inline-start: 1.75em;
  }
  jl-version-page .version-text li > p {
    margin: 0 0 0.35em;
  }
  jl-version-page .version-text:focus-visible {
    outline: 3px solid var(--jl-focus);
    outline-offset: 2px;
  }
`;

customElements.define('jl-version-page', JlVersionPage);

declare global {
  interface HTMLElementTagNameMap {
    'jl-version-page': JlVersionPage;
  }
}
