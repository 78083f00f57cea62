import { describeSchemaIssue } from '../i18n/describe-schema-issue.js';
import { t } from '../i18n/translate.js';
import { LanguageController } from '../i18n/language-controller.js';
import { css, html, LitElement } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { versionNameSchema } from '../../shared/api/versions.js';
import { describeError } from '../api/api-error.js';
import { saveVersion } from '../api/versions-api.js';
import { dispatchIfSessionExpired } from '../session/dispatch-if-session-expired.js';
import { buttonStyles, formStyles, messageStyles, noticeStyles } from '../ui/shared-styles.js';
import { VersionSavedEvent } from './version-saved-event.js';

/** The coordinator saves the letter's text as it is now under a name, e.g. "Sent to capitals for comments". */
export class JlSaveVersionForm extends LitElement {
  private readonly languageController = new LanguageController(this);

  static override properties = {
    letterId: { attribute: false },
    nameError: { state: true },
    formError: { state: true },
    notice: { state: true },
    isSaving: { state: true },
  };

  declare letterId: string;
  declare private nameError: string | null;
  declare private formError: string | null;
  declare private notice: string;
  declare private isSaving: boolean;

  constructor() {
    super();
    this.letterId = '';
    this.nameError = null;
    this.formError = null;
    this.notice = '';
    this.isSaving = false;
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.isSaving) return;
    const form = event.currentTarget as HTMLFormElement;
    const name = String(new FormData(form).get('name') ?? '');
    const parsed = versionNameSchema.safeParse(name);
    this.formError = null;
    this.notice = '';
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      if (name.trim() === '') this.nameError = t('versions.giveTheVersionAName');
      else if (issue.code === 'too_big') this.nameError = t('versions.useAtMost200Characters');
      else this.nameError = describeSchemaIssue(issue);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('#version-name')?.focus();
      return;
    }
    this.nameError = null;
    this.isSaving = true;
    try {
      const version = await saveVersion(this.letterId, { name: parsed.data });
      form.reset();
      this.notice = t('versions.savedTheVersion', { name: version.name });
      this.dispatchEvent(new VersionSavedEvent(version));
    } catch (error) {
      if (dispatchIfSessionExpired(this, error)) return;
      this.formError = describeError(error);
    } finally {
      this.isSaving = false;
    }
  }

  override render() {
    return html`<form novalidate @submit=${this.submit}>
      ${this.formError ? html`<p class="message error" role="alert">${this.formError}</p>` : null}
      <div class="field">
        <label for="version-name">${t('versions.nameOfTheVersion')}</label>
        <p class="hint" id="version-name-hint">${t('versions.forExampleSentToCapitals')}</p>
        ${this.nameError
          ? html`<p class="field-error" id="version-name-error"><span aria-hidden="true">⚠</span> ${this.nameError}</p>`
          : null}
        <input
          id="version-name"
          name="name"
          type="text"
          autocomplete="off"
          maxlength="200"
          aria-required="true"
          aria-invalid=${this.nameError ? 'true' : 'false'}
          aria-describedby=${ifDefined(this.nameError ? 'version-name-hint version-name-error' : 'version-name-hint')}
        />
      </div>
      <button type="submit" class="primary" ?disabled=${this.isSaving}>${this.isSaving ? t('versions.saving') : t('versions.saveTheVersion')}</button>
      <p class="message success" role="status">${this.notice}</p>
    </form>`;
  }

  static override styles = [
    buttonStyles,
    formStyles,
    messageStyles,
    noticeStyles,
    css`
      :host {
        display: block;
      }
      form {
        gap: 0.75rem;
      }
      /* Out of the flow while empty, yet still in the accessibility tree, so the change is announced. */
      .message.success:empty {
        position: absolute;
        padding: 0;
        border: 0;
      }
    `,
  ];
}

customElements.define('jl-save-version-form', JlSaveVersionForm);

declare global {
  interface HTMLElementTagNameMap {
    'jl-save-version-form': JlSaveVersionForm;
  }
}
