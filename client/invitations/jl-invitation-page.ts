import { t } from '../i18n/translate.js';
import { LanguageController } from '../i18n/language-controller.js';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { InvitationDetailsResponse } from '../../shared/api/accounts.js';
import { ErrorCode } from '../../shared/api/errors.js';
import { ApiError, describeError } from '../api/api-error.js';
import { acceptInvitation, loadInvitation } from '../api/invitations-api.js';
import { navigate } from '../app/route.js';
import { SignedInEvent } from '../session/signed-in-event.js';
import { buttonStyles, formStyles, messageStyles } from '../ui/shared-styles.js';
import { validateNewPassword, type NewPasswordField } from './validate-new-password.js';

/** Why a link cannot be used, in words for the person holding it. */
function describeLinkProblem(error: unknown): { heading: string; message: string } {
  if (error instanceof ApiError && error.code === ErrorCode.notFound) {
    return {
      heading: t('invitations.thisInvitationLinkIsNot'),
      message: t('invitations.checkThatYouOpenedThe'),
    };
  }
  if (error instanceof ApiError && error.code === ErrorCode.invitationUnusable) {
    return {
      heading: t('invitations.thisInvitationLinkCannotBe'),
      message: t('invitations.itHasBeenUsedAlready'),
    };
  }
  return { heading: t('invitations.theInvitationCouldNotBe'), message: describeError(error) };
}

/**
 * `/invitations/:token`: a new person sets their password with the one-time link they were sent,
 * and is signed in straight away.
 */
export class JlInvitationPage extends LitElement {
  private readonly languageController = new LanguageController(this);

  static override properties = {
    token: { attribute: false },
    invitation: { state: true },
    linkProblem: { state: true },
    errors: { state: true },
    formError: { state: true },
    isSubmitting: { state: true },
  };

  declare token: string;
  declare private invitation: InvitationDetailsResponse | undefined;
  declare private linkProblem: { heading: string; message: string } | null;
  declare private errors: Partial<Record<NewPasswordField, string>>;
  declare private formError: string | null;
  declare private isSubmitting: boolean;

  constructor() {
    super();
    this.token = '';
    this.invitation = undefined;
    this.linkProblem = null;
    this.errors = {};
    this.formError = null;
    this.isSubmitting = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('token')) void this.load();
  }

  private async load(): Promise<void> {
    const token = this.token;
    this.invitation = undefined;
    this.linkProblem = null;
    document.title = t('invitations.invitationJointly');
    try {
      const invitation = await loadInvitation(token);
      if (token !== this.token) return;
      this.invitation = invitation;
      document.title = t('invitations.welcomeJointly', { name: invitation.name });
    } catch (error) {
      if (token !== this.token) return;
      this.linkProblem = describeLinkProblem(error);
      document.title = t('invitations.invitationLinkNotUsableJointly');
    }
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.isSubmitting) return;
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const validation = validateNewPassword({
      password: String(data.get('password') ?? ''),
      confirmation: String(data.get('confirmation') ?? ''),
    });
    this.formError = null;
    this.errors = validation.ok ? {} : validation.errors;
    if (!validation.ok) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    this.isSubmitting = true;
    try {
      const user = await acceptInvitation(this.token, { password: validation.password });
      this.dispatchEvent(new SignedInEvent(user));
      // The link is used up: Back should not lead to it again.
      navigate('/', { replace: true });
    } catch (error) {
      const isLinkGone = error instanceof ApiError && (error.code === ErrorCode.invitationUnusable || error.code === ErrorCode.notFound);
      if (isLinkGone) this.linkProblem = describeLinkProblem(error);
      else this.formError = describeError(error);
    } finally {
      this.isSubmitting = false;
    }
  }

  override render() {
    if (this.linkProblem) {
      return html`
        <h1>${this.linkProblem.heading}</h1>
        <p class="message error" role="alert">${this.linkProblem.message}</p>
        <p><a href="/">${t('invitations.goToTheSignIn')}</a></p>
      `;
    }
    if (!this.invitation) return html`<p>${t('invitations.openingYourInvitation')}</p>`;
    const { name, email, officeName } = this.invitation;
    return html`
      <h1>${t('invitations.welcome', { name: name, officeName: officeName })}</h1>
      <p class="intro">
        ${t('invitations.youHaveBeenInvitedTo')}
      </p>
      <form novalidate @submit=${this.submit}>
        ${this.formError ? html`<p class="message error" role="alert">${this.formError}</p>` : nothing}
        <div class="field">
          <label for="email">${t('invitations.eMailAddress')}</label>
          <input id="email" name="email" type="email" autocomplete="username" readonly .value=${email} />
        </div>
        <div class="field">
          <label for="password">${t('invitations.newPassword')}</label>
          <p class="hint" id="password-hint">${t('invitations.atLeast12CharactersA')}</p>
          ${this.renderError('password')}
          <input
            id="password"
            name="password"
            type="password"
            autocomplete="new-password"
            aria-required="true"
            aria-invalid=${this.errors.password ? 'true' : 'false'}
            aria-describedby=${this.errors.password ? 'password-hint password-error' : 'password-hint'}
          />
        </div>
        <div class="field">
          <label for="confirmation">${t('invitations.repeatThePassword')}</label>
          ${this.renderError('confirmation')}
          <input
            id="confirmation"
            name="confirmation"
            type="password"
            autocomplete="new-password"
            aria-required="true"
            aria-invalid=${this.errors.confirmation ? 'true' : 'false'}
            aria-describedby=${ifDefined(this.errors.confirmation ? 'confirmation-error' : undefined)}
          />
        </div>
        <button class="primary" type="submit" ?disabled=${this.isSubmitting}>
          ${this.isSubmitting ? t('invitations.settingThePassword') : t('invitations.setPasswordAndSignIn')}
        </button>
      </form>
    `;
  }

  private renderError(field: NewPasswordField) {
    const message = this.errors[field];
    if (!message) return nothing;
    return html`<p class="field-error" id=${`${field}-error`}><span aria-hidden="true">⚠</span> ${message}</p>`;
  }

  static override styles = [
    buttonStyles,
    messageStyles,
    formStyles,
    css`
      :host {
        display: block;
        max-width: 40rem;
      }
      h1 {
        font-size: 1.75rem;
        line-height: 1.25;
        margin: 0 0 0.75rem;
      }
      .intro {
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
    `,
  ];
}

customElements.define('jl-invitation-page', JlInvitationPage);

declare global {
  interface HTMLElementTagNameMap {
    'jl-invitation-page': JlInvitationPage;
  }
}
