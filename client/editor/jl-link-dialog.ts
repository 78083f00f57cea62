import { t } from '../i18n/translate.js';
import { LanguageController } from '../i18n/language-controller.js';
import { css, html, LitElement } from 'lit';
import { buttonStyles } from '../ui/shared-styles.js';
import { describeLinkProblem } from './describe-link-problem.js';

/**
 * Asks for a link address in a modal dialog. The native <dialog> traps focus, closes on Escape
 * and returns focus on its own. Only addresses the shared link policy allows are accepted, and
 * the person is told why anything else is refused.
 */
export class JlLinkDialog extends LitElement {
  private readonly languageController = new LanguageController(this);

  static override properties = { error: { state: true }, isEditing: { state: true } };

  declare private error: string | null;
  declare private isEditing: boolean;
  private resolve: ((href: string | null) => void) | undefined;

  constructor() {
    super();
    this.error = null;
    this.isEditing = false;
  }

  /** Opens the dialog; resolves with the accepted address, or null when cancelled. */
  async ask(currentHref: string): Promise<string | null> {
    this.resolve?.(null);
    this.error = null;
    this.isEditing = currentHref !== '';
    await this.updateComplete;
    const input = this.input;
    input.value = currentHref;
    this.dialog.showModal();
    input.select();
    return new Promise((resolve) => {
      this.resolve = resolve;
    });
  }

  private get dialog(): HTMLDialogElement {
    return this.renderRoot.querySelector('dialog')!;
  }

  private get input(): HTMLInputElement {
    return this.renderRoot.querySelector('input')!;
  }

  private submit(event: SubmitEvent): void {
    event.preventDefault();
    const href = this.input.value.trim();
    const problem = describeLinkProblem(href);
    if (problem) {
      this.error = problem;
      this.input.focus();
      return;
    }
    this.finish(href);
  }

  private finish(href: string | null): void {
    const resolve = this.resolve;
    this.resolve = undefined;
    if (this.dialog.open) this.dialog.close();
    resolve?.(href);
  }

  override render() {
    return html`
      <dialog aria-labelledby="link-dialog-title" @close=${() => this.finish(null)}>
        <form novalidate @submit=${this.submit}>
          <h2 id="link-dialog-title">${this.isEditing ? t('editor.editLink') : t('editor.addALink')}</h2>
          <label for="link-href">${t('editor.linkAddress')}</label>
          <p class="hint" id="link-href-hint">${t('editor.aWebAddressHttpsOr')}</p>
          ${this.error ? html`<p class="error" id="link-href-error" role="alert">${this.error}</p>` : null}
          <input
            id="link-href"
            type="text"
            inputmode="url"
            autocomplete="url"
            spellcheck="false"
            aria-invalid=${this.error ? 'true' : 'false'}
            aria-describedby=${this.error ? 'link-href-hint link-href-error' : 'link-href-hint'}
          />
          <div class="actions">
            <button type="submit" class="primary">${t('editor.applyLink')}</button>
            <button type="button" class="secondary" @click=${() => this.finish(null)}>${t('editor.cancel')}</button>
          </div>
        </form>
      </dialog>
    `;
  }

  static override styles = [
    buttonStyles,
    css`
      dialog {
        width: min(32rem, calc(100vw - 2rem));
        padding: 1.5rem;
        color: var(--jl-text);
        background: var(--jl-paper);
        border: 1px solid var(--jl-border-strong);
        border-radius: var(--jl-radius);
        box-shadow: 0 0.5rem 2rem rgb(0 0 0 / 0.25);
      }
      dialog::backdrop {
        background: rgb(20 25 35 / 0.45);
      }
      form {
        display: grid;
        gap: 0.5rem;
      }
      h2 {
        margin: 0 0 0.5rem;
        font-size: 1.25rem;
      }
      label {
        font-weight: 600;
      }
      .hint {
        margin: 0;
        font-size: 0.9375rem;
        color: var(--jl-text-muted);
      }
      .error {
        margin: 0;
        font-weight: 600;
        color: var(--jl-danger);
      }
      input {
        font: inherit;
        padding: 0.5rem 0.625rem;
        border: 1px solid var(--jl-border-strong);
        border-radius: var(--jl-radius);
      }
      input[aria-invalid='true'] {
        border: 2px solid var(--jl-danger);
      }
      input:focus-visible {
        outline: 3px solid var(--jl-focus);
        outline-offset: 1px;
      }
      .actions {
        display: flex;
        gap: 0.75rem;
        margin-top: 0.75rem;
      }
    `,
  ];
}

customElements.define('jl-link-dialog', JlLinkDialog);

declare global {
  interface HTMLElementTagNameMap {
    'jl-link-dialog': JlLinkDialog;
  }
}
