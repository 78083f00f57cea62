import { t } from '../i18n/translate.js';
import { LanguageController } from '../i18n/language-controller.js';
import { css, html, LitElement, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { describeError } from '../api/api-error.js';
import { signIn } from '../api/session-api.js';
import { buttonStyles, formStyles, messageStyles, noticeStyles } from '../ui/shared-styles.js';
import { demoAccounts } from './demo-accounts.js';
import { SignedInEvent } from './signed-in-event.js';

type Field = 'email' | 'password';

/** Sign-in with e-mail address and password. In a demo workspace it lists the demo addresses. */
export class JlSignInPage extends LitElement {
  private readonly languageController = new LanguageController(this);

  static override properties = {
    isDemo: { attribute: false },
    notice: { attribute: false },
    errors: { state: true },
    formError: { state: true },
    isSubmitting: { state: true },
  };

  declare isDemo: boolean;
  /** Why the person is asked to sign in (again), if there is more to say than "sign in". */
  declare notice: string | null;
  declare private errors: Partial<Record<Field, string>>;
  declare private formError: string | null;
  declare private isSubmitting: boolean;

  constructor() {
    super();
    this.isDemo = false;
    this.notice = null;
    this.errors = {};
    this.formError = null;
    this.isSubmitting = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.title = t('session.signInJointly');
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.isSubmitting) return;
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const email = String(data.get('email') ?? '').trim();
    const password = String(data.get('password') ?? '');
    const errors: Partial<Record<Field, string>> = {};
    if (!email) errors.email = t('session.enterYourEMailAddress');
    if (!password) errors.password = t('session.enterYourPassword');
    this.errors = errors;
    this.formError = null;
    if (errors.email || errors.password) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    this.isSubmitting = true;
    try {
      const user = await signIn({ email, password });
      this.dispatchEvent(new SignedInEvent(user));
    } catch (error) {
      // The server's own words: wrong e-mail or password, or how long to wait after too many tries.
      this.formError = describeError(error);
      const passwordField = form.elements.namedItem('password');
      if (passwordField instanceof HTMLInputElement) passwordField.value = '';
    } finally {
      this.isSubmitting = false;
    }
  }

  override render() {
    return html`
      <h1>${t('session.signInToJointly')}</h1>
      ${this.notice ? html`<p class="message notice">${this.notice}</p>` : nothing}
      <form novalidate @submit=${this.submit}>
        ${this.formError ? html`<p class="message error" role="alert">${this.formError}</p>` : nothing}
        <div class="field">
          <label for="email">${t('session.eMailAddress')}</label>
          ${this.renderError('email')}
          <input
            id="email"
            name="email"
            type="email"
            autocomplete="username"
            spellcheck="false"
            aria-required="true"
            aria-invalid=${this.errors.email ? 'true' : 'false'}
            aria-describedby=${ifDefined(this.errors.email ? 'email-error' : undefined)}
          />
        </div>
        <div class="field">
          <label for="password">${t('session.password')}</label>
          ${this.renderError('password')}
          <input
            id="password"
            name="password"
            type="password"
            autocomplete="current-password"
            aria-required="true"
            aria-invalid=${this.errors.password ? 'true' : 'false'}
            aria-describedby=${ifDefined(this.errors.password ? 'password-error' : undefined)}
          />
        </div>
        <button class="primary" type="submit" ?disabled=${this.isSubmitting}>
          ${this.isSubmitting ? t('session.signingIn') : t('session.signIn')}
        </button>
      </form>
      <p class="hint help">${t('session.noAccountYetYourAdministrator')}</p>
      ${this.isDemo ? this.renderDemoAccounts() : nothing}
    `;
  }

  private renderError(field: Field) {
    const message = this.errors[field];
    if (!message) return nothing;
    return html`<p class="field-error" id=${`${field}-error`}><span aria-hidden="true">⚠</span> ${message}</p>`;
  }

  private renderDemoAccounts() {
    return html`
      <section class="demo" aria-labelledby="demo-accounts">
        <h2 id="demo-accounts">${t('session.demoAccounts')}</h2>
        <p class="hint">
          ${t('session.everyDemoAccountHasThe')}
        </p>
        <ul>
          ${demoAccounts.map(
            (account) => html`<li><span class="email">${account.email}</span> ${account.name}, ${account.description}</li>`,
          )}
        </ul>
      </section>
    `;
  }

  static override styles = [
    buttonStyles,
    messageStyles,
    noticeStyles,
    formStyles,
    css`
      :host {
        display: block;
        max-width: 40rem;
      }
      h1 {
        font-size: 1.75rem;
        line-height: 1.25;
        margin: 0 0 1.25rem;
      }
      form {
        padding: 1.5rem;
        background: var(--jl-paper);
        border: 1px solid var(--jl-border);
        border-radius: var(--jl-radius);
      }
      .message {
        width: 100%;
      }
      .help {
        margin: 1rem 0 0;
      }
      .demo {
        margin-top: 2rem;
      }
      .demo h2 {
        font-size: 1.125rem;
        margin: 0 0 0.25rem;
      }
      .demo ul {
        margin: 0.5rem 0 0;
        padding-inline-start: 1.25rem;
        font-size: 0.9375rem;
      }
      .demo li + li {
        margin-top: 0.125rem;
      }
      .email {
        font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
        font-weight: 600;
      }
    `,
  ];
}

customElements.define('jl-sign-in-page', JlSignInPage);

declare global {
  interface HTMLElementTagNameMap {
    'jl-sign-in-page': JlSignInPage;
  }
}
