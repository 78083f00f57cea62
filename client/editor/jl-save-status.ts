import { t } from '../i18n/translate.js';
import { LanguageController } from '../i18n/language-controller.js';
import { css, html, LitElement } from 'lit';
import { SaveState, saveStateText } from '../sync/save-state.js';

const stateIcon: Record<SaveState, string> = {
  [SaveState.connecting]: '…',
  [SaveState.saving]: '↻',
  [SaveState.saved]: '✓',
  [SaveState.offline]: '!',
  [SaveState.disconnected]: '×',
};

/**
 * The save status in the letter's top bar. The live region holds only the sentence, so screen
 * readers announce exactly it; the icon beside it repeats the state for sighted people without
 * relying on colour.
 */
export class JlSaveStatus extends LitElement {
  private readonly languageController = new LanguageController(this);

  static override properties = { state: { reflect: true } };

  declare state: SaveState;

  constructor() {
    super();
    this.state = SaveState.connecting;
  }

  override render() {
    return html`
      <span class="icon" aria-hidden="true">${stateIcon[this.state]}</span>
      <span class="text" role="status" aria-live="polite" aria-label=${t('editor.saveStatus')}>${saveStateText[this.state]}</span>
    `;
  }

  static override styles = css`
    :host {
      display: inline-flex;
      align-items: center;
      gap: 0.5rem;
      font-size: 0.9375rem;
      color: var(--jl-text);
    }
    .icon {
      display: inline-grid;
      place-items: center;
      width: 1.375rem;
      height: 1.375rem;
      border-radius: 50%;
      font-size: 0.875rem;
      font-weight: 700;
      line-height: 1;
      color: #fff;
      background: var(--jl-text-muted);
      flex: none;
    }
    :host([state='saved']) .icon {
      background: var(--jl-success);
    }
    :host([state='saving']) .icon {
      background: var(--jl-accent);
    }
    :host([state='offline']) .icon {
      background: var(--jl-warning);
    }
    :host([state='offline']) .text,
    :host([state='disconnected']) .text {
      font-weight: 600;
    }
    :host([state='disconnected']) .icon {
      background: var(--jl-danger);
    }
  `;
}

customElements.define('jl-save-status', JlSaveStatus);

declare global {
  interface HTMLElementTagNameMap {
    'jl-save-status': JlSaveStatus;
  }
}
