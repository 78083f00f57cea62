import { t } from '../i18n/translate.js';
import { LanguageController } from '../i18n/language-controller.js';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { ErrorCode } from '../../shared/api/errors.js';
import type { Signatory } from '../../shared/api/letters.js';
import type { SignoffEntry } from '../../shared/api/signoffs.js';
import { deriveSignoffState, SignoffAction, SignoffState } from '../../shared/domain/signoff-state.js';
import { ApiError, describeError } from '../api/api-error.js';
import { loadParagraphHistory, recordSignoff } from '../api/signoffs-api.js';
import { formatDateTime } from '../ui/format-date-time.js';
import { buttonStyles, formStyles, messageStyles, visuallyHiddenStyles } from '../ui/shared-styles.js';
import { emptyLetterState, openReservations, type LetterState } from '../sync/letter-state.js';
import { reservationKindLabel } from '../comments/reservation-kind-labels.js';
import type { ParagraphInfo } from './paragraph-signoff.js';
import { signoffActionLabel } from './signoff-action-labels.js';
import { signoffStateLabel } from './signoff-state-labels.js';
import { renderDiffLegend, renderWordDiff, wordDiffStyles } from './render-word-diff.js';
import { renderRevealedText } from './render-revealed-text.js';
import { ShowParagraphEvent } from './show-paragraph-event.js';
import { findMixedScriptWords, hasInvisibleCharacters } from '../../shared/domain/text-policy.js';
import { formatList } from '../i18n/format-list.js';

/**
 * The sign-off of the paragraph holding the caret: every signatory office's state in words, who
 * acted and when, and, for an approver of a signatory office, that office's actions. A stale
 * approval shows what changed, word by word, since the office approved.
 */
export class JlParagraphPanel extends LitElement {
  private readonly languageController = new LanguageController(this);

  static override properties = {
    letterId: { attribute: false },
    paragraph: { attribute: false },
    signatories: { attribute: false },
    letterState: { attribute: false },
    myOfficeId: { attribute: false },
    canAct: { attribute: false },
    readParagraphs: { attribute: false },
    isReasonOpen: { state: true },
    isBusy: { state: true },
    error: { state: true },
    approvedText: { state: true },
  };

  declare letterId: string;
  declare paragraph: ParagraphInfo | null;
  declare signatories: Signatory[];
  declare letterState: LetterState;
  /** The office the signed-in person acts for. */
  declare myOfficeId: string | undefined;
  /** True for an approver of a signatory office while the letter is open for sign-off. */
  declare canAct: boolean;
  /** The paragraphs as the editor holds them now: after an approval the panel moves on to the next. */
  declare readParagraphs: () => readonly ParagraphInfo[];
  declare private isReasonOpen: boolean;
  declare private isBusy: boolean;
  declare private error: string | null;
  /** The text this office last approved, for the comparison on a stale paragraph. */
  declare private approvedText: string | null;
  /** The earlier approval's hash, for re-approving a stale paragraph once its diff is shown (S12). */
  private approvedHash: string | null = null;
  private approvedTextFor = '';
  /** Set after an approval moved the panel on: the next paragraph's panel takes the focus. */
  private isFocusMoving = false;

  constructor() {
    super();
    this.letterId = '';
    this.paragraph = null;
    this.signatories = [];
    this.letterState = emptyLetterState;
    this.myOfficeId = undefined;
    this.canAct = false;
    this.readParagraphs = () => [];
    this.isReasonOpen = false;
    this.isBusy = false;
    this.error = null;
    this.approvedText = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('paragraph') && changed.get('paragraph')?.id !== this.paragraph?.id) {
      this.isReasonOpen = false;
      this.error = null;
    }
    const mine = this.myEntry();
    const key = mine && this.paragraph ? `${this.paragraph.id}:${mine.at}` : '';
    if (this.myState() === SignoffState.stale && key !== this.approvedTextFor) {
      this.approvedTextFor = key;
      this.approvedText = null;
      void this.loadApprovedText();
    }
  }

  private myEntry(): SignoffEntry | undefined {
    if (!this.paragraph || !this.myOfficeId) return undefined;
    return this.letterState.signoffs.get(this.paragraph.id)?.get(this.myOfficeId);
  }

  private myState(): SignoffState | undefined {
    if (!this.paragraph || !this.myOfficeId) return undefined;
    return deriveSignoffState(this.myEntry(), this.paragraph.hash);
  }

  private async loadApprovedText(): Promise<void> {
    const paragraph = this.paragraph;
    const officeId = this.myOfficeId;
    if (!paragraph || !officeId) return;
    try {
      const { acts } = await loadParagraphHistory(this.letterId, paragraph.id);
      if (paragraph.id !== this.paragraph?.id) return;
      const approval = acts.findLast((act) => act.officeId === officeId && act.action === SignoffAction.approve);
      this.approvedText = approval?.paragraphText ?? null;
      this.approvedHash = approval?.hash ?? null;
    } catch (error) {
      this.error = describeError(error);
    }
  }

  private async act(action: SignoffAction, reason?: string): Promise<void> {
    const paragraph = this.paragraph;
    if (!paragraph) return;
    this.isBusy = true;
    this.error = null;
    // A stale paragraph is approved again only with its diff on screen, naming the earlier text (S12).
    const staleHash = action === SignoffAction.approve && this.myState() === SignoffState.stale ? this.approvedHash : null;
    try {
      await recordSignoff(this.letterId, paragraph.id, { action, hash: paragraph.hash, reason, ...(staleHash ? { staleHash } : {}) });
      this.isReasonOpen = false;
      if (action === SignoffAction.approve) this.moveToNextParagraph(paragraph);
    } catch (error) {
      this.error = describeSignoffError(error);
    } finally {
      this.isBusy = false;
    }
  }

  /** After an approval the next paragraph's panel opens, with the focus, so an approver reads on. */
  private moveToNextParagraph(approved: ParagraphInfo): void {
    const next = this.readParagraphs().find((candidate) => candidate.number === approved.number + 1);
    if (!next) return;
    this.isFocusMoving = true;
    this.dispatchEvent(new ShowParagraphEvent(next.id));
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!this.isFocusMoving || !changed.has('paragraph')) return;
    this.isFocusMoving = false;
    this.focusHeading();
  }

  /** Gives the focus to the panel, at its heading. */
  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('#panel-heading')?.focus();
  }

  private readonly onReasonSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const reason = new FormData(form).get('reason');
    if (typeof reason !== 'string' || reason.trim() === '') {
      this.error = t('signoff.sayWhatShouldChangeBefore');
      return;
    }
    void this.act(SignoffAction.requestChanges, reason.trim());
  };

  override render() {
    const paragraph = this.paragraph;
    if (!paragraph) {
      return html`<section aria-labelledby="panel-heading">
        <h2 id="panel-heading">${t('signoff.paragraphSignOff')}</h2>
        <p class="hint">${t('signoff.placeTheCursorInA')}</p>
      </section>`;
    }
    const ordered = [...this.signatories].sort((a, b) => a.position - b.position);
    return html`
      <section aria-labelledby="panel-heading">
        <h2 id="panel-heading" tabindex="-1">${t('signoff.signOffOfParagraph', { number: paragraph.number })}</h2>
        ${this.renderDiff()}
        <ul class="offices">
          ${ordered.map((signatory) => this.renderOffice(signatory, paragraph))}
        </ul>
        ${this.renderTextCheck(paragraph)} ${this.canAct ? this.renderActions() : null}
        ${this.error ? html`<p class="message error" role="alert">${this.error}</p>` : null}
      </section>
    `;
  }

  private renderOffice(signatory: Signatory, paragraph: ParagraphInfo) {
    const entry = this.letterState.signoffs.get(paragraph.id)?.get(signatory.office.id);
    const state = deriveSignoffState(entry, paragraph.hash);
    const label = signoffStateLabel[state];
    return html`<li class="office state-${state}">
      <span class="office-name">${signatory.office.country}<span class="office-en">, ${signatory.office.nameEn}</span></span>
      <span class="state"><span aria-hidden="true">${label.icon}</span> ${label.text}</span>
      ${entry && entry.action !== SignoffAction.withdraw
        ? html`<span class="acted">${t('signoff.by', { value: signoffActionLabel[entry.action], by: entry.by, dateTime: formatDateTime(entry.at) })}</span>`
        : null}
      ${state === SignoffState.changesRequested && entry?.reason ? html`<q class="reason">${entry.reason}</q>` : null}
      ${openReservations(this.letterState, paragraph.id)
        .filter((reservation) => reservation.officeId === signatory.office.id)
        .map(
          (reservation) =>
            html`<span class="reservation"><span aria-hidden="true">⚑</span> ${t('signoff.by2', { value: reservationKindLabel[reservation.kind], by: reservation.by })}
              <q>${reservation.reason}</q></span>`,
        )}
    </li>`;
  }

  /** Invisible characters (T2) and look-alike letters from other scripts (T3), before anyone approves. */
  private renderTextCheck(paragraph: ParagraphInfo) {
    const hasInvisible = hasInvisibleCharacters(paragraph.text);
    const mixedWords = [...new Set(findMixedScriptWords(paragraph.text).map((entry) => entry.word))];
    if (!hasInvisible && mixedWords.length === 0) return null;
    return html`<section class="text-check" aria-labelledby="text-check-heading">
      <h3 id="text-check-heading">${t('signoff.checkThisParagraphSCharacters')}</h3>
      ${mixedWords.length > 0
        ? html`<p class="flag" role="note">
            ${t('signoff.wordsMixScripts', { count: mixedWords.length, words: formatList(mixedWords.map((word) => `“${word}”`)) })}
          </p>`
        : null}
      ${hasInvisible ? html`<p class="flag" role="note">${t('signoff.invisibleCharactersAreShownAs')}</p>` : null}
      <p class="revealed-text">${renderRevealedText(paragraph.text)}</p>
    </section>`;
  }

  private renderDiff() {
    if (!this.canAct || this.myState() !== SignoffState.stale || !this.paragraph) return null;
    const officeName = this.signatories.find((signatory) => signatory.office.id === this.myOfficeId)?.office.country ?? t('signoff.yourOffice');
    if (this.approvedText === null) return html`<p class="hint">${t('signoff.loadingWhatChanged')}</p>`;
    return html`<section class="diff" aria-labelledby="diff-heading">
      <h3 id="diff-heading">${t('signoff.whatChangedSinceApproved', { officeName: officeName })}</h3>
      ${renderWordDiff(this.approvedText, this.paragraph.text)} ${renderDiffLegend()}
    </section>`;
  }

  private renderActions() {
    const mine = this.myEntry();
    const canWithdraw = mine !== undefined && mine.action !== SignoffAction.withdraw;
    // R2: the office lifts its own reservation before it can approve.
    const isReserved = openReservations(this.letterState, this.paragraph?.id).some((reservation) => reservation.officeId === this.myOfficeId);
    return html`
      ${isReserved ? html`<p class="hint" id="reserved-hint">${t('signoff.yourOfficeHasAnOpen')}</p>` : null}
      <div class="actions">
        <button
          type="button"
          class="primary"
          aria-describedby=${isReserved ? 'reserved-hint' : ''}
          ?disabled=${this.isBusy || isReserved || (this.myState() === SignoffState.stale && this.approvedText === null)}
          @click=${() => void this.act(SignoffAction.approve)}
        >
          ${t('signoff.approve2')}
        </button>
        <button
          type="button"
          class="secondary"
          aria-expanded=${this.isReasonOpen ? 'true' : 'false'}
          ?disabled=${this.isBusy}
          @click=${() => (this.isReasonOpen = !this.isReasonOpen)}
        >
          ${t('signoff.requestChanges')}
        </button>
        ${canWithdraw
          ? html`<button type="button" class="secondary" ?disabled=${this.isBusy} @click=${() => void this.act(SignoffAction.withdraw)}>
              ${t('signoff.withdraw')}
            </button>`
          : null}
      </div>
      ${this.isReasonOpen
        ? html`<form @submit=${this.onReasonSubmit}>
            <div class="field">
              <label for="reason">${t('signoff.whatShouldChange')}</label>
              <textarea id="reason" name="reason" rows="3" required></textarea>
            </div>
            <button type="submit" class="primary" ?disabled=${this.isBusy}>${t('signoff.sendTheRequestForChanges')}</button>
          </form>`
        : null}
    `;
  }

  static override styles = [
    buttonStyles,
    formStyles,
    messageStyles,
    visuallyHiddenStyles,
    wordDiffStyles,
    css`
      :host {
        display: block;
        padding: 0.75rem 1rem;
        background: var(--jl-paper);
        border: 1px solid var(--jl-border);
        border-radius: var(--jl-radius);
      }
      h2 {
        margin: 0 0 0.5rem;
        font-size: 1.0625rem;
      }
      h2:focus {
        outline: 3px solid var(--jl-focus);
        outline-offset: 2px;
      }
      .diff {
        margin-bottom: 0.75rem;
      }
      h3 {
        margin: 0.75rem 0 0.25rem;
        font-size: 1rem;
      }
      .hint {
        margin: 0;
        color: var(--jl-text-muted);
      }
      .offices {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.5rem;
      }
      .office {
        display: grid;
        gap: 0.125rem;
        padding-inline-start: 0.625rem;
        border-inline-start: 4px solid var(--jl-border);
      }
      .office-name {
        font-weight: 600;
      }
      .office-en {
        font-weight: normal;
        color: var(--jl-text-muted);
      }
      .state-approved {
        border-inline-start-color: var(--jl-success);
      }
      .state-stale,
      .state-changes_requested {
        border-inline-start-color: var(--jl-warning);
      }
      .state-stale .state,
      .state-changes_requested .state {
        color: var(--jl-warning);
        font-weight: 600;
      }
      .reservation {
        color: var(--jl-warning);
        font-size: 0.875rem;
      }
      .acted {
        color: var(--jl-text-muted);
        font-size: 0.875rem;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        margin-top: 0.75rem;
      }
      form {
        margin-top: 0.75rem;
      }
      textarea {
        font: inherit;
        width: 100%;
        padding: 0.5rem;
        border: 1px solid var(--jl-border-strong);
        border-radius: var(--jl-radius);
      }
      .message {
        margin: 0.75rem 0 0;
      }
      .flag {
        margin: 0 0 0.25rem;
        color: var(--jl-warning);
        font-weight: 600;
      }
      .revealed-text {
        margin: 0;
        padding: 0.5rem;
        font-family: var(--jl-font-letter);
        background: #fafbfc;
        border: 1px solid var(--jl-border);
        border-radius: var(--jl-radius);
        overflow-wrap: anywhere;
      }
    `,
  ];
}

function describeSignoffError(error: unknown): string {
  if (error instanceof ApiError && error.code === ErrorCode.reservationOpen) return describeError(error);
  if (error instanceof ApiError && (error.status === 409 || error.code === ErrorCode.conflict)) {
    // The same code also refuses acts on a signed letter; the server's words say which.
    if (/signed|ready to sign/i.test(error.message) || error.code === ErrorCode.staleNotShown) return error.message;
    return t('signoff.theParagraphChangedSinceYou');
  }
  if (error instanceof ApiError && (error.status === 403 || error.code === ErrorCode.forbidden)) {
    return t('signoff.onlyAnApproverOfA');
  }
  return describeError(error);
}

customElements.define('jl-paragraph-panel', JlParagraphPanel);

declare global {
  interface HTMLElementTagNameMap {
    'jl-paragraph-panel': JlParagraphPanel;
  }
}
