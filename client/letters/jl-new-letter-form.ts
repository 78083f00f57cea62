import { t } from '../i18n/translate.js';
import { LanguageController } from '../i18n/language-controller.js';
import { css, html, LitElement, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
// Keyed by office: a checkbox the person unticked moves with its office, not with its place.
import { repeat } from 'lit/directives/repeat.js';
import type { Office } from '../../shared/api/offices.js';
import { ApiError, describeError } from '../api/api-error.js';
import { createLetter } from '../api/letters-api.js';
import { loadOffices } from '../api/offices-api.js';
import { letterPath, navigate } from '../app/route.js';
import { dispatchIfSessionExpired } from '../session/dispatch-if-session-expired.js';
import { buttonStyles, messageStyles, visuallyHiddenStyles } from '../ui/shared-styles.js';
import { officeLanguage } from './office-language.js';
import { type NewLetterField, validateNewLetter } from './validate-new-letter.js';

/** Starts a letter: title, subject, addressees and the signatory offices in signing order. */
export class JlNewLetterForm extends LitElement {
  private readonly languageController = new LanguageController(this);

  static override properties = {
    offices: { state: true },
    errors: { state: true },
    formError: { state: true },
    isSubmitting: { state: true },
    order: { state: true },
    orderNote: { state: true },
  };

  declare private offices: Office[] | undefined;
  declare private errors: Partial<Record<NewLetterField, string>>;
  declare private formError: string | null;
  declare private isSubmitting: boolean;
  /** Office ids in signing order, as the person arranged them. */
  declare private order: string[];
  /** Announces a move ("Estonia moved to place 2 of 8."). */
  declare private orderNote: string;

  constructor() {
    super();
    this.offices = undefined;
    this.errors = {};
    this.formError = null;
    this.isSubmitting = false;
    this.order = [];
    this.orderNote = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.offices = await loadOffices();
      this.order = this.offices.map((office) => office.id);
      this.formError = null;
    } catch (error) {
      if (dispatchIfSessionExpired(this, error)) return;
      this.formError = describeError(error);
    }
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.isSubmitting) return;
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const validation = validateNewLetter({
      title: String(data.get('title') ?? ''),
      subject: String(data.get('subject') ?? ''),
      addressees: String(data.get('addressees') ?? ''),
      letterDate: String(data.get('letterDate') ?? ''),
      signatoryOfficeIds: data.getAll('signatoryOfficeIds').map(String),
    });
    this.formError = null;
    if (!validation.ok) {
      this.errors = validation.errors;
      await this.updateComplete;
      this.focusFirstInvalidField();
      return;
    }
    this.errors = {};
    this.isSubmitting = true;
    try {
      const letter = await createLetter(validation.request);
      navigate(letterPath(letter.id));
    } catch (error) {
      if (dispatchIfSessionExpired(this, error)) return;
      this.formError =
        error instanceof ApiError && error.code === 'validation_failed'
          ? t('letters.theServerDidNotAccept', { message: describeError(error) })
          : describeError(error);
    } finally {
      this.isSubmitting = false;
    }
  }

  private focusFirstInvalidField(): void {
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  override render() {
    const { errors } = this;
    return html`
      <form novalidate @submit=${this.submit}>
        ${this.formError ? html`<p class="message error" role="alert">${this.formError}</p>` : nothing}
        <div class="field">
          <label for="title">${t('letters.title')} <span class="required">${t('letters.required')}</span></label>
          ${this.renderError('title')}
          <input
            id="title"
            name="title"
            type="text"
            autocomplete="off"
            aria-required="true"
            aria-invalid=${errors.title ? 'true' : 'false'}
            aria-describedby=${ifDefined(errors.title ? 'title-error' : undefined)}
          />
        </div>
        <div class="field">
          <label for="subject">${t('letters.subject')}</label>
          ${this.renderError('subject')}
          <input
            id="subject"
            name="subject"
            type="text"
            autocomplete="off"
            aria-invalid=${errors.subject ? 'true' : 'false'}
            aria-describedby=${ifDefined(errors.subject ? 'subject-error' : undefined)}
          />
        </div>
        <div class="field">
          <label for="addressees">${t('letters.addressees')}</label>
          <p class="hint" id="addressees-hint">${t('letters.onePerLineForExample')}</p>
          ${this.renderError('addressees')}
          <textarea
            id="addressees"
            name="addressees"
            rows="3"
            aria-invalid=${errors.addressees ? 'true' : 'false'}
            aria-describedby=${errors.addressees ? 'addressees-hint addressees-error' : 'addressees-hint'}
          ></textarea>
        </div>
        <div class="field">
          <label for="letterDate">${t('letters.date')}</label>
          <p class="hint" id="letterDate-hint">${t('letters.theDayTheLetterBears2')}</p>
          ${this.renderError('letterDate')}
          <input
            id="letterDate"
            name="letterDate"
            type="date"
            aria-invalid=${errors.letterDate ? 'true' : 'false'}
            aria-describedby=${errors.letterDate ? 'letterDate-hint letterDate-error' : 'letterDate-hint'}
          />
        </div>
        ${this.renderOffices()}
        <button class="primary" type="submit" ?disabled=${this.isSubmitting || !this.offices}>
          ${this.isSubmitting ? t('letters.creating') : t('letters.createLetter')}
        </button>
      </form>
    `;
  }

  private renderError(field: NewLetterField) {
    const message = this.errors[field];
    if (!message) return nothing;
    return html`<p class="field-error" id=${`${field}-error`}><span aria-hidden="true">⚠</span> ${message}</p>`;
  }

  private renderOffices() {
    const error = this.errors.signatoryOfficeIds;
    return html`
      <fieldset
        class="field"
        aria-describedby=${error ? 'offices-hint signatoryOfficeIds-error' : 'offices-hint'}
      >
        <legend>${t('letters.signatoryOffices')}</legend>
        <p class="hint" id="offices-hint">${t('letters.theLetterIsSignedIn')}</p>
        ${this.renderError('signatoryOfficeIds')}
        <p class="visually-hidden" role="status">${this.orderNote}</p>
        ${this.offices
          ? html`<ol class="offices">
              ${repeat(
                this.orderedOffices(this.offices),
                (office) => office.id,
                (office, index) => html`
                  <li>
                    <span class="place" aria-hidden="true">${index + 1}.</span>
                    <input
                      type="checkbox"
                      id=${`office-${office.id}`}
                      name="signatoryOfficeIds"
                      value=${office.id}
                      checked
                      aria-invalid=${error ? 'true' : 'false'}
                    />
                    <label for=${`office-${office.id}`}>
                      <span class="country">${office.country}:</span> ${office.nameEn}
                      <span class="native" lang=${ifDefined(officeLanguage(office))}>${office.name}</span>
                    </label>
                    <span class="move">
                      <button type="button" class="secondary" id=${`up-${office.id}`} aria-label=${t('letters.moveUp', { country: office.country, nameEn: office.nameEn })} ?disabled=${index === 0} @click=${() => this.move(office, -1)}>↑</button>
                      <button type="button" class="secondary" id=${`down-${office.id}`} aria-label=${t('letters.moveDown', { country: office.country, nameEn: office.nameEn })} ?disabled=${index === this.order.length - 1} @click=${() => this.move(office, 1)}>↓</button>
                    </span>
                  </li>
                `,
              )}
            </ol>`
          : html`<p>${t('letters.loadingOffices')}</p>`}
      </fieldset>
    `;
  }

  private orderedOffices(offices: Office[]): Office[] {
    const byId = new Map(offices.map((office) => [office.id, office]));
    return this.order.flatMap((id) => byId.get(id) ?? []);
  }

  /** Moves an office one place up (-1) or down (+1) in the signing order; focus stays on the moved office. */
  private async move(office: Office, step: -1 | 1): Promise<void> {
    const from = this.order.indexOf(office.id);
    const to = from + step;
    if (from < 0 || to < 0 || to >= this.order.length) return;
    const order = [...this.order];
    [order[from], order[to]] = [order[to]!, order[from]!];
    this.order = order;
    this.orderNote = t('letters.movedToPlaceOf', { country: office.country, nameEn: office.nameEn, value: to + 1, count: order.length });
    await this.updateComplete;
    const target = this.renderRoot.querySelector<HTMLButtonElement>(`#${step < 0 ? 'up' : 'down'}-${CSS.escape(office.id)}`);
    (target && !target.disabled ? target : this.renderRoot.querySelector<HTMLButtonElement>(`#${step < 0 ? 'down' : 'up'}-${CSS.escape(office.id)}`))?.focus();
  }

  static override styles = [
    buttonStyles,
    messageStyles,
    visuallyHiddenStyles,
    css`
      :host {
        display: block;
      }
      form {
        display: grid;
        gap: 1.25rem;
        justify-items: start;
      }
      .field {
        display: grid;
        gap: 0.25rem;
        width: 100%;
        max-width: 40rem;
        margin: 0;
      }
      label,
      legend {
        font-weight: 600;
      }
      .required {
        font-weight: 400;
        color: var(--jl-text-muted);
      }
      input[type='text'],
      input[type='date'],
      textarea {
        font: inherit;
        width: 100%;
        padding: 0.5rem 0.625rem;
        color: var(--jl-text);
        background: var(--jl-paper);
        border: 1px solid var(--jl-border-strong);
        border-radius: var(--jl-radius);
      }
      textarea {
        resize: vertical;
      }
      input:focus-visible,
      textarea:focus-visible {
        outline: 3px solid var(--jl-focus);
        outline-offset: 1px;
      }
      [aria-invalid='true']:is(input[type='text'], textarea) {
        border: 2px solid var(--jl-danger);
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
      fieldset {
        padding: 0.75rem 1rem 1rem;
        border: 1px solid var(--jl-border);
        border-radius: var(--jl-radius);
      }
      legend {
        padding: 0 0.25rem;
      }
      .offices {
        list-style: none;
        margin: 0.25rem 0 0;
        padding: 0;
        display: grid;
        gap: 0.375rem;
      }
      .offices li {
        display: flex;
        align-items: flex-start;
        gap: 0.5rem;
      }
      .place {
        min-width: 1.5rem;
        text-align: end;
        color: var(--jl-text-muted);
      }
      .move {
        display: inline-flex;
        gap: 0.25rem;
        margin-inline-start: auto;
      }
      .move button {
        padding: 0 0.5rem;
        line-height: 1.5;
      }
      .offices input {
        width: 1.25rem;
        height: 1.25rem;
        margin: 0.125rem 0 0;
        accent-color: var(--jl-accent);
        flex: none;
      }
      .offices input:focus-visible {
        outline: 3px solid var(--jl-focus);
        outline-offset: 2px;
      }
      .offices label {
        font-weight: 400;
      }
      .country {
        font-weight: 600;
      }
      .native {
        color: var(--jl-text-muted);
      }
      .native::before {
        content: '· ';
      }
    `,
  ];
}

customElements.define('jl-new-letter-form', JlNewLetterForm);

declare global {
  interface HTMLElementTagNameMap {
    'jl-new-letter-form': JlNewLetterForm;
  }
}
