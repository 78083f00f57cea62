import { t } from '../i18n/translate.js';
import { ApiError, describeError } from '../api/api-error.js';
import { LanguageController } from '../i18n/language-controller.js';
import { css, html, LitElement } from 'lit';
import type { Notification } from '../../shared/api/notifications.js';
import { loadNotifications, markNotificationsRead, notificationStreamPath } from '../api/notifications-api.js';
import { notificationTitle } from '../../shared/i18n/notification-title.js';
import { formatDateTime } from '../ui/format-date-time.js';
import { buttonStyles, visuallyHiddenStyles } from '../ui/shared-styles.js';
import './jl-notification-settings.js';

/**
 * The bell in the top bar: the count of unread notifications, kept live over the person's
 * notification stream (server-sent events), and a panel listing them, each marked read on its own.
 */
export class JlNotificationBell extends LitElement {
  private readonly languageController = new LanguageController(this);

  static override properties = {
    unread: { state: true },
    isOpen: { state: true },
    notifications: { state: true },
    problem: { state: true },
    announcement: { state: true },
  };

  declare private unread: number;
  declare private isOpen: boolean;
  declare private notifications: Notification[] | null;
  declare private problem: string | null;
  declare private announcement: string;
  private stream: EventSource | null = null;

  constructor() {
    super();
    this.unread = 0;
    this.isOpen = false;
    this.notifications = null;
    this.problem = null;
    this.announcement = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // EventSource reconnects by itself (after the `retry` the server sets) and gets the count again.
    this.stream = new EventSource(notificationStreamPath);
    this.stream.addEventListener('notifications', this.onCountChanged);
    document.addEventListener('keydown', this.onKeyDown);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stream?.close();
    this.stream = null;
    document.removeEventListener('keydown', this.onKeyDown);
  }

  private readonly onCountChanged = (event: MessageEvent<string>): void => {
    let unread: unknown;
    try {
      unread = (JSON.parse(event.data) as { unread?: unknown }).unread;
    } catch {
      return;
    }
    if (typeof unread !== 'number') return;
    if (unread > this.unread) this.announcement = t('notifications.unreadAnnouncement', { count: unread });
    this.unread = unread;
    if (this.isOpen) void this.refresh();
  };

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || !this.isOpen) return;
    this.isOpen = false;
    this.renderRoot.querySelector<HTMLButtonElement>('.bell')?.focus();
  };

  private async toggle(): Promise<void> {
    this.isOpen = !this.isOpen;
    if (this.isOpen) await this.refresh();
  }

  private async refresh(): Promise<void> {
    try {
      const list = await loadNotifications();
      this.notifications = list.notifications;
      this.unread = list.unread;
      this.problem = null;
    } catch (error) {
      this.problem = error instanceof ApiError ? describeError(error) : t('notifications.couldNotLoadYourNotifications');
    }
  }

  private async markRead(ids: string[] | 'all'): Promise<void> {
    try {
      const list = await markNotificationsRead(ids === 'all' ? { all: true } : { ids });
      this.notifications = list.notifications;
      this.unread = list.unread;
      this.problem = null;
    } catch (error) {
      this.problem = error instanceof ApiError ? describeError(error) : t('notifications.couldNotMarkTheNotification');
    }
  }

  override render() {
    const label = this.unread === 0 ? t('notifications.notifications') : t('notifications.notificationsUnread', { unread: this.unread });
    return html`
      <button type="button" class="bell" aria-expanded=${this.isOpen ? 'true' : 'false'} aria-controls="notification-panel" @click=${() => this.toggle()}>
        <span aria-hidden="true">🔔</span>
        <span class="visually-hidden">${label}</span>
        ${this.unread > 0 ? html`<span class="count" aria-hidden="true">${this.unread}</span>` : null}
      </button>
      <p class="visually-hidden" role="status">${this.announcement}</p>
      <section id="notification-panel" class="panel" aria-labelledby="notification-heading" ?hidden=${!this.isOpen}>
        <div class="panel-head">
          <h2 id="notification-heading">${t('notifications.notifications')}</h2>
          <button type="button" class="secondary" ?disabled=${this.unread === 0} @click=${() => this.markRead('all')}>${t('notifications.markAllRead')}</button>
        </div>
        ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : null}
        ${this.renderList()}
        <details>
          <summary>${t('notifications.notificationSettings')}</summary>
          ${this.isOpen ? html`<jl-notification-settings></jl-notification-settings>` : null}
        </details>
      </section>
    `;
  }

  private renderList() {
    if (this.notifications === null) return html`<p>${t('notifications.loading')}</p>`;
    if (this.notifications.length === 0) return html`<p>${t('notifications.noNotificationsYet')}</p>`;
    return html`<ul aria-label=${t('notifications.yourNotifications')}>
      ${this.notifications.map((n) => this.renderItem(n, titleOf(n)))}
    </ul>`;
  }

  private renderItem(n: Notification, title: string) {
    return html`<li class=${n.readAt ? 'read' : 'unread'}>
      <a href=${n.path} @click=${() => (n.readAt ? undefined : this.markRead([n.id]))}>
        ${n.readAt ? null : html`<span class="visually-hidden">${t('notifications.unread')} </span>`}${title}
      </a>
      <span class="when">${formatDateTime(n.createdAt)}</span>
      ${n.readAt ? null : html`<button type="button" class="secondary small" @click=${() => this.markRead([n.id])}>${t('notifications.markRead')}<span class="visually-hidden">: ${title}</span></button>`}
    </li>`;
  }

  static override styles = [
    buttonStyles,
    visuallyHiddenStyles,
    css`
      :host {
        position: relative;
        display: inline-block;
      }
      .bell {
        position: relative;
        background: var(--jl-paper);
        border: 1px solid var(--jl-border);
        padding: 0.375rem 0.625rem;
      }
      .count {
        display: inline-block;
        min-width: 1.25rem;
        margin-inline-start: 0.25rem;
        padding: 0 0.25rem;
        border-radius: 999px;
        color: #fff;
        background: var(--jl-danger);
        font-size: 0.875rem;
        font-weight: 700;
        text-align: center;
      }
      .panel {
        position: absolute;
        inset-inline-end: 0;
        top: calc(100% + 0.375rem);
        z-index: 50;
        width: min(26rem, 90vw);
        max-height: 70vh;
        overflow: auto;
        padding: 0.75rem 1rem;
        background: var(--jl-paper);
        border: 1px solid var(--jl-border);
        border-radius: var(--jl-radius);
        box-shadow: 0 6px 18px rgb(0 0 0 / 0.15);
      }
      .panel[hidden] {
        display: none;
      }
      .panel-head {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 1rem;
      }
      h2 {
        font-size: 1.125rem;
        margin: 0;
      }
      ul {
        list-style: none;
        margin: 0.75rem 0;
        padding: 0;
      }
      li {
        display: grid;
        gap: 0.25rem;
        padding: 0.5rem 0;
        border-bottom: 1px solid var(--jl-border);
      }
      li.unread a {
        font-weight: 700;
      }
      a {
        color: var(--jl-accent);
      }
      a:focus-visible,
      summary:focus-visible {
        outline: 3px solid var(--jl-focus);
        outline-offset: 2px;
      }
      .when {
        font-size: 0.875rem;
        color: var(--jl-text-muted);
      }
      .small {
        justify-self: start;
        padding: 0.25rem 0.625rem;
        font-size: 0.875rem;
      }
      .problem {
        color: var(--jl-danger);
      }
      summary {
        cursor: pointer;
        margin-top: 0.5rem;
      }
    `,
  ];
}

/** The title in the language shown now (the element re-renders when it changes); an older notification has only its English one. */
function titleOf(n: Notification): string {
  return n.titleParts ? notificationTitle(t, n.kind, n.titleParts) : n.title;
}

customElements.define('jl-notification-bell', JlNotificationBell);

declare global {
  interface HTMLElementTagNameMap {
    'jl-notification-bell': JlNotificationBell;
  }
}
