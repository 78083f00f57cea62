import { t } from '../i18n/translate.js';
import { LanguageController } from '../i18n/language-controller.js';
import { css, html, LitElement, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { longParagraphCharacters, type ImportPreview } from '../../shared/api/interchange.js';
import type { Office } from '../../shared/api/offices.js';
import { describeError } from '../api/api-error.js';
import { importLetter, previewImport } from '../api/imports-api.js';
import { loadOffices } from '../api/offices-api.js';
import { letterPath, navigate } from '../app/route.js';
import { officeLanguage } from '../letters/office-language.js';
import { dispatchIfSessionExpired } from '../session/dispatch-if-session-expired.js';
import { importWarningText } from './import-warning-text.js';
import { buttonStyles, formStyles, messageStyles, noticeStyles } from '../ui/shared-styles.js';

const acceptedFiles = '.md,.markdown,.txt,.docx,text/markdown,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * Starts a letter from a Markdown or Word file in two steps: choosing the file shows what the
 * letter would be (nothing is stored yet), with an offer to take the addressees and signature
 * blocks found in the file as the letter's own; confirming creates it.
 */
export class JlLetterImport extends LitElement {
  private readonly languageController = new LanguageController(this);

  static override properties = {
    file: { state: true },
    preview: { state: true },
    offices: { state: true },
    error: { state: true },
    isBusy: { state: true },
  };

  declare private file: File | null;
  declare private preview: ImportPreview | null;
  declare private offices: Office[];
  declare private error: string | null;
  declare private isBusy: boolean;

  constructor() {
    super();
    this.file = null;
    this.preview = null;
    this.offices = [];
    this.error = null;
    this.isBusy = false;
  }

  private async choose(event: Event): Promise<void> {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0] ?? null;
    this.file = file;
    this.preview = null;
    this.error = null;
    if (!file) return;
    this.isBusy = true;
    try {
      const [preview, offices] = await Promise.all([previewImport(file), this.offices.length > 0 ? this.offices : loadOffices()]);
      if (this.file !== file) return;
      this.preview = preview;
      this.offices = offices;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#import-preview-heading')?.focus();
    } catch (error) {
      if (dispatchIfSessionExpired(this, error)) return;
      if (this.file === file) this.error = describeError(error);
    } finally {
      this.isBusy = false;
    }
  }

  private async confirm(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!this.file || !this.preview || this.isBusy) return;
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const title = String(data.get('title') ?? '').trim();
    if (!title) {
      this.error = t('import.enterATitleForThe');
      this.renderRoot.querySelector<HTMLInputElement>('#import-title')?.focus();
      return;
    }
    this.error = null;
    this.isBusy = true;
    try {
      const letter = await importLetter(this.file, {
        title,
        subject: String(data.get('subject') ?? '').trim(),
        takeAddressees: data.get('takeAddressees') === 'on',
        takeSignatories: data.get('takeSignatories') === 'on',
      });
      navigate(letterPath(letter.id));
    } catch (error) {
      if (dispatchIfSessionExpired(this, error)) return;
      this.error = describeError(error);
    } finally {
      this.isBusy = false;
    }
  }

  private cancel(): void {
    this.file = null;
    this.preview = null;
    this.error = null;
    const input = this.renderRoot.querySelector<HTMLInputElement>('#import-file');
    if (input) {
      input.value = '';
      input.focus();
    }
  }

  override render() {
    return html`
      <div class="field">
        <label for="import-file">${t('import.markdownOrWordFile')}</label>
        <p class="hint" id="import-file-hint">${t('import.aMdOrDocxFile')}</p>
        <input
          id="import-file"
          type="file"
          accept=${acceptedFiles}
          aria-describedby="import-file-hint"
          ?disabled=${this.isBusy && !this.preview}
          @change=${this.choose}
        />
      </div>
      <p class="busy" role="status">${this.isBusy && !this.preview ? t('import.readingTheFile') : ''}</p>
      ${this.error ? html`<p class="message error" role="alert">${this.error}</p>` : nothing}
      ${this.preview ? this.renderPreview(this.preview) : nothing}
    `;
  }

  private renderPreview(preview: ImportPreview) {
    return html`
      <form class="preview" aria-labelledby="import-preview-heading" @submit=${this.confirm}>
        <h3 id="import-preview-heading" tabindex="-1">${t('import.theLetterFrom', { fileName: preview.fileName })}</h3>
        <p>
          ${preview.noteCount > 0
            ? t('import.paragraphsWithNotes', { count: preview.paragraphCount, notes: t('import.footnotes', { count: preview.noteCount }) })
            : t('import.paragraphCount', { count: preview.paragraphCount })}
        </p>
        ${preview.suggestionCount > 0
          ? html`<p class="suggestion-count">
              ${t('import.trackedChangesCome', { count: preview.suggestionCount })}
            </p>`
          : nothing}
        ${this.renderLongParagraphs(preview)}
        ${preview.warnings.length > 0
          ? html`<ul class="message notice" aria-label=${t('import.whatChangedOnImport')}>
              ${preview.warnings.map((warning) => html`<li>${importWarningText(warning)}</li>`)}
            </ul>`
          : nothing}
        <div class="field">
          <label for="import-title">${t('import.title')} <span class="required">${t('import.required')}</span></label>
          <input id="import-title" name="title" type="text" autocomplete="off" aria-required="true" .value=${preview.title} />
        </div>
        <div class="field">
          <label for="import-subject">${t('import.subject')}</label>
          <input id="import-subject" name="subject" type="text" autocomplete="off" .value=${preview.subject} />
        </div>
        ${this.renderAddresseeOffer(preview)} ${this.renderSignatoryOffer(preview)}
        ${preview.excerpt.length > 0
          ? html`<figure class="excerpt">
              <figcaption>${t('import.theTextBegins')}</figcaption>
              ${preview.excerpt.map((paragraph) => html`<p>${paragraph}</p>`)}
            </figure>`
          : nothing}
        <div class="actions">
          <button class="primary" type="submit" ?disabled=${this.isBusy}>${this.isBusy ? t('import.creating') : t('import.createLetterFromFile')}</button>
          <button class="secondary" type="button" @click=${this.cancel}>${t('import.chooseAnotherFile')}</button>
        </div>
      </form>
    `;
  }

  /** Paragraphs too long to sign off one by one: named before the letter exists, so they can be split first. */
  private renderLongParagraphs(preview: ImportPreview) {
    const long = preview.longParagraphs;
    if (long.length === 0) return nothing;
    return html`
      <div class="message notice long-paragraphs" role="group" aria-labelledby="long-paragraphs-heading">
        <p id="long-paragraphs-heading">
          <strong>${t('import.paragraphsTooLong', { count: long.length })}</strong>
          ${t('import.tooLongAdvice', { count: long.length, limit: longParagraphCharacters })}
        </p>
        <ul>
          ${long.map(
            (paragraph) =>
              html`<li>${t('import.longParagraph', { number: paragraph.number, characters: paragraph.characters, opening: paragraph.opening })}</li>`,
          )}
        </ul>
      </div>
    `;
  }

  private renderAddresseeOffer(preview: ImportPreview) {
    if (preview.addressees.length === 0) return html`<p>${t('import.noAddresseeListWasRecognised')}</p>`;
    return html`
      <fieldset class="offer">
        <legend>${t('import.addresseesFoundInTheFile')}</legend>
        <ul>
          ${preview.addressees.map((addressee) => html`<li>${addressee}</li>`)}
        </ul>
        <label class="check">
          <input type="checkbox" name="takeAddressees" checked />
          ${t('import.makeTheseTheLetterS')}
        </label>
      </fieldset>
    `;
  }

  private renderSignatoryOffer(preview: ImportPreview) {
    if (preview.signatories.length === 0) return html`<p>${t('import.noSignatureBlocksOfKnown')}</p>`;
    const officeById = new Map(this.offices.map((office) => [office.id, office]));
    return html`
      <fieldset class="offer">
        <legend>${t('import.signatureBlocksFoundInThe')}</legend>
        <ol>
          ${preview.signatories.map((signatory) => {
            const office = officeById.get(signatory.officeId);
            return html`<li>
              <strong>${signatory.signerName}</strong>${signatory.capacity ? `, ${signatory.capacity}` : ''}
              <span class="office">— ${office?.country ?? ''}:
                <span lang=${ifDefined(office ? officeLanguage(office) : undefined)}>${office?.name ?? signatory.officeId}</span></span>
            </li>`;
          })}
        </ol>
        <label class="check">
          <input type="checkbox" name="takeSignatories" checked />
          ${t('import.makeTheseOfficesTheLetter')}
        </label>
      </fieldset>
    `;
  }

  static override styles = [
    buttonStyles,
    messageStyles,
    noticeStyles,
    formStyles,
    css`
      :host {
        display: grid;
        gap: 1rem;
      }
      label {
        font-weight: 600;
      }
      .hint,
      .busy:empty {
        margin: 0;
      }
      .hint {
        color: var(--jl-text-muted);
        font-size: 0.9375rem;
      }
      input[type='file']:focus-visible,
      input[type='checkbox']:focus-visible {
        outline: 3px solid var(--jl-focus);
        outline-offset: 2px;
      }
      .preview {
        padding: 1rem 1.25rem;
        border: 1px solid var(--jl-border);
        border-radius: var(--jl-radius);
      }
      .preview h3 {
        margin: 0;
        font-size: 1.125rem;
      }
      .preview h3:focus {
        outline: none;
      }
      .preview > p {
        margin: 0;
      }
      .required {
        font-weight: 400;
        color: var(--jl-text-muted);
      }
      .offer {
        width: 100%;
        max-width: 40rem;
        margin: 0;
        padding: 0.75rem 1rem 1rem;
        border: 1px solid var(--jl-border);
        border-radius: var(--jl-radius);
      }
      .offer legend {
        font-weight: 600;
        padding: 0 0.25rem;
      }
      .offer ul,
      .offer ol {
        margin: 0.25rem 0 0.75rem;
        padding-inline-start: 1.5rem;
      }
      .check {
        font-weight: 400;
        display: flex;
        gap: 0.5rem;
        align-items: flex-start;
      }
      .check input {
        width: 1.25rem;
        height: 1.25rem;
        margin: 0.125rem 0 0;
        flex: none;
        accent-color: var(--jl-accent);
      }
      .office {
        color: var(--jl-text-muted);
      }
      .excerpt {
        margin: 0;
        max-width: 40rem;
        padding-inline-start: 0.75rem;
        border-inline-start: 3px solid var(--jl-border);
        color: var(--jl-text-muted);
      }
      .excerpt p {
        margin: 0.25rem 0;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
      }
    `,
  ];
}

customElements.define('jl-letter-import', JlLetterImport);

declare global {
  interface HTMLElementTagNameMap {
    'jl-letter-import': JlLetterImport;
  }
}
