import { applyLanguage, currentLanguage, t } from '../i18n/translate.js';
import { isSupportedLanguage, languageNames, supportedLanguages } from '../../shared/i18n/languages.js';
import { saveLanguage } from '../api/session-api.js';
import { LanguageController } from '../i18n/language-controller.js';
import { css, html, LitElement } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { SessionUser } from '../../shared/api/session.js';
import { buttonStyles, visuallyHiddenStyles } from '../ui/shared-styles.js';
import { SignOutEvent } from './sign-out-event.js';

/** The signed-in person and their office in the top bar, and the way to sign out. */
export class JlSessionMenu extends LitElement {
  private readonly languageController = new LanguageController(this);

  static override properties = { user: { attribute: false } };

  declare user: SessionUser | null;

  constructor() {
    super();
    this.user = null;
  }

  /** Switches at once; storing the choice with the account may follow a moment later. */
  private readonly chooseLanguage = async (event: Event): Promise<void> => {
    const value = (event.target as HTMLSelectElement).value;
    if (!isSupportedLanguage(value)) return;
    applyLanguage(value);
    if (this.user) this.user = { ...this.user, language: value };
    try {
      await saveLanguage(value);
    } catch {
      // The choice still holds in this tab; the account keeps its earlier one until the next try.
    }
  };

  override render() {
    if (!this.user) return null;
    return html`
      <p class="identity">
        <span class="visually-hidden">${t('session.signedInAs')}</span>
        <span class="swatch" aria-hidden="true" style=${styleMap({ background: this.user.office.color })}></span>
        <span class="who">
          <span class="name">${this.user.name}</span>
          <span class="office">${this.user.office.nameEn}, ${this.user.office.country}</span>
        </span>
      </p>
      <label class="language">
        <span>${t('session.language')}</span>
        <select @change=${this.chooseLanguage}>
          ${supportedLanguages.map(
            (language) => html`<option value=${language} lang=${language} ?selected=${language === currentLanguage()}>${languageNames[language] ?? language}</option>`,
          )}
        </select>
      </label>
      <button type="button" class="secondary" @click=${() => this.dispatchEvent(new SignOutEvent())}>${t('session.signOut')}</button>
    `;
  }

  static override styles = [
    buttonStyles,
    visuallyHiddenStyles,
    css`
      :host {
        display: flex;
        align-items: center;
        gap: 0.75rem;
        flex-wrap: wrap;
      }
      .identity {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        margin: 0;
      }
      .swatch {
        width: 0.5rem;
        height: 2.25rem;
        border-radius: 2px;
        flex: none;
      }
      .who {
        display: flex;
        flex-direction: column;
        line-height: 1.25;
      }
      .name {
        font-weight: 600;
      }
      .office {
        font-size: 0.875rem;
        color: var(--jl-text-muted);
      }
      .language {
        display: flex;
        align-items: center;
        gap: 0.375rem;
        font-size: 0.875rem;
      }
      select {
        font: inherit;
        padding: 0.25rem 0.375rem;
      }
      button {
        font-size: 0.9375rem;
        padding: 0.375rem 0.75rem;
      }
    `,
  ];
}

customElements.define('jl-session-menu', JlSessionMenu);

declare global {
  interface HTMLElementTagNameMap {
    'jl-session-menu': JlSessionMenu;
  }
}
