import { t } from '../i18n/translate.js';
import { ApiError, describeError } from '../api/api-error.js';
import { LanguageController } from '../i18n/language-controller.js';
import { css, html, LitElement } from 'lit';
import type { Preferences } from '../../shared/api/notifications.js';
import { deliveries, type Delivery, type NotificationKind } from '../../shared/domain/notification-rules.js';
import { loadPreferences, savePreferences } from '../api/notifications-api.js';
import { buttonStyles } from '../ui/shared-styles.js';
import { deliveryLabel, notificationKindLabel } from './notification-labels.js';

/** How each kind of notification reaches the person: in Jointly only, by e-mail at once, or in a daily digest. */
export class JlNotificationSettings extends LitElement {
  private readonly languageController = new LanguageController(this);

  static override properties = {
    preferences: { state: true },
    status: { state: true },
  };

  declare private preferences: Preferences['preferences'] | null;
  declare private status: string;

  constructor() {
    super();
    this.preferences = null;
    this.status = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    loadPreferences()
      .then((loaded) => (this.preferences = loaded.preferences))
      .catch((error: unknown) => (this.status = error instanceof ApiError ? describeError(error) : t('notifications.couldNotLoadYourSettings')));
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const chosen = (this.preferences ?? []).map((p) => ({ kind: p.kind, delivery: (form.elements.namedItem(p.kind) as HTMLSelectElement).value as Delivery }));
    this.status = t('notifications.saving');
    try {
      this.preferences = (await savePreferences({ preferences: chosen })).preferences;
      this.status = 'Saved.';
    } catch (error) {
      this.status = error instanceof ApiError ? describeError(error) : t('notifications.couldNotSaveYourSettings');
    }
  }

  override render() {
    if (!this.preferences) return html`<p role="status">${this.status || t('notifications.loading')}</p>`;
    return html`<form @submit=${(event: SubmitEvent) => this.save(event)}>
      ${this.preferences.map((p) => this.renderChoice(p.kind, p.delivery))}
      <button type="submit" class="primary">${t('notifications.saveSettings')}</button>
      <p role="status">${this.status}</p>
    </form>`;
  }

  private renderChoice(kind: NotificationKind, delivery: Delivery) {
    return html`<label>
      <span>${notificationKindLabel[kind]}</span>
      <select name=${kind}>
        ${deliveries.map((d) => html`<option value=${d} ?selected=${d === delivery}>${deliveryLabel[d]}</option>`)}
      </select>
    </label>`;
  }

  static override styles = [
    buttonStyles,
    css`
      form {
        display: grid;
        gap: 0.5rem;
        margin-top: 0.5rem;
      }
      label {
        display: grid;
        gap: 0.125rem;
        font-size: 0.9375rem;
      }
      select {
        font: inherit;
        padding: 0.25rem;
      }
      select:focus-visible {
        outline: 3px solid var(--jl-focus);
        outline-offset: 2px;
      }
      p {
        margin: 0;
        min-height: 1.25rem;
      }
    `,
  ];
}

customElements.define('jl-notification-settings', JlNotificationSettings);

declare global {
  interface HTMLElementTagNameMap {
    'jl-notification-settings': JlNotificationSettings;
  }
}
