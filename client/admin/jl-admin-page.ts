import { t } from '../i18n/translate.js';
import { LanguageController } from '../i18n/language-controller.js';
import { css, html, LitElement } from 'lit';
import type { Office } from '../../shared/api/offices.js';
import type { SessionUser } from '../../shared/api/session.js';
import { describeError } from '../api/api-error.js';
import { loadAdminOffices } from '../api/admin-api.js';
import { dispatchIfSessionExpired } from '../session/dispatch-if-session-expired.js';
import { buttonStyles, messageStyles } from '../ui/shared-styles.js';
import './jl-office-admin.js';
import './jl-people-admin.js';
import '../notifications/jl-mail-status.js';
import { OfficeAddedEvent } from './office-added-event.js';

/**
 * `/admin`: the workspace's offices and people, for the workspace administrator; an office
 * administrator sees and adds the people of their own office.
 */
export class JlAdminPage extends LitElement {
  private readonly languageController = new LanguageController(this);

  static override properties = {
    user: { attribute: false },
    offices: { state: true },
    loadError: { state: true },
  };

  declare user: SessionUser | undefined;
  declare private offices: Office[] | undefined;
  declare private loadError: string | null;

  constructor() {
    super();
    this.user = undefined;
    this.offices = undefined;
    this.loadError = null;
    this.addEventListener(OfficeAddedEvent.eventName, (event) => {
      this.offices = [...(this.offices ?? []), event.office];
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.title = t('admin.administrationJointly');
    void this.load();
  }

  private get isAllowed(): boolean {
    return Boolean(this.user?.isAdmin || this.user?.isOfficeAdmin);
  }

  private async load(): Promise<void> {
    if (!this.isAllowed) return;
    try {
      this.offices = await loadAdminOffices();
      this.loadError = null;
    } catch (error) {
      if (dispatchIfSessionExpired(this, error)) return;
      this.loadError = describeError(error);
    }
  }

  override render() {
    if (!this.isAllowed) {
      return html`<h1>${t('admin.administration')}</h1>
        <p>${t('admin.onlyWorkspaceAndOfficeAdministrators')} <a href="/">${t('admin.goToYourLetters')}</a>.</p>`;
    }
    return html`
      <h1>${t('admin.administration')}</h1>
      ${this.renderContent()}
    `;
  }

  private renderContent() {
    if (this.loadError) {
      return html`<p class="message error" role="alert">${this.loadError}</p>
        <button type="button" class="secondary" @click=${() => this.load()}>${t('admin.tryAgain')}</button>`;
    }
    if (!this.offices) return html`<p>${t('admin.loading')}</p>`;
    return html`
      <jl-people-admin .offices=${this.offices} .user=${this.user}></jl-people-admin>
      ${this.user?.isAdmin ? html`<jl-office-admin .offices=${this.offices}></jl-office-admin>` : null}
      ${this.user?.isAdmin ? html`<jl-mail-status></jl-mail-status>` : null}
    `;
  }

  static override styles = [
    buttonStyles,
    messageStyles,
    css`
      :host {
        display: block;
      }
      h1 {
        font-size: 1.75rem;
        line-height: 1.25;
        margin: 0 0 1.25rem;
      }
      jl-office-admin {
        margin-top: 3rem;
      }
    `,
  ];
}

customElements.define('jl-admin-page', JlAdminPage);

declare global {
  interface HTMLElementTagNameMap {
    'jl-admin-page': JlAdminPage;
  }
}
