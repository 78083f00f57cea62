import { css, html, LitElement } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { SessionUser } from '../../shared/api/session.js';
import { describeError } from '../api/api-error.js';
import { loadDemoUsers, signInAsDemoUser } from '../api/session-api.js';
import { buttonStyles, messageStyles } from '../ui/shared-styles.js';
import { SignedInEvent } from './signed-in-event.js';

/**
 * "Who are you?": until Jointly has real accounts, a person picks one of the demo users.
 * Each person is a button, so choosing is one click or one key press.
 */
export class JlIdentityPicker extends LitElement {
  static override properties = {
    users: { state: true },
    loadError: { state: true },
    signInError: { state: true },
    pendingUserId: { state: true },
  };

  declare private users: SessionUser[] | undefined;
  declare private loadError: string | null;
  declare private signInError: string | null;
  declare private pendingUserId: string | null;

  constructor() {
    super();
    this.users = undefined;
    this.loadError = null;
    this.signInError = null;
    this.pendingUserId = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.title = 'Who are you? – Jointly';
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.users = await loadDemoUsers();
      this.loadError = null;
    } catch (error) {
      this.loadError = describeError(error);
    }
  }

  private async choose(user: SessionUser): Promise<void> {
    if (this.pendingUserId) return;
    this.pendingUserId = user.id;
    this.signInError = null;
    try {
      const signedIn = await signInAsDemoUser(user.id);
      this.dispatchEvent(new SignedInEvent(signedIn));
    } catch (error) {
      this.signInError = describeError(error);
    } finally {
      this.pendingUserId = null;
    }
  }

  override render() {
    return html`
      <h1>Who are you?</h1>
      <p class="intro">
        Jointly has no personal accounts yet. Choose the person you want to act as; everything you
        do is recorded under their name and office.
      </p>
      ${this.signInError ? html`<p class="message error" role="alert">${this.signInError}</p>` : null}
      ${this.renderUsers()}
    `;
  }

  private renderUsers() {
    if (this.loadError) {
      return html`<p class="message error" role="alert">${this.loadError}</p>
        <button type="button" class="secondary" @click=${() => this.load()}>Try again</button>`;
    }
    if (!this.users) return html`<p>Loading people…</p>`;
    if (this.users.length === 0) return html`<p>There are no demo users on this server.</p>`;
    return html`
      <ul class="people" aria-label="People">
        ${this.users.map(
          (user) => html`
            <li>
              <button
                type="button"
                class="person"
                style=${styleMap({ '--office-color': user.office.color })}
                ?disabled=${this.pendingUserId !== null}
                aria-busy=${this.pendingUserId === user.id ? 'true' : 'false'}
                @click=${() => this.choose(user)}
              >
                <span class="name">${user.name}</span>
                <span class="office">${user.office.nameEn}, ${user.office.country}</span>
              </button>
            </li>
          `,
        )}
      </ul>
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
        margin: 0 0 0.5rem;
      }
      .intro {
        color: var(--jl-text-muted);
        max-width: 40rem;
        margin: 0 0 1.5rem;
      }
      .people {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr));
        gap: 0.75rem;
      }
      .person {
        width: 100%;
        height: 100%;
        display: flex;
        flex-direction: column;
        align-items: flex-start;
        gap: 0.125rem;
        padding: 0.75rem 1rem;
        font: inherit;
        text-align: start;
        color: var(--jl-text);
        background: var(--jl-paper);
        border: 1px solid var(--jl-border);
        border-inline-start: 6px solid var(--office-color, var(--jl-accent));
        border-radius: var(--jl-radius);
        cursor: pointer;
      }
      .person:hover {
        border-color: var(--jl-border-strong);
        border-inline-start-color: var(--office-color, var(--jl-accent));
        background: var(--jl-accent-soft);
      }
      .person:focus-visible {
        outline: 3px solid var(--jl-focus);
        outline-offset: 2px;
      }
      .person:disabled {
        cursor: progress;
        opacity: 0.7;
      }
      .name {
        font-weight: 600;
      }
      .office {
        font-size: 0.9375rem;
        color: var(--jl-text-muted);
      }
    `,
  ];
}

customElements.define('jl-identity-picker', JlIdentityPicker);

declare global {
  interface HTMLElementTagNameMap {
    'jl-identity-picker': JlIdentityPicker;
  }
}
