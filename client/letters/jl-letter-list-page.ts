import { t } from '../i18n/translate.js';
import { LanguageController } from '../i18n/language-controller.js';
import { css, html, LitElement } from 'lit';
import type { LetterSummary } from '../../shared/api/letters.js';
import { describeError } from '../api/api-error.js';
import { loadLetters } from '../api/letters-api.js';
import { loadDeadlineSummary } from '../api/notifications-api.js';
import type { DeadlineSummary } from '../../shared/api/notifications.js';
import { dispatchIfSessionExpired } from '../session/dispatch-if-session-expired.js';
import { buttonStyles, messageStyles, visuallyHiddenStyles } from '../ui/shared-styles.js';
import './jl-letter-list.js';
import './jl-new-letter-form.js';
import '../import/jl-letter-import.js';

/** The start page: every letter the person can open, the form to start a new one, and the import of one from a file. */
export class JlLetterListPage extends LitElement {
  private readonly languageController = new LanguageController(this);

  static override properties = {
    letters: { state: true },
    loadError: { state: true },
    deadlines: { state: true },
  };

  declare private letters: LetterSummary[] | undefined;
  declare private loadError: string | null;
  declare private deadlines: DeadlineSummary['letters'];

  constructor() {
    super();
    this.letters = undefined;
    this.loadError = null;
    this.deadlines = [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.title = t('letters.lettersJointly');
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.letters = await loadLetters();
      this.loadError = null;
      // Deadlines are extra: the list stands without them.
      loadDeadlineSummary()
        .then((summary) => (this.deadlines = summary.letters))
        .catch(() => {});
    } catch (error) {
      if (dispatchIfSessionExpired(this, error)) return;
      this.loadError = describeError(error);
    }
  }

  override render() {
    return html`
      <h1>${t('letters.letters')}</h1>
      <section aria-labelledby="your-letters">
        <h2 id="your-letters" class="visually-hidden">${t('letters.yourLetters')}</h2>
        ${this.renderLetters()}
      </section>
      <section class="new-letter" aria-labelledby="new-letter">
        <h2 id="new-letter">${t('letters.newLetter')}</h2>
        <jl-new-letter-form></jl-new-letter-form>
      </section>
      <section class="new-letter" aria-labelledby="import-letter">
        <h2 id="import-letter">${t('letters.importALetter')}</h2>
        <jl-letter-import></jl-letter-import>
      </section>
    `;
  }

  private renderLetters() {
    if (this.loadError) {
      return html`<p class="message error" role="alert">${this.loadError}</p>
        <button type="button" class="secondary" @click=${() => this.load()}>${t('letters.tryAgain')}</button>`;
    }
    if (!this.letters) return html`<p>${t('letters.loadingLetters')}</p>`;
    return html`<jl-letter-list .letters=${this.letters} .deadlines=${this.deadlines}></jl-letter-list>`;
  }

  static override styles = [
    buttonStyles,
    messageStyles,
    visuallyHiddenStyles,
    css`
      :host {
        display: block;
      }
      h1 {
        font-size: 1.75rem;
        line-height: 1.25;
        margin: 0 0 1rem;
      }
      h2 {
        font-size: 1.375rem;
        margin: 0 0 0.75rem;
      }
      .new-letter {
        margin-top: 2.5rem;
        padding: 1.5rem;
        background: var(--jl-paper);
        border: 1px solid var(--jl-border);
        border-radius: var(--jl-radius);
      }
    `,
  ];
}

customElements.define('jl-letter-list-page', JlLetterListPage);

declare global {
  interface HTMLElementTagNameMap {
    'jl-letter-list-page': JlLetterListPage;
  }
}
