import { t } from '../i18n/translate.js';
import { LanguageController } from '../i18n/language-controller.js';
import { css, html, LitElement } from 'lit';
import { LetterStatus } from '../../shared/api/letters.js';
import { describeError } from '../api/api-error.js';
import { changeLetterStatus } from '../api/signoffs-api.js';
import { buttonStyles, messageStyles } from '../ui/shared-styles.js';
import { type StatusMove, statusMoves } from './status-moves.js';

/**
 * The coordinator's status moves, in the letter bar where they are seen. A move that needs a reason
 * (reopening a signed letter) asks for it in a modal dialog. A refused move is told next to the
 * buttons and announced.
 */
export class JlStatusMoves extends LitElement {
  private readonly languageController = new LanguageController(this);

  static override properties = {
    letterId: { attribute: false },
    status: { attribute: false },
    isBusy: { state: true },
    error: { state: true },
    reasonError: { state: true },
  };

  declare letterId: string;
  declare status: LetterStatus;
  declare private isBusy: boolean;
  declare private error: string | null;
  declare private reasonError: string | null;
  private reasonMove: StatusMove | null = null;

  constructor() {
    super();
    this.letterId = '';
    this.status = LetterStatus.drafting;
    this.isBusy = false;
    this.error = null;
    this.reasonError = null;
  }

  private get dialog(): HTMLDialogElement {
    return this.renderRoot.querySelector('dialog')!;
  }

  private async move(move: StatusMove, reason?: string): Promise<boolean> {
    this.isBusy = true;
    this.error = null;
    try {
      await changeLetterStatus(this.letterId, { to: move.to, reason });
      return true;
    } catch (error) {
      this.error = describeError(error);
      return false;
    } finally {
      this.isBusy = false;
    }
  }

  private onMoveClick(move: StatusMove): void {
    if (!move.needsReason) {
      void this.move(move);
      return;
    }
    this.reasonMove = move;
    this.reasonError = null;
    const field = this.renderRoot.querySelector('textarea');
    if (field) field.value = '';
    this.dialog.showModal();
  }

  private readonly onReasonSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    const move = this.reasonMove;
    const reason = String(new FormData(event.currentTarget as HTMLFormElement).get('reason') ?? '').trim();
    if (!move) return;
    if (!reason) {
      this.reasonError = t('signoff.sayWhyTheLetterIs');
      return;
    }
    this.dialog.close();
    void this.move(move, reason);
  };

  override render() {
    const moves = statusMoves(this.status);
    return html`
      <div class="moves" role="group" aria-label=${t('signoff.changeTheStatus')}>
        ${moves.map(
          (move, index) =>
            html`<button
              type="button"
              class=${index === 0 ? 'primary' : 'secondary'}
              aria-haspopup=${move.needsReason ? 'dialog' : 'false'}
              ?disabled=${this.isBusy}
              @click=${() => this.onMoveClick(move)}
            >
              ${move.label}
            </button>`,
        )}
      </div>
      ${this.error ? html`<p class="message error" role="alert">${this.error}</p>` : null}
      <dialog aria-labelledby="reopen-title">
        <form novalidate @submit=${this.onReasonSubmit}>
          <h2 id="reopen-title">${t('signoff.reopenTheSignedLetter')}</h2>
          <p class="hint" id="reopen-hint">${t('signoff.reopeningVoidsEveryOfficeS')}</p>
          <label for="reopen-reason">${t('signoff.whyReopenTheLetter')}</label>
          ${this.reasonError ? html`<p class="message error" id="reopen-error" role="alert">${this.reasonError}</p>` : null}
          <textarea
            id="reopen-reason"
            name="reason"
            rows="3"
            aria-describedby=${this.reasonError ? 'reopen-hint reopen-error' : 'reopen-hint'}
            aria-invalid=${this.reasonError ? 'true' : 'false'}
          ></textarea>
          <div class="actions">
            <button type="submit" class="primary">${t('signoff.reopenForReview')}</button>
            <button type="button" class="secondary" @click=${() => this.dialog.close()}>${t('signoff.cancel')}</button>
          </div>
        </form>
      </dialog>
    `;
  }

  static override styles = [
    buttonStyles,
    messageStyles,
    css`
      :host {
        display: inline-flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem;
      }
      .moves {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
      button {
        padding: 0.25rem 0.75rem;
      }
      .message {
        margin: 0;
      }
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
        margin: 0 0 0.25rem;
        font-size: 1.25rem;
      }
      label {
        font-weight: 600;
      }
      .hint {
        margin: 0;
        color: var(--jl-text-muted);
      }
      textarea {
        font: inherit;
        padding: 0.5rem;
        border: 1px solid var(--jl-border-strong);
        border-radius: var(--jl-radius);
      }
      .actions {
        display: flex;
        gap: 0.75rem;
        margin-top: 0.5rem;
      }
    `,
  ];
}

customElements.define('jl-status-moves', JlStatusMoves);

declare global {
  interface HTMLElementTagNameMap {
    'jl-status-moves': JlStatusMoves;
  }
}
