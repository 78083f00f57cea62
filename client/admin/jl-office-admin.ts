import { t } from '../i18n/translate.js';
import { LanguageController } from '../i18n/language-controller.js';
import { css, html, LitElement, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';
import { createOfficeRequestSchema } from '../../shared/api/accounts.js';
import { officeIdSchema } from '../../shared/api/ids.js';
import type { Office } from '../../shared/api/offices.js';
import { describeError } from '../api/api-error.js';
import { describeSchemaIssue } from '../i18n/describe-schema-issue.js';
import { createOffice } from '../api/admin-api.js';
import { officeLanguage } from '../letters/office-language.js';
import { dispatchIfSessionExpired } from '../session/dispatch-if-session-expired.js';
import { contrastRatio } from '../ui/readable-text-color.js';
import { buttonStyles, formStyles, messageStyles, tableStyles } from '../ui/shared-styles.js';
import { OfficeAddedEvent } from './office-added-event.js';

type Field = 'id' | 'name' | 'nameEn' | 'country' | 'ministerName' | 'ministerTitle' | 'color';
const formFields: readonly string[] = ['id', 'name', 'nameEn', 'country', 'ministerName', 'ministerTitle', 'color'] satisfies Field[];

const fields: { name: Field; label: string; hint?: string }[] = [
  { name: 'country', get label() { return t('admin.country'); } },
  { name: 'name', get label() { return t('admin.nameInTheOfficeS'); } },
  { name: 'nameEn', get label() { return t('admin.nameInEnglish'); } },
  { name: 'id', get label() { return t('admin.shortId'); }, get hint() { return t('admin.lowerCaseLettersDigitsAnd'); } },
  { name: 'ministerName', get label() { return t('admin.ministerSName'); }, get hint() { return t('admin.signsTheOfficeSLetters'); } },
  { name: 'ministerTitle', get label() { return t('admin.ministerSTitle'); }, get hint() { return t('admin.asItAppearsUnderThe'); } },
];

/** White text on an office's colour (presence labels, letterhead) must stay readable. */
const minimumContrast = 4.5;

/** The workspace's offices, and the form to add one. */
export class JlOfficeAdmin extends LitElement {
  private readonly languageController = new LanguageController(this);

  static override properties = {
    offices: { attribute: false },
    errors: { state: true },
    formError: { state: true },
    added: { state: true },
    isSubmitting: { state: true },
  };

  declare offices: Office[];
  declare private errors: Partial<Record<Field, string>>;
  declare private formError: string | null;
  declare private added: string | null;
  declare private isSubmitting: boolean;

  constructor() {
    super();
    this.offices = [];
    this.errors = {};
    this.formError = null;
    this.added = null;
    this.isSubmitting = false;
  }

  private validate(data: FormData): { request?: Office; errors: Partial<Record<Field, string>> } {
    const value = (field: Field) => String(data.get(field) ?? '').trim();
    const errors: Partial<Record<Field, string>> = {};
    for (const { name, label } of fields) if (!value(name)) errors[name] = t('admin.enterThe', { lowerCase: label.toLowerCase() });
    if (value('id') && !officeIdSchema.safeParse(value('id')).success) {
      errors.id = t('admin.use2To40Lower');
    } else if (this.offices.some((office) => office.id === value('id'))) {
      errors.id = t('admin.anOfficeHasThisId');
    }
    const color = value('color');
    if (!/^#[0-9a-f]{6}$/i.test(color) || contrastRatio(color, '#ffffff') < minimumContrast) {
      errors.color = t('admin.chooseADarkerColourWhite');
    }
    if (Object.keys(errors).length > 0) return { errors };
    const parsed = createOfficeRequestSchema.safeParse({
      id: value('id'),
      name: value('name'),
      nameEn: value('nameEn'),
      country: value('country'),
      ministerName: value('ministerName'),
      ministerTitle: value('ministerTitle'),
      color,
    });
    // What is left (control characters, direction controls, lengths) is said beside the field it is about.
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        const where = typeof field === 'string' && formFields.includes(field) ? (field as Field) : 'name';
        errors[where] ??= describeSchemaIssue(issue);
      }
      if (Object.keys(errors).length === 0) errors.name = t('admin.checkTheFields');
      return { errors };
    }
    return { request: parsed.data, errors };
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.isSubmitting) return;
    const form = event.currentTarget as HTMLFormElement;
    const { request, errors } = this.validate(new FormData(form));
    this.errors = errors;
    this.formError = null;
    this.added = null;
    if (!request) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('form [aria-invalid="true"]')?.focus();
      return;
    }
    this.isSubmitting = true;
    try {
      const office = await createOffice(request);
      form.reset();
      this.added = t('admin.wasAdded', { nameEn: office.nameEn, country: office.country });
      this.dispatchEvent(new OfficeAddedEvent(office));
    } catch (error) {
      if (dispatchIfSessionExpired(this, error)) return;
      this.formError = describeError(error);
    } finally {
      this.isSubmitting = false;
    }
  }

  override render() {
    return html`
      <section aria-labelledby="offices-heading">
        <h2 id="offices-heading">${t('admin.offices')}</h2>
        <div class="table-scroll">
          <table aria-labelledby="offices-heading">
            <thead>
              <tr><th scope="col">${t('admin.office')}</th><th scope="col">${t('admin.country')}</th><th scope="col">${t('admin.id')}</th><th scope="col">${t('admin.minister')}</th></tr>
            </thead>
            <tbody>
              ${this.offices.map(
                (office) => html`<tr>
                  <th scope="row">
                    <span class="swatch" aria-hidden="true" style=${styleMap({ background: office.color })}></span>${office.nameEn}
                    <span class="secondary-line" lang=${ifDefined(officeLanguage(office))}>${office.name}</span>
                  </th>
                  <td>${office.country}</td>
                  <td><code>${office.id}</code></td>
                  <td>${office.ministerName}<span class="secondary-line">${office.ministerTitle}</span></td>
                </tr>`,
              )}
            </tbody>
          </table>
        </div>
        <h3 id="add-office">${t('admin.addAnOffice')}</h3>
        ${this.renderForm()}
        <p class="added" role="status">${this.added ?? ''}</p>
      </section>
    `;
  }

  private renderForm() {
    return html`
      <form novalidate aria-labelledby="add-office" @submit=${this.submit}>
        ${this.formError ? html`<p class="message error" role="alert">${this.formError}</p>` : nothing}
        ${fields.map(({ name, label, hint }) => this.renderField(name, label, hint))}
        <div class="field">
          <label for="office-color">${t('admin.colour')}</label>
          <p class="hint" id="office-color-hint">${t('admin.marksTheOfficeSPeople')}</p>
          ${this.renderError('color')}
          <input id="office-color" name="color" type="color" value="#1d3a6e"
            aria-invalid=${this.errors.color ? 'true' : 'false'}
            aria-describedby=${this.errors.color ? 'office-color-hint office-color-error' : 'office-color-hint'} />
        </div>
        <button class="primary" type="submit" ?disabled=${this.isSubmitting}>${this.isSubmitting ? t('admin.adding') : t('admin.addOffice')}</button>
      </form>
    `;
  }

  private renderField(name: Field, label: string, hint: string | undefined) {
    const id = `office-${name}`;
    const describedBy = [hint ? `${id}-hint` : '', this.errors[name] ? `${id}-error` : ''].filter(Boolean).join(' ');
    return html`
      <div class="field">
        <label for=${id}>${label}</label>
        ${hint ? html`<p class="hint" id=${`${id}-hint`}>${hint}</p>` : nothing}
        ${this.renderError(name)}
        <input id=${id} name=${name} type="text" autocomplete="off" aria-required="true"
          aria-invalid=${this.errors[name] ? 'true' : 'false'} aria-describedby=${ifDefined(describedBy || undefined)} />
      </div>
    `;
  }

  private renderError(field: Field) {
    const message = this.errors[field];
    if (!message) return nothing;
    return html`<p class="field-error" id=${`office-${field}-error`}><span aria-hidden="true">⚠</span> ${message}</p>`;
  }

  static override styles = [
    buttonStyles,
    messageStyles,
    formStyles,
    tableStyles,
    css`
      :host {
        display: block;
      }
      h2 {
        font-size: 1.375rem;
        margin: 0 0 0.75rem;
      }
      h3 {
        font-size: 1.125rem;
        margin: 2rem 0 0.5rem;
      }
      th[scope='row'] {
        font-weight: 600;
        background: none;
        font-size: 1rem;
      }
      .swatch {
        display: inline-block;
        width: 0.75rem;
        height: 0.75rem;
        margin-inline-end: 0.5rem;
        border-radius: 2px;
      }
      .added {
        margin: 0.5rem 0 0;
        font-weight: 600;
        color: var(--jl-success);
      }
      form {
        padding: 1.25rem;
        background: var(--jl-paper);
        border: 1px solid var(--jl-border);
        border-radius: var(--jl-radius);
      }
      input[type='color'] {
        width: 4rem;
        height: 2.5rem;
        padding: 0.125rem;
        border: 1px solid var(--jl-border-strong);
        border-radius: var(--jl-radius);
      }
    `,
  ];
}

customElements.define('jl-office-admin', JlOfficeAdmin);

declare global {
  interface HTMLElementTagNameMap {
    'jl-office-admin': JlOfficeAdmin;
  }
}
