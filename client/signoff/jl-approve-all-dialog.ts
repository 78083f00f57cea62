import { t } from '../i18n/translate.js';
import { LanguageController } from '../i18n/language-controller.js';
import { css, html, LitElement } from 'lit';
import { ErrorCode } from '../../shared/api/errors.js';
import { SignoffAction, SignoffState } from '../../shared/domain/signoff-state.js';
import { ApiError, describeError } from '../api/api-error.js';
import { loadParagraphHistory, recordSignoffs } from '../api/signoffs-api.js';
import { buttonStyles, messageStyles, visuallyHiddenStyles } from '../ui/shared-styles.js';
import type { ParagraphInfo } from './paragraph-signoff.js';
import { renderDiffLegend, renderWordDiff, wordDiffStyles } from './render-word-diff.js';
import { renderRevealedText } from './render-revealed-text.js';
import { ApprovalsRecordedEvent } from './approvals-recorded-event.js';

/** A paragraph "approve every pending paragraph" would approve, and its state for the office now. */
export interface ApprovalCandidate {
  paragraph: ParagraphInfo;
  state: typeof SignoffState.pending | typeof SignoffState.stale;
}

/** A stale paragraph with the text the office approved before, for the word diff (rule S12). */
interface EarlierApproval {
  hash: string;
  text: string;
}

/**
 * Asks an approver to confirm approving several paragraphs at once: lists each one, shows every
 * stale one with what changed since the office approved it, and records them all or none (S7, S12).
 * The native <dialog> traps focus, closes on Escape and gives the focus back.
 */
export class JlApproveAllDialog extends LitElement {
  private readonly languageController = new LanguageController(this);

  static override properties = {
    letterId: { attribute: false },
    officeId: { attribute: false },
    country: { attribute: false },
    candidates: { state: true },
    earlier: { state: true },
    isBusy: { state: true },
    error: { state: true },
  };

  declare letterId: string;
  declare officeId: string;
  declare country: string;
  declare private candidates: ApprovalCandidate[];
  declare private earlier: Map<string, EarlierApproval> | null;
  declare private isBusy: boolean;
  declare private error: string | null;
  private readCandidates: () => ApprovalCandidate[] = () => [];

  constructor() {
    super();
    this.letterId = '';
    this.officeId = '';
    this.country = '';
    this.candidates = [];
    this.earlier = null;
    this.isBusy = false;
    this.error = null;
  }

  private get dialog(): HTMLDialogElement {
    return this.renderRoot.querySelector('dialog')!;
  }

  /** Opens the dialog with the paragraphs as `readCandidates` finds them now (and again after a refusal). */
  async open(readCandidates: () => ApprovalCandidate[]): Promise<void> {
    this.readCandidates = readCandidates;
    this.error = null;
    await this.updateComplete;
    this.dialog.showModal();
    await this.refresh();
  }

  private async refresh(): Promise<void> {
    this.candidates = this.readCandidates();
    this.earlier = null;
    try {
      const stale = this.candidates.filter((candidate) => candidate.state === SignoffState.stale);
      const loaded = await Promise.all(stale.map(async ({ paragraph }) => [paragraph.id, await this.loadEarlier(paragraph.id)] as const));
      this.earlier = new Map(loaded.filter((entry): entry is readonly [string, EarlierApproval] => entry[1] !== null));
    } catch (error) {
      this.error = describeError(error);
    }
  }

  private async loadEarlier(paragraphId: string): Promise<EarlierApproval | null> {
    const { acts } = await loadParagraphHistory(this.letterId, paragraphId);
    const approval = acts.findLast((act) => act.officeId === this.officeId && act.action === SignoffAction.approve);
    return approval ? { hash: approval.hash, text: approval.paragraphText } : null;
  }

  private async confirm(): Promise<void> {
    const earlier = this.earlier;
    if (!earlier) return;
    this.isBusy = true;
    this.error = null;
    const items = this.candidates.map(({ paragraph }) => {
      const staleHash = earlier.get(paragraph.id)?.hash;
      return { paragraphId: paragraph.id, action: SignoffAction.approve, hash: paragraph.hash, ...(staleHash ? { staleHash } : {}) };
    });
    try {
      await recordSignoffs(this.letterId, { items });
      this.dialog.close();
      this.dispatchEvent(new ApprovalsRecordedEvent(items.length));
    } catch (error) {
      // A refusal because text changed meanwhile: the list is read again. Any other (the letter went to ready) is told as is.
      if (error instanceof ApiError && (error.code === ErrorCode.staleNotShown || (error.status === 409 && /changed since/.test(error.message)))) {
        this.error = t('signoff.someParagraphsChangedWhileYou');
        await this.refresh();
      } else {
        this.error = describeError(error);
      }
    } finally {
      this.isBusy = false;
    }
  }

  override render() {
    const count = this.candidates.length;
    const staleCount = this.candidates.filter((candidate) => candidate.state === SignoffState.stale).length;
    return html`
      <dialog aria-labelledby="approve-all-title" aria-describedby="approve-all-summary">
        <h2 id="approve-all-title">${t('signoff.approveParagraphsFor', { count: count, country: this.country })}</h2>
        <p id="approve-all-summary">
          ${staleCount > 0
            ? t('signoff.staleAmongThem', { count: staleCount })
            : html`${t('signoff.eachIsApprovedAsIt')}`}
        </p>
        ${this.error ? html`<p class="message error" role="alert">${this.error}</p>` : null}
        <ol class="candidates" aria-label=${t('signoff.paragraphsToApprove')}>
          ${this.candidates.map((candidate) => this.renderCandidate(candidate))}
        </ol>
        <div class="actions">
          <button type="button" class="primary" ?disabled=${this.isBusy || this.earlier === null || count === 0} @click=${() => void this.confirm()}>
            ${t('signoff.approveParagraphs', { count: count })}
          </button>
          <button type="button" class="secondary" @click=${() => this.dialog.close()}>${t('signoff.cancel')}</button>
        </div>
      </dialog>
    `;
  }

  private renderCandidate({ paragraph, state }: ApprovalCandidate) {
    if (state !== SignoffState.stale) {
      return html`<li>
        <span class="label">${t('signoff.paragraphPending', { number: paragraph.number })}</span>
        <p class="text">${renderRevealedText(paragraph.text)}</p>
      </li>`;
    }
    const earlier = this.earlier?.get(paragraph.id);
    return html`<li class="stale">
      <span class="label">${t('signoff.paragraphChangedSinceApprovedIt', { number: paragraph.number, country: this.country })}</span>
      ${this.earlier === null
        ? html`<p class="hint">${t('signoff.loadingWhatChanged')}</p>`
        : html`<section aria-label=${t('signoff.whatChangedInParagraph', { number: paragraph.number })}>
            ${renderWordDiff(earlier?.text ?? '', paragraph.text)} ${renderDiffLegend()}
          </section>`}
    </li>`;
  }

  static override styles = [
    buttonStyles,
    messageStyles,
    visuallyHiddenStyles,
    wordDiffStyles,
    css`
      dialog {
        width: min(44rem, calc(100vw - 2rem));
        max-height: calc(100vh - 4rem);
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
      h2 {
        margin: 0 0 0.5rem;
        font-size: 1.25rem;
      }
      .candidates {
        margin: 0.75rem 0;
        padding: 0;
        list-style: none;
        display: grid;
        gap: 0.75rem;
      }
      .candidates li {
        padding-inline-start: 0.625rem;
        border-inline-start: 4px solid var(--jl-border);
      }
      .candidates li.stale {
        border-inline-start-color: var(--jl-warning);
      }
      .label {
        font-weight: 600;
      }
      .text {
        margin: 0.25rem 0 0;
        font-family: var(--jl-font-letter);
        overflow-wrap: anywhere;
      }
      .hint {
        margin: 0.25rem 0 0;
        color: var(--jl-text-muted);
      }
      .actions {
        display: flex;
        gap: 0.75rem;
      }
    `,
  ];
}

customElements.define('jl-approve-all-dialog', JlApproveAllDialog);

declare global {
  interface HTMLElementTagNameMap {
    'jl-approve-all-dialog': JlApproveAllDialog;
  }
}
