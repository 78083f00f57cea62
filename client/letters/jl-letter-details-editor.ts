import { t } from '../i18n/translate.js';
import { LanguageController } from '../i18n/language-controller.js';
import { css, html, LitElement, nothing } from 'lit';
import type { z } from 'zod';
import { ifDefined } from 'lit/directives/if-defined.js';
import {
  type LetterDetailField,
  type LetterDetails,
  type LetterDetailsEdit,
  letterDetailLimits,
  letterDetailsRequestSchema,
} from '../../shared/api/letter-details.js';
import { ErrorCode } from '../../shared/api/errors.js';
import { ApiError, describeError } from '../api/api-error.js';
import { loadLetterDetailsHistory, saveLetterDetails } from '../api/letter-details-api.js';
import { dispatchIfSessionExpired } from '../session/dispatch-if-session-expired.js';
import { formatDateTime } from '../ui/format-date-time.js';
import { buttonStyles, messageStyles, visuallyHiddenStyles } from '../ui/shared-styles.js';
import { formatLetterDate } from './format-letter-date.js';

const fieldLabels: Record<LetterDetailField, string> = {
  get title() { return t('letters.title'); },
  get subject() { return t('letters.subject'); },
  get addressees() { return t('letters.addressees'); },
  get letterDate() { return t('letters.date'); },
};

/** Each field as it is named inside a sentence ("Enter the subject."), in the interface's language. */
const fieldInSentence: Record<LetterDetailField, string> = {
  get title() { return t('letters.titleInSentence'); },
  get subject() { return t('letters.subjectInSentence'); },
  get addressees() { return t('letters.addresseeInSentence'); },
  get letterDate() { return t('letters.dateInSentence'); },
};

/**
 * The coordinator's "Edit details" form for a letter's title, subject, addressees and date, and
 * for every member the list of changes to them (rule D2). The form is offered only while the rule
 * allows it (`canEdit`, from `mayEditDetails`); the server decides again.
 */
export class JlLetterDetailsEditor extends LitElement {
  private readonly languageController = new LanguageController(this);

  static override properties = {
    letterId: { attribute: false },
    details: { attribute: false },
    canEdit: { attribute: false },
    isEditing: { state: true },
    isSaving: { state: true },
    errors: { state: true },
    formError: { state: true },
    savedNote: { state: true },
    edits: { state: true },
    isHistoryOpen: { state: true },
    historyError: { state: true },
  };

  declare letterId: string;
  declare details: LetterDetails | undefined;
  declare canEdit: boolean;
  declare private isEditing: boolean;
  declare private isSaving: boolean;
  declare private errors: Partial<Record<LetterDetailField, string>>;
  declare private formError: string | null;
  declare private savedNote: string;
  declare private edits: LetterDetailsEdit[] | undefined;
  declare private isHistoryOpen: boolean;
  declare private historyError: string | null;

  constructor() {
    super();
    this.letterId = '';
    this.details = undefined;
    this.canEdit = false;
    this.isEditing = false;
    this.isSaving = false;
    this.errors = {};
    this.formError = null;
    this.savedNote = '';
    this.edits = undefined;
    this.isHistoryOpen = false;
    this.historyError = null;
  }

  protected override willUpdate(): void {
    // The rule stopped allowing edits while the form was open (the letter moved to ready).
    if (!this.canEdit && this.isEditing) this.isEditing = false;
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    // Someone changed the details: an open history shows that change too.
    if (changed.has('details') && changed.get('details') !== undefined && this.isHistoryOpen) void this.loadHistory();
  }

  private async openForm(): Promise<void> {
    this.isEditing = true;
    this.errors = {};
    this.formError = null;
    this.savedNote = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#details-title')?.focus();
  }

  private async closeForm(): Promise<void> {
    this.isEditing = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('.edit-toggle')?.focus();
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.isSaving) return;
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const parsed = letterDetailsRequestSchema.safeParse({
      title: String(data.get('title') ?? ''),
      subject: String(data.get('subject') ?? ''),
      addressees: String(data.get('addressees') ?? '')
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line.length > 0),
      letterDate: String(data.get('letterDate') ?? '') || null,
    });
    this.formError = null;
    if (!parsed.success) {
      const errors: Partial<Record<LetterDetailField, string>> = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as LetterDetailField;
        errors[field] ??= describeIssue(field, issue, typeof issue.path[1] === 'number' ? issue.path[1] : undefined);
      }
      this.errors = errors;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    this.errors = {};
    this.isSaving = true;
    try {
      await saveLetterDetails(this.letterId, parsed.data);
      this.savedNote = t('letters.letterDetailsSaved');
      await this.closeForm();
    } catch (error) {
      if (dispatchIfSessionExpired(this, error)) return;
      this.formError =
        error instanceof ApiError && error.code === ErrorCode.detailsFixed ? describeError(error) : t('letters.theDetailsWereNotSaved', { error: describeError(error) });
    } finally {
      this.isSaving = false;
    }
  }

  private async toggleHistory(): Promise<void> {
    this.isHistoryOpen = !this.isHistoryOpen;
    if (this.isHistoryOpen) await this.loadHistory();
  }

  private async loadHistory(): Promise<void> {
    try {
      this.edits = await loadLetterDetailsHistory(this.letterId);
      this.historyError = null;
    } catch (error) {
      if (dispatchIfSessionExpired(this, error)) return;
      this.historyError = describeError(error);
    }
  }

  override render() {
    return html`
      <div class="actions">
        ${this.canEdit
          ? html`<button type="button" class="secondary edit-toggle" aria-expanded=${this.isEditing ? 'true' : 'false'} @click=${() => (this.isEditing ? this.closeForm() : this.openForm())}>
              ${t('letters.editDetails')}
            </button>`
          : nothing}
        <button type="button" class="secondary" aria-expanded=${this.isHistoryOpen ? 'true' : 'false'} @click=${this.toggleHistory}>${t('letters.detailsHistory')}</button>
        <p class="saved-note" role="status">${this.savedNote}</p>
      </div>
      ${this.isEditing && this.details ? this.renderForm(this.details) : nothing}
      ${this.isHistoryOpen ? this.renderHistory() : nothing}
    `;
  }

  private renderForm(details: LetterDetails) {
    return html`
      <form novalidate aria-labelledby="details-heading" @submit=${this.submit}>
        <h2 id="details-heading">${t('letters.letterDetails')}</h2>
        ${this.formError ? html`<p class="message error" role="alert">${this.formError}</p>` : nothing}
        ${this.renderInput('title', t('letters.title'), details.title, t('letters.upToCharacters', { titleLength: letterDetailLimits.titleLength }))}
        ${this.renderInput('subject', t('letters.subject'), details.subject, t('letters.upToCharacters2', { subjectLength: letterDetailLimits.subjectLength }))}
        <div class="field">
          <label for="details-addressees">${t('letters.addressees')}</label>
          <p class="hint" id="details-addressees-hint">${t('letters.onePerLineAtMost', { addressees: letterDetailLimits.addressees })}</p>
          ${this.renderError('addressees')}
          <textarea
            id="details-addressees"
            name="addressees"
            rows="3"
            .value=${details.addressees.join('\n')}
            aria-invalid=${this.errors.addressees ? 'true' : 'false'}
            aria-describedby=${this.errors.addressees ? 'details-addressees-hint details-addressees-error' : 'details-addressees-hint'}
          ></textarea>
        </div>
        <div class="field">
          <label for="details-letterDate">${t('letters.date')}</label>
          <p class="hint" id="details-letterDate-hint">${t('letters.theDayTheLetterBears')}</p>
          ${this.renderError('letterDate')}
          <input
            id="details-letterDate"
            name="letterDate"
            type="date"
            .value=${details.letterDate ?? ''}
            aria-invalid=${this.errors.letterDate ? 'true' : 'false'}
            aria-describedby=${this.errors.letterDate ? 'details-letterDate-hint details-letterDate-error' : 'details-letterDate-hint'}
          />
        </div>
        <div class="buttons">
          <button class="primary" type="submit" ?disabled=${this.isSaving}>${this.isSaving ? t('letters.saving') : t('letters.saveDetails')}</button>
          <button class="secondary" type="button" @click=${this.closeForm}>${t('letters.cancel')}</button>
        </div>
      </form>
    `;
  }

  private renderInput(field: 'title' | 'subject', label: string, value: string, hint: string) {
    const error = this.errors[field];
    return html`
      <div class="field">
        <label for=${`details-${field}`}>${label}</label>
        <p class="hint" id=${`details-${field}-hint`}>${hint}</p>
        ${this.renderError(field)}
        <input
          id=${`details-${field}`}
          name=${field}
          type="text"
          autocomplete="off"
          .value=${value}
          aria-required=${ifDefined(field === 'title' ? 'true' : undefined)}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? `details-${field}-hint details-${field}-error` : `details-${field}-hint`}
        />
      </div>
    `;
  }

  private renderError(field: LetterDetailField) {
    const message = this.errors[field];
    if (!message) return nothing;
    return html`<p class="field-error" id=${`details-${field}-error`}><span aria-hidden="true">⚠</span> ${message}</p>`;
  }

  private renderHistory() {
    if (this.historyError) return html`<p class="message error" role="alert">${this.historyError}</p>`;
    if (!this.edits) return html`<p>${t('letters.loadingTheHistoryOfThe')}</p>`;
    return html`
      <section class="history" aria-labelledby="details-history-heading">
        <h2 id="details-history-heading">${t('letters.changesToTheLetterS')}</h2>
        ${this.edits.length === 0
          ? html`<p>${t('letters.theDetailsHaveNotChanged')}</p>`
          : html`<ol>
              ${this.edits.map(
                (edit) => html`<li>
                  <p class="who"><strong>${edit.by}</strong> · <time datetime=${edit.at}>${formatDateTime(edit.at)}</time></p>
                  <ul>
                    ${edit.changes.map(
                      (change) => html`<li>${fieldLabels[change.field]}: <del>${showValue(change.field, change.from)}</del> → <ins>${showValue(change.field, change.to)}</ins></li>`,
                    )}
                  </ul>
                </li>`,
              )}
            </ol>`}
      </section>
    `;
  }

  static override styles = [
    buttonStyles,
    messageStyles,
    visuallyHiddenStyles,
    css`
      :host {
        display: block;
        margin: 0 0 1rem;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
      }
      .actions button {
        font-size: 0.9375rem;
        padding: 0.25rem 0.75rem;
      }
      .saved-note {
        margin: 0;
        color: var(--jl-text-muted);
      }
      form,
      .history {
        display: grid;
        gap: 0.75rem;
        margin-top: 0.75rem;
        padding: 0.75rem 1rem 1rem;
        border: 1px solid var(--jl-border);
        border-radius: var(--jl-radius);
        background: var(--jl-paper);
      }
      h2 {
        margin: 0;
        font-size: 1.125rem;
      }
      .field {
        display: grid;
        gap: 0.25rem;
        max-width: 40rem;
      }
      label {
        font-weight: 600;
      }
      .hint {
        margin: 0;
        font-size: 0.9375rem;
        color: var(--jl-text-muted);
      }
      .field-error {
        margin: 0;
        font-weight: 600;
        color: var(--jl-danger);
      }
      input,
      textarea {
        font: inherit;
        padding: 0.375rem 0.5rem;
        color: var(--jl-text);
        background: var(--jl-paper);
        border: 1px solid var(--jl-border-strong);
        border-radius: var(--jl-radius);
      }
      input:focus-visible,
      textarea:focus-visible {
        outline: 3px solid var(--jl-focus);
        outline-offset: 1px;
      }
      [aria-invalid='true'] {
        border: 2px solid var(--jl-danger);
      }
      .buttons {
        display: flex;
        gap: 0.5rem;
      }
      ol {
        margin: 0;
        padding-inline-start: 1.25rem;
        display: grid;
        gap: 0.5rem;
      }
      .who {
        margin: 0;
      }
      del {
        color: var(--jl-text-muted);
      }
      ins {
        text-decoration: none;
        font-weight: 600;
      }
    `,
  ];
}

function showValue(field: LetterDetailField, value: string | string[] | null): string {
  if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) return t('letters.none');
  if (Array.isArray(value)) return value.join('; ');
  return field === 'letterDate' ? formatLetterDate(value) : value;
}

function describeIssue(field: LetterDetailField, issue: z.core.$ZodIssue, index: number | undefined): string {
  const label = fieldInSentence[field];
  const where = field === 'addressees' && index !== undefined ? ` ${t('letters.line', { value: index + 1 })}` : '';
  if (field === 'letterDate') return t('letters.enterADateThatExists');
  switch (issue.code) {
    case 'too_small':
      return field === 'title' ? t('letters.enterATitle') : t('letters.enterThe', { label: label, where: where });
    case 'too_big':
      return field === 'addressees' && index === undefined
        ? t('letters.aLetterCanHaveAt', { addressees: letterDetailLimits.addressees })
        : t('letters.shortenTheToCharactersOr', { label: label, where: where, string: String(issue.maximum) });
    case 'custom':
      return t('letters.removeTheControlCharactersSuch', { label: label, where: where });
    default:
      return t('letters.checkThe', { label: label, where: where });
  }
}

customElements.define('jl-letter-details-editor', JlLetterDetailsEditor);

declare global {
  interface HTMLElementTagNameMap {
    'jl-letter-details-editor': JlLetterDetailsEditor;
  }
}
