import { t } from '../i18n/translate.js';
import { ApiError, describeError } from '../api/api-error.js';
import { LanguageController } from '../i18n/language-controller.js';
import { css, html, LitElement, nothing } from 'lit';
import { SuggestionDecision, SuggestionKind, type OpenSuggestion } from '../../shared/domain/suggestions.js';
import type { OfficeSuggestionDecisionRequest } from '../../shared/api/suggestions.js';
import { decideOfficeSuggestions, decideSuggestions } from '../api/suggestions-api.js';
import type { ParagraphSuggestions } from './letter-suggestions.js';
import { formatDateTime } from '../ui/format-date-time.js';
import { buttonStyles } from '../ui/shared-styles.js';
import { styleMap } from 'lit/directives/style-map.js';

/** An office as the list names and colours it. */
export interface SuggestionOffice {
  name: string;
  color: string;
}

const kindWords: Record<string, string> = {
  get [SuggestionKind.insertion]() { return t('editor.insert'); },
  get [SuggestionKind.deletion]() { return t('editor.delete'); },
};

/** What is said once a paragraph's suggestions are decided: one whole sentence per decision. */
const decidedMessage: Record<SuggestionDecision, (count: number, number: number) => string> = {
  [SuggestionDecision.accept]: (count, number) => t('editor.suggestionsAccepted', { count, number }),
  [SuggestionDecision.reject]: (count, number) => t('editor.suggestionsRejected', { count, number }),
  [SuggestionDecision.withdraw]: (count, number) => t('editor.suggestionsWithdrawn', { count, number }),
};

/**
 * The suggestions side list (rule S13): every open suggestion of the letter by paragraph, with who
 * proposed it, for which office and when. People who may edit accept or reject each one or a whole
 * paragraph's; the author withdraws their own. Each decision is made by the server.
 */
export class JlSuggestionList extends LitElement {
  private readonly languageController = new LanguageController(this);

  static override properties = {
    letterId: { attribute: false },
    userId: { attribute: false },
    canDecide: { attribute: false },
    paragraphs: { attribute: false },
    offices: { attribute: false },
    message: { state: true },
    busy: { state: true },
  };

  declare letterId: string;
  declare userId: string;
  declare canDecide: boolean;
  declare paragraphs: readonly ParagraphSuggestions[];
  declare offices: ReadonlyMap<string, SuggestionOffice>;
  declare private message: string;
  declare private busy: boolean;
  /**
   * A decision was made from this list: once its button is disabled or gone, the keyboard focus goes
   * to the list's heading, not to the page's start. Set as the request leaves, since the decided
   * text may reach the editor before the request's answer.
   */
  private keepsFocus = false;

  constructor() {
    super();
    this.letterId = '';
    this.userId = '';
    this.canDecide = false;
    this.paragraphs = [];
    this.offices = new Map();
    this.message = '';
    this.busy = false;
  }

  private async decide(paragraph: ParagraphSuggestions, decision: SuggestionDecision, suggestions: readonly OpenSuggestion[]): Promise<void> {
    // Decided from the list: the focus stays in it when the button is disabled and then goes.
    this.keepsFocus = this.shadowRoot?.activeElement != null;
    this.busy = true;
    try {
      await decideSuggestions(this.letterId, paragraph.paragraphId, {
        decision,
        suggestionIds: suggestions.map((suggestion) => suggestion.id),
        hash: paragraph.hash,
      });
      this.message = decidedMessage[decision](suggestions.length, paragraph.number);
    } catch (error) {
      this.message = error instanceof ApiError ? describeError(error) : t('editor.theDecisionCouldNotBe');
    } finally {
      this.busy = false;
    }
  }

  /** Accepts or rejects every suggestion of one office the list shows, in one request. */
  private async decideForOffice(officeId: string, decision: OfficeSuggestionDecisionRequest['decision']): Promise<void> {
    const paragraphs = this.paragraphs.filter((paragraph) => paragraph.suggestions.some((suggestion) => suggestion.officeId === officeId));
    if (paragraphs.length === 0) return;
    // Decided from the list: the focus stays in it when the button is disabled and then goes.
    this.keepsFocus = this.shadowRoot?.activeElement != null;
    this.busy = true;
    try {
      const { decided } = await decideOfficeSuggestions(this.letterId, {
        decision,
        officeId,
        paragraphs: paragraphs.map(({ paragraphId, hash }) => ({ paragraphId, hash })),
      });
      const suggestions = t('signoff.suggestionCount', { count: decided });
      const office = this.officeName(officeId);
      this.message =
        decision === SuggestionDecision.accept ? t('editor.officeSuggestionsAccepted', { suggestions, office }) : t('editor.officeSuggestionsRejected', { suggestions, office });
    } catch (error) {
      this.message = error instanceof ApiError ? describeError(error) : t('editor.theDecisionCouldNotBe');
    } finally {
      this.busy = false;
    }
  }

  private officeName(officeId: string): string {
    return this.offices.get(officeId)?.name ?? officeId;
  }

  /** The offices with open suggestions, in the order they first appear, with how many each has. */
  private get suggestingOffices(): { officeId: string; count: number }[] {
    const counts = new Map<string, number>();
    for (const paragraph of this.paragraphs) {
      for (const suggestion of paragraph.suggestions) counts.set(suggestion.officeId, (counts.get(suggestion.officeId) ?? 0) + 1);
    }
    return Array.from(counts, ([officeId, count]) => ({ officeId, count }));
  }

  private renderOffices() {
    return html`<h3 id="suggestions-by-office">${t('editor.byOffice')}</h3>
      <ul class="offices" aria-labelledby="suggestions-by-office">
        ${this.suggestingOffices.map(({ officeId, count }) => {
          const name = this.officeName(officeId);
          const office = this.offices.get(officeId);
          return html`<li class="office" style=${styleMap({ '--office-color': office?.color ?? '#5b6470' })}>
            <p>${name}: ${t('signoff.suggestionCount', { count })}</p>
            <div class="actions">
              <button type="button" ?disabled=${this.busy} @click=${() => this.decideForOffice(officeId, SuggestionDecision.accept)}>
                ${t('editor.acceptAllFrom', { office: name })}
              </button>
              <button type="button" ?disabled=${this.busy} @click=${() => this.decideForOffice(officeId, SuggestionDecision.reject)}>
                ${t('editor.rejectAllFrom', { office: name })}
              </button>
            </div>
          </li>`;
        })}
      </ul>`;
  }

  private renderSuggestion(paragraph: ParagraphSuggestions, suggestion: OpenSuggestion) {
    const office = this.offices.get(suggestion.officeId);
    const officeName = this.officeName(suggestion.officeId);
    const label = `${kindWords[suggestion.kind]} “${suggestion.text}” (${suggestion.authorName}, ${officeName})`;
    const isOwn = suggestion.authorId === this.userId;
    return html`<li class="suggestion" style=${styleMap({ '--office-color': office?.color ?? '#5b6470' })}>
      <p>
        <span class="kind">${kindWords[suggestion.kind]}</span>
        <span class=${suggestion.kind === SuggestionKind.insertion ? 'inserted' : 'deleted'}>${suggestion.text}</span>
      </p>
      <p class="by">${suggestion.authorName}, ${officeName} · ${formatDateTime(suggestion.time)}</p>
      <div class="actions">
        ${this.canDecide
          ? html`<button type="button" ?disabled=${this.busy} aria-label=${t('editor.accept2', { label: label })} @click=${() => this.decide(paragraph, SuggestionDecision.accept, [suggestion])}>
                ${t('editor.accept')}
              </button>
              <button type="button" ?disabled=${this.busy} aria-label=${t('editor.reject2', { label: label })} @click=${() => this.decide(paragraph, SuggestionDecision.reject, [suggestion])}>
                ${t('editor.reject')}
              </button>`
          : nothing}
        ${isOwn
          ? html`<button type="button" ?disabled=${this.busy} aria-label=${t('editor.withdraw2', { label: label })} @click=${() => this.decide(paragraph, SuggestionDecision.withdraw, [suggestion])}>
              ${t('editor.withdraw')}
            </button>`
          : nothing}
      </div>
    </li>`;
  }

  private renderParagraph(paragraph: ParagraphSuggestions) {
    const several = paragraph.suggestions.length > 1;
    return html`<li>
      <h3>${t('editor.paragraph', { number: paragraph.number })}</h3>
      ${this.canDecide && several
        ? html`<div class="actions">
            <button type="button" ?disabled=${this.busy} @click=${() => this.decide(paragraph, SuggestionDecision.accept, paragraph.suggestions)}>
              ${t('editor.acceptAllInParagraph', { number: paragraph.number })}
            </button>
            <button type="button" ?disabled=${this.busy} @click=${() => this.decide(paragraph, SuggestionDecision.reject, paragraph.suggestions)}>
              ${t('editor.rejectAllInParagraph', { number: paragraph.number })}
            </button>
          </div>`
        : nothing}
      <ul>
        ${paragraph.suggestions.map((suggestion) => this.renderSuggestion(paragraph, suggestion))}
      </ul>
    </li>`;
  }

  protected override updated(): void {
    if (!this.keepsFocus) return;
    const mine = this.shadowRoot?.activeElement;
    // Still on a button that works: the person may press it again, or move on from it.
    if (mine instanceof HTMLButtonElement && !mine.disabled) return;
    this.keepsFocus = false;
    // The person moved on elsewhere on the page while the decision was on its way.
    const outside = document.activeElement;
    if (!mine && outside && outside !== document.body) return;
    // The focus went, or is going, with a disabled or removed button: the list's heading keeps it.
    this.shadowRoot?.querySelector<HTMLElement>('#suggestions-heading')?.focus();
  }

  override render() {
    const count = this.paragraphs.reduce((sum, paragraph) => sum + paragraph.suggestions.length, 0);
    return html`<section aria-labelledby="suggestions-heading">
      <h2 id="suggestions-heading" tabindex="-1">${t('editor.suggestions2', { count: count })}</h2>
      <p class="message" role="status">${this.message}</p>
      ${count > 0 && this.canDecide ? this.renderOffices() : nothing}
      ${count === 0 ? html`<p>${t('editor.noOpenSuggestions')}</p>` : html`<ul class="paragraphs">${this.paragraphs.map((paragraph) => this.renderParagraph(paragraph))}</ul>`}
    </section>`;
  }

  static override styles = [
    buttonStyles,
    css`
      :host {
        display: block;
      }
      section {
        padding: 0.75rem 1rem;
        border: 1px solid var(--jl-border);
        border-radius: var(--jl-radius);
        background: var(--jl-paper, #fff);
      }
      h2 {
        font-size: 1.0625rem;
        margin: 0 0 0.5rem;
      }
      h3 {
        font-size: 1rem;
        margin: 0.5rem 0 0.25rem;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      .suggestion,
      .office {
        border-inline-start: 4px solid var(--office-color);
        padding: 0.25rem 0.5rem;
        margin: 0 0 0.5rem;
      }
      .suggestion p,
      .office p {
        margin: 0 0 0.25rem;
      }
      .kind {
        font-weight: 600;
        margin-inline-end: 0.25rem;
      }
      .inserted {
        text-decoration: underline;
      }
      .deleted {
        text-decoration: line-through;
      }
      .by {
        font-size: 0.875rem;
        color: var(--jl-muted, #4a5260);
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem;
        margin-bottom: 0.25rem;
      }
      .message:empty {
        display: none;
      }
    `,
  ];
}

customElements.define('jl-suggestion-list', JlSuggestionList);

declare global {
  interface HTMLElementTagNameMap {
    'jl-suggestion-list': JlSuggestionList;
  }
}
