import { t } from '../i18n/translate.js';
import { LanguageController } from '../i18n/language-controller.js';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import type * as Y from 'yjs';
import type { CommentEntry, ThreadEntry } from '../../shared/api/comments.js';
import type { SessionUser } from '../../shared/api/session.js';
import { anchorPassage, hasParagraph, resolveAnchor } from '../../shared/domain/comment-anchor.js';
import { defaultCommentLimits } from '../../shared/domain/comment-limits.js';
import { mayChangeComment, mayComment } from '../../shared/domain/comment-rules.js';
import type { Role } from '../../shared/domain/roles.js';
import { describeError } from '../api/api-error.js';
import { editComment, replyToThread, saveCommentSettings, setThreadStatus, startThread, withdrawComment } from '../api/comments-api.js';
import type { ParagraphInfo } from '../signoff/paragraph-signoff.js';
import { formatDateTime } from '../ui/format-date-time.js';
import { buttonStyles, formStyles, messageStyles } from '../ui/shared-styles.js';
import { emptyCommentsState, type CommentsState } from '../sync/comments-state.js';
import { matchesThreadFilter, ThreadFilter, threadFilterLabel } from './thread-filter.js';

/** The selected words the next comment is about. */
export interface Passage {
  paragraphId: string;
  from: number;
  to: number;
  text: string;
}

/**
 * The letter's comment threads beside the text (K3–K7): a form to comment on the selected words
 * or on the paragraph holding the caret, a filter, and each thread with its quote, its comments,
 * a reply form and resolve or reopen. Everything people wrote is shown as text, never as HTML.
 */
export class JlCommentList extends LitElement {
  private readonly languageController = new LanguageController(this);

  static override properties = {
    letterId: { attribute: false },
    user: { attribute: false },
    myRoles: { attribute: false },
    comments: { attribute: false },
    doc: { attribute: false },
    paragraph: { attribute: false },
    isFrozen: { attribute: false },
    isCoordinator: { attribute: false },
    readParagraphs: { attribute: false },
    readPassage: { attribute: false },
    filter: { state: true },
    passage: { state: true },
    editing: { state: true },
    busy: { state: true },
    error: { state: true },
    textVersion: { state: true },
  };

  declare letterId: string;
  declare user: SessionUser | undefined;
  declare myRoles: Role[];
  declare comments: CommentsState;
  /** The letter's shared text, to find where each anchored thread sits now. */
  declare doc: Y.Doc | undefined;
  declare paragraph: ParagraphInfo | null;
  declare isFrozen: boolean;
  declare isCoordinator: boolean;
  declare readParagraphs: () => readonly ParagraphInfo[];
  declare readPassage: () => Passage | null;
  declare private filter: ThreadFilter;
  /** The words selected when the person began writing a new comment. */
  declare private passage: Passage | null;
  /** The id of the own comment being reworded. */
  declare private editing: string | null;
  declare private busy: boolean;
  declare private error: string | null;
  /** Moves on with the text, so that the places of threads are read again. */
  declare private textVersion: number;
  private observedDoc: Y.Doc | undefined;
  private refreshScheduled = false;

  constructor() {
    super();
    this.letterId = '';
    this.user = undefined;
    this.myRoles = [];
    this.comments = emptyCommentsState;
    this.doc = undefined;
    this.paragraph = null;
    this.isFrozen = false;
    this.isCoordinator = false;
    this.readParagraphs = () => [];
    this.readPassage = () => null;
    this.filter = ThreadFilter.open;
    this.passage = null;
    this.editing = null;
    this.busy = false;
    this.error = null;
    this.textVersion = 0;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.observedDoc?.off('update', this.onTextChange);
    this.observedDoc = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('doc') && this.doc !== this.observedDoc) {
      this.observedDoc?.off('update', this.onTextChange);
      this.observedDoc = this.doc;
      this.doc?.on('update', this.onTextChange);
    }
    if (changed.has('paragraph') && this.passage && this.passage.paragraphId !== this.paragraph?.id) this.passage = null;
  }

  // Typing fires an update per keystroke; the places of threads are read again once per frame.
  private readonly onTextChange = (): void => {
    if (this.refreshScheduled) return;
    this.refreshScheduled = true;
    requestAnimationFrame(() => {
      this.refreshScheduled = false;
      this.textVersion += 1;
    });
  };

  /**
   * Opens a thread from the text (its marked words were clicked or activated): shows it even if
   * the filter hid it, scrolls to it and moves the focus to it, so its reply form is next.
   */
  async showThread(threadId: string): Promise<void> {
    const thread = this.comments.threads.get(threadId);
    if (!thread) return;
    const me = { userId: this.user?.id ?? '', officeId: this.user?.office.id ?? '' };
    if (!matchesThreadFilter(thread, this.filter, me)) this.filter = ThreadFilter.all;
    await this.updateComplete;
    const article = this.renderRoot.querySelector<HTMLElement>(`article[data-thread="${CSS.escape(threadId)}"]`);
    if (!article) return;
    article.scrollIntoView({ block: 'nearest' });
    article.focus();
  }

  private get canComment(): boolean {
    return !this.isFrozen && mayComment(this.myRoles, this.comments.settings);
  }

  private async run(act: () => Promise<unknown>, form?: HTMLFormElement): Promise<boolean> {
    this.busy = true;
    this.error = null;
    try {
      await act();
      form?.reset();
      return true;
    } catch (error) {
      this.error = describeError(error);
      return false;
    } finally {
      this.busy = false;
    }
  }

  private readonly onNewComment = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const body = String(new FormData(form).get('body') ?? '').trim();
    const paragraph = this.paragraph;
    if (!paragraph || body === '') return void (this.error = t('comments.writeTheCommentFirst'));
    const passage = this.passage;
    const anchor = passage && this.doc ? anchorPassage(this.doc, passage.paragraphId, passage.from, passage.to) : null;
    const paragraphId = passage?.paragraphId ?? paragraph.id;
    void this.run(() => startThread(this.letterId, { paragraphId, body, ...(anchor ? { anchor } : {}) }), form).then((done) => {
      if (done) this.passage = null;
    });
  };

  private readonly onReply = (thread: ThreadEntry) => (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const body = String(new FormData(form).get('body') ?? '').trim();
    if (body === '') return void (this.error = t('comments.writeTheReplyFirst'));
    void this.run(() => replyToThread(this.letterId, thread.id, body), form);
  };

  private readonly onEdit = (comment: CommentEntry) => (event: SubmitEvent) => {
    event.preventDefault();
    const body = String(new FormData(event.currentTarget as HTMLFormElement).get('body') ?? '').trim();
    if (body === '') return void (this.error = t('comments.aCommentCannotBeEmpty'));
    void this.run(() => editComment(this.letterId, comment.id, body)).then((done) => {
      if (done) this.editing = null;
    });
  };

  override render() {
    const me = { userId: this.user?.id ?? '', officeId: this.user?.office.id ?? '' };
    const numbers = new Map(this.readParagraphs().map((paragraph) => [paragraph.id, paragraph.number]));
    const threads = Array.from(this.comments.threads.values())
      .filter((thread) => matchesThreadFilter(thread, this.filter, me))
      .sort((a, b) => (numbers.get(a.paragraphId) ?? Infinity) - (numbers.get(b.paragraphId) ?? Infinity) || a.createdAt.localeCompare(b.createdAt));
    return html`<section aria-labelledby="comments-heading">
      <h2 id="comments-heading">${t('comments.comments')}</h2>
      ${this.isCoordinator ? this.renderSettings() : nothing} ${this.renderNewComment()}
      <div class="field filter">
        <label for="thread-filter">${t('comments.show')}</label>
        <select id="thread-filter" .value=${this.filter} @change=${(event: Event) => (this.filter = (event.target as HTMLSelectElement).value as ThreadFilter)}>
          ${Object.values(ThreadFilter).map((filter) => html`<option value=${filter} ?selected=${filter === this.filter}>${threadFilterLabel[filter]}</option>`)}
        </select>
      </div>
      ${this.error ? html`<p class="message error" role="alert">${this.error}</p>` : nothing}
      ${!this.comments.isLoaded
        ? html`<p class="hint">${t('comments.loadingTheComments')}</p>`
        : threads.length === 0
          ? html`<p class="hint">${t('comments.noThreadsToShow')}</p>`
          : html`<ol class="threads">
              ${threads.map((thread) => this.renderThread(thread, numbers.get(thread.paragraphId)))}
            </ol>`}
    </section>`;
  }

  private renderSettings() {
    return html`<label class="setting">
      <input
        type="checkbox"
        .checked=${this.comments.settings.observersMayComment}
        ?disabled=${this.busy}
        @change=${(event: Event) => {
          const observersMayComment = (event.target as HTMLInputElement).checked;
          void this.run(() => saveCommentSettings(this.letterId, { observersMayComment }));
        }}
      />
      ${t('comments.observersMayCommentOnThis')}
    </label>`;
  }

  private renderNewComment() {
    if (!this.canComment) {
      return html`<p class="hint">${this.isFrozen ? t('comments.theLetterIsSignedIts') : t('comments.yourRoleOnThisLetter')}</p>`;
    }
    if (!this.paragraph) return html`<p class="hint">${t('comments.selectWordsInTheText')}</p>`;
    const about = this.passage ? html`${t('comments.theWordsInParagraph', { text: this.passage.text, number: this.paragraph.number })}` : html`${t('comments.paragraph', { number: this.paragraph.number })}`;
    return html`<form class="new-comment" @submit=${this.onNewComment}>
      <div class="field">
        <label for="new-comment">${t('comments.commentOn')} ${about}</label>
        <textarea
          id="new-comment"
          name="body"
          rows="3"
          maxlength=${defaultCommentLimits.maxCommentLength}
          aria-describedby="mention-hint"
          @focus=${() => (this.passage = this.readPassage() ?? this.passage)}
        ></textarea>
        <span class="hint" id="mention-hint">${t('comments.writeAndANameOr')}</span>
      </div>
      <button type="submit" class="primary" ?disabled=${this.busy}>${t('comments.addTheComment')}</button>
    </form>`;
  }

  private renderThread(thread: ThreadEntry, number: number | undefined) {
    const isOnDeletedText = this.isOnDeletedText(thread);
    const headingId = `thread-${thread.id}`;
    return html`<li>
      <article class="thread ${thread.status}" aria-labelledby=${headingId} data-thread=${thread.id} tabindex="-1">
        <h3 id=${headingId}>
          ${number === undefined ? t('comments.onADeletedParagraph') : thread.anchor ? t('comments.onWordsInParagraph', { number: number }) : t('comments.onParagraph', { number: number })}
          ${thread.status === 'resolved' ? html`<span class="status">${t('comments.resolvedBy')} ${thread.resolvedBy}</span>` : nothing}
        </h3>
        ${thread.quote ? html`<blockquote>${thread.quote}</blockquote>` : nothing}
        ${isOnDeletedText ? html`<p class="deleted">${t('comments.thisTextHasBeenDeleted')}</p>` : nothing}
        ${thread.comments.map((comment) => this.renderComment(comment))}
        ${this.canComment && thread.status === 'open' ? this.renderReplyForm(thread) : nothing}
        ${this.canComment
          ? html`<button
              type="button"
              class="secondary"
              ?disabled=${this.busy}
              @click=${() => void this.run(() => setThreadStatus(this.letterId, thread.id, thread.status === 'open' ? 'resolved' : 'open'))}
            >
              ${thread.status === 'open' ? t('comments.resolveTheThread') : t('comments.reopenTheThread')}
            </button>`
          : nothing}
      </article>
    </li>`;
  }

  private renderComment(comment: CommentEntry) {
    const isMine = this.user !== undefined && mayChangeComment(comment.authorId, this.user.id) && comment.body !== null;
    return html`<div class="comment">
      <p class="meta">
        <strong>${comment.author}</strong>, ${formatDateTime(comment.createdAt)}${comment.editedAt ? html` ${t('comments.edited', { dateTime: formatDateTime(comment.editedAt) })}` : nothing}
      </p>
      ${comment.body === null
        ? html`<p class="withdrawn">${t('comments.withdrawnBy', { author: comment.author })}</p>`
        : this.editing === comment.id
          ? html`<form @submit=${this.onEdit(comment)}>
              <div class="field">
                <label for="edit-${comment.id}">${t('comments.newWording')}</label>
                <textarea id="edit-${comment.id}" name="body" rows="3" maxlength=${defaultCommentLimits.maxCommentLength} .value=${comment.body}></textarea>
              </div>
              <div class="buttons">
                <button type="submit" class="primary" ?disabled=${this.busy}>${t('comments.saveTheNewWording')}</button>
                <button type="button" class="secondary" @click=${() => (this.editing = null)}>${t('comments.cancel')}</button>
              </div>
            </form>`
          : html`<p class="body">${comment.body}</p>`}
      ${comment.earlier.length > 0
        ? html`<details>
            <summary>${t('comments.earlierWordings', { count: comment.earlier.length })}</summary>
            <ol>
              ${comment.earlier.map((earlier) => html`<li><span class="hint">${formatDateTime(earlier.at)}:</span> <span class="body">${earlier.body}</span></li>`)}
            </ol>
          </details>`
        : nothing}
      ${isMine && this.canComment && this.editing !== comment.id
        ? html`<div class="buttons">
            <button type="button" class="secondary" @click=${() => (this.editing = comment.id)}>${t('comments.editMyComment')}</button>
            <button type="button" class="secondary" ?disabled=${this.busy} @click=${() => void this.run(() => withdrawComment(this.letterId, comment.id))}>
              ${t('comments.withdrawMyComment')}
            </button>
          </div>`
        : nothing}
    </div>`;
  }

  private renderReplyForm(thread: ThreadEntry) {
    return html`<form class="reply" @submit=${this.onReply(thread)}>
      <div class="field">
        <label for="reply-${thread.id}">${t('comments.reply')}</label>
        <textarea id="reply-${thread.id}" name="body" rows="2" maxlength=${defaultCommentLimits.maxCommentLength}></textarea>
      </div>
      <button type="submit" class="primary" ?disabled=${this.busy}>${t('comments.sendTheReply')}</button>
    </form>`;
  }

  /** K4: the words a thread is about were deleted (or their whole paragraph was). */
  private isOnDeletedText(thread: ThreadEntry): boolean {
    void this.textVersion;
    if (!this.doc) return false;
    if (!thread.anchor) return !hasParagraph(this.doc, thread.paragraphId);
    const passage = resolveAnchor(this.doc, thread.paragraphId, thread.anchor);
    return passage === null || passage.text === '';
  }

  static override styles = [
    buttonStyles,
    formStyles,
    messageStyles,
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
      h3 {
        margin: 0 0 0.25rem;
        font-size: 0.9375rem;
      }
      form {
        gap: 0.5rem;
        margin: 0.5rem 0;
      }
      textarea {
        font: inherit;
        width: 100%;
        padding: 0.5rem;
        border: 1px solid var(--jl-border-strong);
        border-radius: var(--jl-radius);
      }
      .hint,
      .meta,
      .status {
        color: var(--jl-text-muted);
        font-size: 0.875rem;
      }
      .hint {
        margin: 0.25rem 0;
      }
      .filter {
        margin: 0.75rem 0 0.5rem;
      }
      .threads {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.75rem;
      }
      .thread {
        padding: 0.5rem 0.625rem;
        border-inline-start: 4px solid var(--jl-warning);
        background: #fafbfc;
      }
      .thread:focus-visible,
      .thread:focus {
        outline: 3px solid var(--jl-focus);
        outline-offset: 2px;
      }
      .thread.resolved {
        border-inline-start-color: var(--jl-border);
      }
      blockquote {
        margin: 0 0 0.5rem;
        padding-inline-start: 0.5rem;
        border-inline-start: 2px solid var(--jl-border-strong);
        font-family: var(--jl-font-letter);
        overflow-wrap: anywhere;
      }
      .deleted {
        margin: 0 0 0.5rem;
        color: var(--jl-warning);
        font-weight: 600;
      }
      .comment {
        margin-bottom: 0.5rem;
      }
      .meta,
      .body,
      .withdrawn {
        margin: 0;
      }
      .body {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
      .withdrawn {
        font-style: italic;
        color: var(--jl-text-muted);
      }
      .buttons {
        display: flex;
        gap: 0.5rem;
        flex-wrap: wrap;
      }
      .setting {
        display: flex;
        gap: 0.5rem;
        align-items: center;
        margin-bottom: 0.5rem;
      }
    `,
  ];
}

customElements.define('jl-comment-list', JlCommentList);

declare global {
  interface HTMLElementTagNameMap {
    'jl-comment-list': JlCommentList;
  }
}
