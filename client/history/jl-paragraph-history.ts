import { t } from '../i18n/translate.js';
import { LanguageController } from '../i18n/language-controller.js';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { ErrorCode } from '../../shared/api/errors.js';
import type { ParagraphHistory, Revision } from '../../shared/api/history.js';
import type { Office } from '../../shared/api/offices.js';
import { ApiError, describeError } from '../api/api-error.js';
import { loadRevisionHistory, restoreRevision } from '../api/history-api.js';
import { loadOffices } from '../api/offices-api.js';
import { dispatchIfSessionExpired } from '../session/dispatch-if-session-expired.js';
import { emptyLetterState, type LetterState } from '../sync/letter-state.js';
import type { ParagraphInfo } from '../signoff/paragraph-signoff.js';
import { renderWordDiff, wordDiffStyles } from '../signoff/render-word-diff.js';
import { formatDateTime } from '../ui/format-date-time.js';
import { officeName } from '../ui/office-name.js';
import { buttonStyles, messageStyles, noticeStyles, visuallyHiddenStyles } from '../ui/shared-styles.js';
import { describeRevision, type RevisionContext } from './describe-revision.js';
import { buildTimeline, latestApprovals, revisionPageSize } from './history-timeline.js';
import { discussionActs } from './discussion-acts.js';
import { renderDiscussionEntry } from './render-discussion-entry.js';
import { emptyCommentsState, type CommentsState } from '../sync/comments-state.js';
import './jl-approved-comparison.js';
import { paragraphHistoryStyles } from './paragraph-history-styles.js';
import { renderSignoffEntry } from './render-signoff-entry.js';

/** Typing changes the paragraph's hash on every key; its history is asked for once typing pauses. */
const reloadDelayMs = 1200;
/** Arrowing through paragraphs passes many; only the one the caret rests in is asked for. */
const switchDelayMs = 250;

/**
 * The history of the paragraph holding the caret, behind a disclosure: its revisions newest
 * first with a word diff against the one before, its sign-off acts, comments and reservations in
 * the same timeline, the
 * difference to what an office approved, and, for people who may edit, restoring older text.
 */
export class JlParagraphHistory extends LitElement {
  private readonly languageController = new LanguageController(this);

  static override properties = {
    letterId: { attribute: false },
    paragraph: { attribute: false },
    letterState: { attribute: false },
    comments: { attribute: false },
    canRestore: { attribute: false },
    readParagraphs: { attribute: false },
    isOpen: { state: true },
    history: { state: true },
    offices: { state: true },
    shownRevisions: { state: true },
    confirmingRevisionId: { state: true },
    isBusy: { state: true },
    error: { state: true },
    loadError: { state: true },
    notice: { state: true },
  };

  declare letterId: string;
  declare paragraph: ParagraphInfo | null;
  /** Sign-offs as the server announces them: a new act reloads the timeline. */
  declare letterState: LetterState;
  /** Comment threads as the server announces them: their acts join the timeline live. */
  declare comments: CommentsState;
  /** The person may edit the text and the letter is not frozen. */
  declare canRestore: boolean;
  /** The paragraphs as the editor holds them now, to name the paragraph a split came from. */
  declare readParagraphs: () => readonly ParagraphInfo[];
  declare private isOpen: boolean;
  /** The history of `paragraph`, or undefined while it loads. */
  declare private history: ParagraphHistory | undefined;
  declare private offices: Office[];
  declare private shownRevisions: number;
  declare private confirmingRevisionId: string | null;
  declare private isBusy: boolean;
  /** What went wrong with the person's last action (a restore). */
  declare private error: string | null;
  /** Why the history could not be read; cleared by the next read that works. */
  declare private loadError: string | null;
  declare private notice: string;
  private reloadTimer: ReturnType<typeof setTimeout> | undefined;
  /** Answers to earlier requests that arrive late are dropped. */
  private loadCount = 0;
  private haveOfficesLoaded = false;
  /** Word diffs are the costly part of a render; each loaded revision is compared once. */
  private diffs = new WeakMap<Revision, { previousText: string | null; diff: ReturnType<typeof renderWordDiff> }>();

  constructor() {
    super();
    this.letterId = '';
    this.paragraph = null;
    this.letterState = emptyLetterState;
    this.comments = emptyCommentsState;
    this.canRestore = false;
    this.readParagraphs = () => [];
    this.isOpen = false;
    this.history = undefined;
    this.offices = [];
    this.shownRevisions = revisionPageSize;
    this.confirmingRevisionId = null;
    this.isBusy = false;
    this.error = null;
    this.loadError = null;
    this.notice = '';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.reloadTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const previous = changed.get('paragraph');
    const isOtherParagraph = changed.has('paragraph') && previous?.id !== this.paragraph?.id;
    if (isOtherParagraph || changed.has('letterId')) {
      this.reset();
      if (this.isOpen) this.scheduleReload(switchDelayMs);
      return;
    }
    const hasTextChanged = changed.has('paragraph') && previous?.hash !== this.paragraph?.hash;
    if (this.isOpen && (hasTextChanged || changed.has('letterState'))) this.scheduleReload(reloadDelayMs);
  }

  private reset(): void {
    clearTimeout(this.reloadTimer);
    this.loadCount++;
    this.history = undefined;
    this.shownRevisions = revisionPageSize;
    this.confirmingRevisionId = null;
    this.error = null;
    this.loadError = null;
    this.notice = '';
  }

  private scheduleReload(delayMs: number): void {
    clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => void this.load(), delayMs);
  }

  private async load(): Promise<void> {
    clearTimeout(this.reloadTimer);
    const paragraphId = this.paragraph?.id;
    if (!paragraphId || !this.letterId) return;
    const count = ++this.loadCount;
    void this.loadOfficeNames();
    try {
      const history = await loadRevisionHistory(this.letterId, paragraphId);
      if (count !== this.loadCount) return;
      this.history = history;
      this.loadError = null;
    } catch (error) {
      if (count !== this.loadCount || dispatchIfSessionExpired(this, error)) return;
      this.loadError = describeError(error);
    }
  }

  private async loadOfficeNames(): Promise<void> {
    if (this.haveOfficesLoaded) return;
    this.haveOfficesLoaded = true;
    try {
      this.offices = await loadOffices();
    } catch {
      // Without the list, offices are named by their ids; the history itself still shows.
      this.haveOfficesLoaded = false;
    }
  }

  private toggle(): void {
    this.isOpen = !this.isOpen;
    if (this.isOpen) void this.load();
    else clearTimeout(this.reloadTimer);
  }

  /** The restore buttons replace one another; focus follows so keyboard users keep their place. */
  private async confirmRestore(revisionId: string | null): Promise<void> {
    const returnTo = this.confirmingRevisionId;
    this.confirmingRevisionId = revisionId;
    await this.updateComplete;
    const target = revisionId
      ? this.renderRoot.querySelector<HTMLElement>('.confirm .primary')
      : this.renderRoot.querySelector<HTMLElement>(`[data-revision="${returnTo ?? ''}"] .restore`);
    target?.focus();
  }

  private async restore(revision: Revision): Promise<void> {
    const paragraph = this.paragraph;
    if (!paragraph) return;
    this.isBusy = true;
    this.error = null;
    this.notice = '';
    try {
      await restoreRevision(this.letterId, paragraph.id, { revisionId: revision.id, hash: paragraph.hash });
      this.confirmingRevisionId = null;
      this.notice = t('history.paragraphIsBackToThe', { number: paragraph.number, dateTime: formatDateTime(revision.endedAt) });
    } catch (error) {
      if (dispatchIfSessionExpired(this, error)) return;
      this.confirmingRevisionId = null;
      this.error = describeRestoreError(error);
    } finally {
      this.isBusy = false;
    }
    // The confirmation is gone; the heading's button is the one place that surely stays.
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.disclosure')?.focus();
    await this.load();
  }

  override render() {
    const paragraph = this.paragraph;
    if (!paragraph) return nothing;
    const headingText = t('history.historyOfParagraph', { number: paragraph.number });
    return html`<section class="history" aria-labelledby="history-heading">
      <h2 id="history-heading">
        <button type="button" class="disclosure" aria-expanded=${this.isOpen ? 'true' : 'false'} aria-controls="history-body" @click=${this.toggle}>
          ${headingText}<span class="chevron" aria-hidden="true">${this.isOpen ? '▴' : '▾'}</span>
        </button>
      </h2>
      ${this.isOpen
        ? html`<div id="history-body">
            <p class="message success" role="status">${this.notice}</p>
            ${this.error ? html`<p class="message error" role="alert">${this.error}</p>` : null}
            ${this.loadError ? html`<p class="message error" role="alert">${this.loadError}</p>` : null}
            ${this.history ? this.renderHistory(this.history, paragraph) : this.loadError ? null : html`<p class="hint">${t('history.loadingTheHistory')}</p>`}
          </div>`
        : null}
    </section>`;
  }

  private renderHistory(history: ParagraphHistory, paragraph: ParagraphInfo) {
    const discussion = discussionActs(paragraph.id, this.comments.threads.values(), this.letterState.reservations?.values() ?? []);
    const { entries, hiddenRevisions } = buildTimeline(history, this.shownRevisions, discussion);
    const office = (officeId: string) => officeName(this.offices, officeId);
    const byId = new Map(history.revisions.map((revision) => [revision.id, revision]));
    const context: RevisionContext = {
      paragraphNumber: (id) => this.readParagraphs().find((other) => other.id === id)?.number ?? null,
      findRevision: (id) => byId.get(id),
    };
    return html`
      <jl-approved-comparison .approvals=${latestApprovals(history)} .currentText=${paragraph.text} .offices=${this.offices}></jl-approved-comparison>
      <ol class="timeline" aria-label=${t('history.revisionsSignOffsCommentsAnd')}>
        ${entries.map((entry) =>
          entry.kind === 'revision'
            ? this.renderRevision(entry.revision, entry.previousText, entry.isNewest, paragraph, context, entry.folded)
            : entry.kind === 'signoff'
              ? renderSignoffEntry(entry.signoff, office(entry.signoff.officeId))
              : renderDiscussionEntry(entry.act, office),
        )}
      </ol>
      ${entries.length === 0 ? html`<p class="hint">${t('history.noRevisionIsRecordedFor')}</p>` : null}
      ${hiddenRevisions > 0
        ? html`<button type="button" class="secondary" @click=${() => (this.shownRevisions += revisionPageSize)}>
            ${t('history.showOlderRevisionsMore', { hiddenRevisions: hiddenRevisions })}
          </button>`
        : null}
    `;
  }

  private renderRevision(revision: Revision, previousText: string | null, isNewest: boolean, paragraph: ParagraphInfo, context: RevisionContext, folded: Revision[] = []) {
    const author = revision.by ? `${revision.by}${revision.officeId ? `, ${officeName(this.offices, revision.officeId)}` : ''}` : t('history.authorNotRecorded');
    const canRestoreThis = this.canRestore && !isNewest && revision.kind !== 'deleted' && revision.text !== paragraph.text;
    return html`<li class="entry revision" data-revision=${revision.id}>
      <p class="entry-head"><strong>${describeRevision(revision, context)}</strong> ${t('history.by', { author: author })}${folded.length > 0
        ? html` <span class="folded">${t('history.revisionsInThisMinute', { value: folded.length + 1 })}</span>`
        : null}</p>
      <p class="entry-time">${renderTimeSpan((folded.at(-1) ?? revision).startedAt, revision.endedAt)}</p>
      ${this.diffOf(revision, previousText)} ${canRestoreThis ? this.renderRestore(revision) : null}
    </li>`;
  }

  private diffOf(revision: Revision, previousText: string | null) {
    // A revision that folds in more of its minute (older ones shown) compares with an older text.
    const cached = this.diffs.get(revision);
    if (cached && cached.previousText === previousText) return cached.diff;
    const diff = renderWordDiff(previousText ?? '', revision.text);
    this.diffs.set(revision, { previousText, diff });
    return diff;
  }

  private renderRestore(revision: Revision) {
    if (this.confirmingRevisionId !== revision.id) {
      return html`<button type="button" class="secondary restore" ?disabled=${this.isBusy} @click=${() => void this.confirmRestore(revision.id)}>
        ${t('history.restoreThisText')}
      </button>`;
    }
    return html`<div class="confirm" role="group" aria-label=${t('history.confirmTheRestore')}>
      <p>${t('history.putThisTextBackAs')}</p>
      <div class="actions">
        <button type="button" class="primary" ?disabled=${this.isBusy} @click=${() => void this.restore(revision)}>${t('history.restore')}</button>
        <button type="button" class="secondary" ?disabled=${this.isBusy} @click=${() => void this.confirmRestore(null)}>${t('history.cancel')}</button>
      </div>
    </div>`;
  }

  static override styles = [buttonStyles, messageStyles, noticeStyles, visuallyHiddenStyles, wordDiffStyles, paragraphHistoryStyles];
}

function renderTimeSpan(startedAt: string, endedAt: string) {
  const start = formatDateTime(startedAt);
  const end = formatDateTime(endedAt);
  if (start === end) return html`<time datetime=${endedAt}>${end}</time>`;
  return html`<time datetime=${startedAt}>${start}</time> ${t('history.to')} <time datetime=${endedAt}>${end}</time>`;
}

function describeRestoreError(error: unknown): string {
  if (error instanceof ApiError && (error.status === 409 || error.code === ErrorCode.conflict)) {
    return t('history.theParagraphChangedSinceYou');
  }
  if (error instanceof ApiError && (error.status === 403 || error.code === ErrorCode.forbidden)) {
    return t('history.yourRoleDoesNotLet');
  }
  return describeError(error);
}

customElements.define('jl-paragraph-history', JlParagraphHistory);

declare global {
  interface HTMLElementTagNameMap {
    'jl-paragraph-history': JlParagraphHistory;
  }
}
