import { isSupportedLanguage, languageNames, sourceLanguage, supportedLanguages } from '../../shared/i18n/languages.js';
import { saveLetterLanguage } from '../api/letters-api.js';
import { t } from '../i18n/translate.js';
import { LanguageController } from '../i18n/language-controller.js';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ErrorCode } from '../../shared/api/errors.js';
import type { LetterDetail, Signatory } from '../../shared/api/letters.js';
import { isFrozen, isTextReadOnly } from '../../shared/domain/letter-course.js';
import type { SessionUser } from '../../shared/api/session.js';
import { hasPermission, isSuggestOnly, mayEditDetails, maySuggest, Permission } from '../../shared/domain/permissions.js';
import { canEditText, Role } from '../../shared/domain/roles.js';
import type { AccessChange } from '../../shared/protocol/access-message.js';
import { CloseCode } from '../../shared/protocol/close-codes.js';
import { ApiError, describeError } from '../api/api-error.js';
import { loadLetter } from '../api/letters-api.js';
import { letterAuditPath, letterVersionsPath, paragraphToShow } from '../app/route.js';
import '../editor/jl-editor.js';
import '../editor/jl-presence-list.js';
import '../editor/jl-save-status.js';
import '../export/jl-export-menu.js';
import { keepInBrowser } from '../sync/browser-copy.js';
import { copyToMarkdown } from '../editor/copy-to-markdown.js';
import { LetterSession } from '../sync/letter-session.js';
import { ParagraphFocusEvent } from '../editor/paragraph-focus-event.js';
import { SaveState } from '../sync/save-state.js';
import '../history/jl-paragraph-history.js';
import '../members/jl-members-panel.js';
import { MembersChangedEvent } from '../members/members-changed-event.js';
import { dispatchIfSessionExpired } from '../session/dispatch-if-session-expired.js';
import { SessionExpiredEvent } from '../session/session-expired-event.js';
import '../signoff/jl-letter-course.js';
import '../signoff/jl-paragraph-panel.js';
import '../signoff/jl-status-moves.js';
import { ShowParagraphEvent } from '../signoff/show-paragraph-event.js';
import { ShowThreadEvent } from '../comments/show-thread-event.js';
import '../comments/jl-comment-list.js';
import '../comments/jl-paragraph-reservations.js';
import type { CommentsState } from '../sync/comments-state.js';
import type { ThreadEntry } from '../../shared/api/comments.js';
import '../notifications/jl-letter-deadlines.js';
import type { ParagraphInfo } from '../signoff/paragraph-signoff.js';
import type { BodyNodeJson } from '../../shared/domain/letter-hash.js';
import { adoptDocumentStyles } from '../ui/adopt-document-styles.js';
import { inertOutside } from '../ui/inert-outside.js';
import { layoutQuery } from '../ui/layout-breakpoints.js';
import { MediaQueryController } from '../ui/media-query-controller.js';
import { formatLetterDate } from './format-letter-date.js';
import './jl-letter-details-editor.js';
import './jl-letterhead.js';
import './jl-signature-blocks.js';
import { letterPageStyles } from './letter-page-styles.js';
import { letterStatusLabel } from './letter-status-label.js';
import { accessReasonText } from '../editor/access-reason-text.js';

/**
 * One letter: letterhead, addressees, title and subject, the shared text, signature blocks, and
 * a top bar with the save status and the members panel, and the sign-off panel beside the letter
 * (or, on narrower screens, in a drawer opened from a button). The text is read-only for members whose
 * role does not let them edit, and follows role changes live. Light DOM, because the editor
 * inside must not sit in a shadow root.
 */
export class JlLetterPage extends LitElement {
  private readonly languageController = new LanguageController(this);

  static override properties = {
    letterId: { attribute: false },
    user: { attribute: false },
    letter: { state: true },
    loadError: { state: true },
    isMembersOpen: { state: true },
    isSignoffOpen: { state: true },
    paragraph: { state: true },
    languageError: { state: true },
  };

  declare letterId: string;
  declare user: SessionUser | undefined;
  declare private letter: LetterDetail | undefined;
  declare private loadError: ApiError | Error | undefined;
  /** The open letter's connection, letter state (102) and comments (105); the page re-renders on each change. */
  private readonly session = new LetterSession(this, {
    // Parents disconnect before children: unbind the editor first, or it outlives its Y.Doc.
    beforeClose: () => this.querySelector('jl-editor')?.destroyEditor(),
  });
  /** The change of rights last acted upon, to look the roles up again once per change. */
  private access: AccessChange | null = null;
  declare private isMembersOpen: boolean;
  /** Below the side-by-side width the sign-off panel is a drawer; whether it is open. */
  declare private isSignoffOpen: boolean;
  private readonly drawerLayout = new MediaQueryController(this, layoutQuery.drawer);
  /** Undoes the inert page behind the open drawer. */
  private restoreOutsideDrawer: (() => void) | null = null;
  /** The paragraph holding the caret, for the sign-off panel. */
  declare private paragraph: ParagraphInfo | null;
  /** A paragraph the address asked for (from the sign-off overview), shown once the text is synced. */
  private paragraphAsked: string | null = null;
  declare private languageError: string | null;

  constructor() {
    super();
    this.letterId = '';
    this.user = undefined;
    this.letter = undefined;
    this.loadError = undefined;
    this.isMembersOpen = false;
    this.isSignoffOpen = false;
    this.paragraph = null;
    this.languageError = null;
    this.session.addEventListener('change', this.onSessionChange);
    this.addEventListener(MembersChangedEvent.eventName, this.onMembersChanged);
    this.addEventListener(ParagraphFocusEvent.eventName, (event) => (this.paragraph = event.paragraph));
    this.addEventListener(ShowParagraphEvent.eventName, (event) => this.querySelector('jl-editor')?.showParagraph(event.paragraphId));
    this.addEventListener(ShowThreadEvent.eventName, (event) => void this.querySelector('jl-comment-list')?.showThread(event.threadId));
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    adoptDocumentStyles(this, letterPageStyles);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.barObserver.disconnect();
    this.restoreOutsideDrawer?.();
    this.restoreOutsideDrawer = null;
  }

  // The bar wraps on narrow screens and with the long offline message; the toolbar sticks below it.
  private readonly barObserver = new ResizeObserver(([entry]) => {
    if (!entry) return;
    const height = entry.borderBoxSize[0]?.blockSize ?? entry.target.getBoundingClientRect().height;
    this.style.setProperty('--jl-letter-bar-height', `${Math.ceil(height)}px`);
  });

  protected override updated(): void {
    // A title changed by the coordinator (rule D2) names the tab too.
    const title = this.session.letterState.course?.details?.title ?? this.letter?.title;
    if (title && !this.loadError) document.title = t('letters.jointly', { title: title });
    const bar = this.querySelector('.letter-bar');
    this.barObserver.disconnect();
    if (bar) this.barObserver.observe(bar);
    const drawer = this.querySelector('.signoff-drawer');
    if (this.isSignoffOpen && drawer && !this.restoreOutsideDrawer) this.restoreOutsideDrawer = inertOutside(drawer);
    if (!this.isSignoffOpen && this.restoreOutsideDrawer) {
      this.restoreOutsideDrawer();
      this.restoreOutsideDrawer = null;
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('letterId') || changed.has('user')) void this.load();
    // Turned to the wide layout while the drawer was open: the panel is beside the letter again.
    if (this.isSignoffOpen && !this.drawerLayout.matches) this.isSignoffOpen = false;
    if (this.isSignoffOpen && !this.letter) this.isSignoffOpen = false;
  }

  private async load(): Promise<void> {
    const letterId = this.letterId;
    this.closeConnection();
    this.letter = undefined;
    this.loadError = undefined;
    try {
      const letter = await loadLetter(letterId);
      if (letterId !== this.letterId) return;
      this.letter = letter;
      this.paragraphAsked = paragraphToShow(location.search);
      document.title = t('letters.jointly', { title: letter.title });
      this.openConnection(letter.id);
    } catch (error) {
      if (letterId !== this.letterId || dispatchIfSessionExpired(this, error)) return;
      this.loadError = error instanceof Error ? error : new Error(String(error));
      document.title = t('letters.letterNotAvailableJointly');
    }
  }

  private openConnection(letterId: string): void {
    const userId = this.user?.id;
    this.access = null;
    // Offline edits outlive the tab in this browser, under this person's name only.
    this.session.open(letterId, userId ? { keepCopy: (doc) => keepInBrowser(doc, userId, letterId) } : {});
  }

  private closeConnection(): void {
    this.session.close();
    this.paragraph = null;
    this.access = null;
  }

  private readonly onSessionChange = (): void => {
    if (!this.session.connection) return;
    if (this.paragraphAsked && this.session.saveState === SaveState.saved) void this.showAskedParagraph();
    if (this.session.access !== this.access) {
      this.access = this.session.access;
      void this.refreshRoles();
    }
  };

  private async showAskedParagraph(): Promise<void> {
    await this.updateComplete;
    const paragraphId = this.paragraphAsked;
    if (!paragraphId || !this.querySelector('jl-editor')?.showParagraph(paragraphId)) return;
    this.paragraphAsked = null;
    if (this.drawerLayout.matches) this.isSignoffOpen = true;
    await this.updateComplete;
    this.querySelector('jl-paragraph-panel')?.focusHeading();
  }

  /** After a role change the server announced: what else the person may do now (manage members). */
  private async refreshRoles(): Promise<void> {
    const letterId = this.letterId;
    try {
      const { myRoles } = await loadLetter(letterId);
      if (letterId === this.letterId && this.letter) this.letter = { ...this.letter, myRoles };
    } catch {
      // Removed from the letter: the connection's close message says so.
    }
  }

  private readonly onMembersChanged = (event: MembersChangedEvent): void => {
    const me = event.members.find((member) => member.userId === this.user?.id);
    if (this.letter && me) this.letter = { ...this.letter, myRoles: me.roles };
  };

  override render() {
    if (this.loadError) return this.renderLoadError(this.loadError);
    if (!this.letter) return html`<p class="loading">${t('letters.loadingTheLetter')}</p>`;
    const letter = this.letter;
    const { letterState, comments, closeMessage } = this.session;
    // The server's word on this connection counts over the roles read when the page opened.
    const mayEdit = this.session.access ? this.session.access.canEdit : canEditText(letter.myRoles);
    // The course message follows status and signatory changes live; the loaded letter is the fallback.
    const status = letterState.course?.status ?? letter.status;
    // From ready on the text is read-only (C5), even before the server's access message arrives.
    const isTextLocked = isTextReadOnly(status);
    // Comments go on until the letter is signed; only then are they closed.
    const isTextFrozen = isFrozen(status);
    // Once the server closed the connection for good, typing would only pile up edits nobody receives.
    // An approver who does not draft may still propose changes: the editor then only suggests (rule S13).
    const mustSuggest = !mayEdit && isSuggestOnly(letter.myRoles);
    const isEditable = (mayEdit || mustSuggest) && !closeMessage && !isTextLocked;
    const signatories = orderSignatories(letterState.course?.signatories ?? letter.signatories);
    const myOfficeId = this.user?.office.id;
    const isApprover = letter.myRoles.includes(Role.approver) && signatories.some((signatory) => signatory.office.id === myOfficeId);
    const isCoordinator = letter.myRoles.includes(Role.coordinator);
    // Details edits reach every screen with the course (rule D2); the loaded letter is the fallback.
    const details = letterState.course?.details ?? letter;
    // Too narrow for the panel beside the letter: it opens as a drawer over the page instead.
    const isDrawer = this.drawerLayout.matches;
    return html`
      <div class="letter-bar">
        <a class="back" href="/"><span aria-hidden="true">←</span> ${t('letters.allLetters')}</a>
        <span class="letter-status">${t('letters.status2')} <strong>${letterStatusLabel[status]}</strong></span>
        ${isCoordinator ? html`<jl-status-moves .letterId=${letter.id} .status=${status}></jl-status-moves>` : null}
        <a href=${letterVersionsPath(letter.id)}>${t('letters.versions')}</a>
        ${hasPermission(letter.myRoles, Permission.readAudit) ? html`<a href=${letterAuditPath(letter.id)}>${t('letters.auditTrail')}</a>` : null}
        <button
          type="button"
          class="members-toggle"
          aria-expanded=${this.isMembersOpen ? 'true' : 'false'}
          aria-controls=${ifDefined(this.isMembersOpen ? 'members-panel' : undefined)}
          @click=${() => (this.isMembersOpen = !this.isMembersOpen)}
        >
          ${t('letters.members')}<span class="chevron" aria-hidden="true">${this.isMembersOpen ? '▴' : '▾'}</span>
        </button>
        ${this.isMembersOpen
          ? html`<jl-members-panel
              id="members-panel"
              @keydown=${this.onMembersKeydown}
              .letterId=${letter.id}
              .user=${this.user}
              .canManage=${hasPermission(letter.myRoles, Permission.manageMembers)}
              .letterRoles=${letter.myRoles}
            ></jl-members-panel>`
          : null}
        <jl-export-menu .letterId=${letter.id}></jl-export-menu>
        <jl-save-status .state=${this.session.saveState}></jl-save-status>
        <p class="access-change" role="status">${closeMessage || !this.session.access ? '' : accessReasonText(this.session.access.reason, this.session.access.canEdit)}</p>
        ${isDrawer
          ? html`<button
              type="button"
              class="signoff-toggle"
              aria-haspopup="dialog"
              aria-expanded=${this.isSignoffOpen ? 'true' : 'false'}
              aria-controls="signoff-drawer"
              @click=${this.openSignoff}
            >
              ${t('letters.signOffAndComments')}${this.paragraph ? html`<span class="signoff-toggle__paragraph">¶ ${this.paragraph.number}</span>` : null}
            </button>`
          : null}
      </div>
      ${closeMessage ? this.renderCloseMessage(closeMessage) : null}
      <div class="letter-layout">
      <article class="letter" aria-labelledby="letter-title">
        <jl-letterhead .signatories=${signatories}></jl-letterhead>
        <div class="letter-meta">
          ${details.addressees.length > 0
            ? html`<div class="addressees">
                <p class="meta-label" id="addressees-label">${t('letters.to')}</p>
                <ul aria-labelledby="addressees-label">
                  ${details.addressees.map((addressee) => html`<li>${addressee}</li>`)}
                </ul>
              </div>`
            : null}
          ${details.letterDate ? html`<p class="letter-date">${formatLetterDate(details.letterDate, letter.language)}</p>` : null}
        </div>
        <h1 id="letter-title">${details.title}</h1>
        ${details.subject ? html`<p class="subject"><span class="meta-label">${t('letters.subject2')}</span> ${details.subject}</p>` : null}
        <jl-letter-details-editor
          .letterId=${letter.id}
          .details=${details}
          .canEdit=${mayEditDetails(letter.myRoles, status) && !closeMessage}
        ></jl-letter-details-editor>
        ${mayEditDetails(letter.myRoles, status) && !closeMessage
          ? html`<label class="letter-language">
              ${t('letters.letterLanguage')}
              <select @change=${this.chooseLetterLanguage}>
                ${supportedLanguages.map(
                  (language) => html`<option value=${language} lang=${language} ?selected=${language === (letter.language ?? sourceLanguage)}>${languageNames[language] ?? language}</option>`,
                )}
              </select>
            </label>
            ${this.languageError ? html`<p class="message error" role="alert">${this.languageError}</p>` : null}`
          : null}
        ${mayEdit || mustSuggest || isTextLocked ? null : html`<p class="read-only-note">${t('letters.youCanReadThisLetter')}</p>`}
        <jl-editor
          lang=${letter.language ?? sourceLanguage}
          .session=${this.session}
          .user=${this.user}
          .isEditable=${isEditable}
          .letterId=${letter.id}
          .canSuggest=${maySuggest(letter.myRoles)}
          .mustSuggest=${mustSuggest}
          .canDecideSuggestions=${mayEdit}
          .officeIds=${signatories.map((signatory) => signatory.office.id)}
          .threads=${this.threadList()}
        ></jl-editor>
        <jl-presence-list .connection=${this.session.connection}></jl-presence-list>
        <jl-signature-blocks .signatories=${signatories}></jl-signature-blocks>
      </article>
      <div
        id="signoff-drawer"
        class="signoff-drawer"
        ?hidden=${isDrawer && !this.isSignoffOpen}
        role=${isDrawer ? 'dialog' : nothing}
        aria-modal=${isDrawer ? 'true' : nothing}
        aria-labelledby=${isDrawer ? 'signoff-drawer-title' : nothing}
        @keydown=${this.onDrawerKeydown}
      >
      ${isDrawer
        ? html`<div class="drawer-head">
            <h2 id="signoff-drawer-title" tabindex="-1">${t('letters.signOffAndComments')}</h2>
            <button type="button" class="drawer-close" @click=${this.closeSignoff}>${t('letters.close')}</button>
          </div>`
        : null}
      <aside class="signoff-aside" aria-label=${t('letters.signOff')}>
        <jl-paragraph-panel
          .letterId=${letter.id}
          .paragraph=${this.paragraph}
          .signatories=${signatories}
          .letterState=${letterState}
          .myOfficeId=${myOfficeId}
          .canAct=${isApprover && !isTextLocked}
          .readParagraphs=${this.readParagraphs}
        ></jl-paragraph-panel>
        <jl-paragraph-reservations
          .letterId=${letter.id}
          .paragraph=${this.paragraph}
          .signatories=${signatories}
          .letterState=${letterState}
          .myOfficeId=${myOfficeId}
          .canAct=${isApprover && !isTextLocked}
        ></jl-paragraph-reservations>
        <jl-comment-list
          .letterId=${letter.id}
          .user=${this.user}
          .myRoles=${letter.myRoles}
          .comments=${comments}
          .doc=${this.session.doc}
          .paragraph=${this.paragraph}
          .isFrozen=${isTextFrozen}
          .isCoordinator=${letter.myRoles.includes(Role.coordinator)}
          .readParagraphs=${this.readParagraphs}
          .readPassage=${this.readPassage}
        ></jl-comment-list>
        <jl-paragraph-history
          .letterId=${letter.id}
          .paragraph=${this.paragraph}
          .letterState=${letterState}
          .comments=${comments}
          .canRestore=${isEditable}
          .readParagraphs=${this.readParagraphs}
        ></jl-paragraph-history>
        <jl-letter-course
          .letterId=${letter.id}
          .status=${status}
          .session=${this.session}
          .signatories=${signatories}
          .myOfficeId=${myOfficeId}
          .isCoordinator=${isCoordinator}
          .isApprover=${isApprover}
          .readParagraphs=${this.readParagraphs}
          .readBody=${this.readBody}
        ></jl-letter-course>
        <jl-letter-deadlines
          .letterId=${letter.id}
          .isCoordinator=${letter.myRoles.includes(Role.coordinator)}
          .progressKey=${letterState}
        ></jl-letter-deadlines>
      </aside>
      </div>
      </div>
    `;
  }

  /** Escape closes the members panel and gives the focus back to its button. */
  private readonly onMembersKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    this.isMembersOpen = false;
    this.querySelector<HTMLButtonElement>('.members-toggle')?.focus();
  };

  private readonly openSignoff = async (): Promise<void> => {
    this.isSignoffOpen = true;
    await this.updateComplete;
    this.querySelector<HTMLElement>('#signoff-drawer-title')?.focus();
  };

  private readonly closeSignoff = async (): Promise<void> => {
    this.isSignoffOpen = false;
    await this.updateComplete;
    this.querySelector<HTMLButtonElement>('.signoff-toggle')?.focus();
  };

  /** Escape closes the drawer, unless it closes a dialog opened from inside it. */
  private readonly onDrawerKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || !this.isSignoffOpen) return;
    if (event.composedPath().some((target) => target instanceof HTMLDialogElement)) return;
    void this.closeSignoff();
  };

  private readonly readParagraphs = (): readonly ParagraphInfo[] => this.querySelector('jl-editor')?.currentParagraphs() ?? [];

  private readonly readPassage = () => this.querySelector('jl-editor')?.currentPassage() ?? null;

  private threadListOf: CommentsState | undefined;
  private threadListCache: ThreadEntry[] = [];

  /** The threads as a list, the same list until they change (the editor marks them again on each new one). */
  private threadList(): ThreadEntry[] {
    const comments = this.session.comments;
    if (this.threadListOf !== comments) {
      this.threadListOf = comments;
      this.threadListCache = Array.from(comments.threads.values());
    }
    return this.threadListCache;
  }

  private readonly readBody = (): BodyNodeJson => this.querySelector('jl-editor')?.currentBody() ?? { type: 'doc', content: [] };

  private renderCloseMessage(message: string) {
    const code = this.session.closeCode;
    return html`
      <div class="connection-alert" role="alert">
        <p>${message}</p>
        ${code === CloseCode.letterRestored
          ? html`<button type="button" @click=${this.downloadCopy}>${t('letters.downloadMyCopyMarkdown')}</button>
              <button type="button" @click=${this.openRestoredLetter}>${t('letters.openTheRestoredLetter')}</button>`
          : code === CloseCode.unauthenticated
          ? html`<button type="button" @click=${() => this.dispatchEvent(new SessionExpiredEvent())}>${t('letters.signInAgain')}</button>`
          : code === CloseCode.removedFromLetter
            ? html`<a href="/">${t('letters.goToYourLetters')}</a>`
            : html`<button type="button" @click=${() => location.reload()}>${t('letters.reloadThePage')}</button>`}
      </div>
    `;
  }

  /** The text this tab holds, refused after a restore from a backup, as a Markdown file. */
  /** The coordinator sets the language the letter is written in; its body's `lang` and exports follow. */
  private readonly chooseLetterLanguage = async (event: Event): Promise<void> => {
    const value = (event.target as HTMLSelectElement).value;
    if (!this.letter || !isSupportedLanguage(value)) return;
    const letterId = this.letter.id;
    try {
      await saveLetterLanguage(letterId, value);
      this.languageError = null;
      if (this.letter?.id === letterId) this.letter = { ...this.letter, language: value };
    } catch (error) {
      this.languageError = describeError(error);
    }
  };

  private readonly downloadCopy = (): void => {
    const doc = this.session.doc;
    if (!doc || !this.letter) return;
    const markdown = copyToMarkdown(doc, this.letter.title);
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([markdown], { type: 'text/markdown;charset=utf-8' }));
    link.download = t('letters.myCopyFileName', { title: this.letter.title.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || t('letters.letterFileName') });
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
  };

  /** Drops this browser's copy from before the restore and opens the letter as the server holds it. */
  private readonly openRestoredLetter = async (): Promise<void> => {
    await this.session.connection?.discardCopy();
    location.reload();
  };

  private renderLoadError(error: Error) {
    const isNotFound = error instanceof ApiError && (error.code === ErrorCode.notFound || error.status === 404);
    return html`
      <h1 class="error-heading">${isNotFound ? t('letters.letterNotFound') : t('letters.theLetterCouldNotBe')}</h1>
      <p role="alert">
        ${isNotFound ? t('letters.thisLetterDoesNotExist') : describeError(error)}
      </p>
      <p><a href="/">${t('letters.goToTheListOf')}</a></p>
    `;
  }
}

function orderSignatories(signatories: readonly Signatory[]): Signatory[] {
  return [...signatories].sort((a, b) => a.position - b.position);
}

customElements.define('jl-letter-page', JlLetterPage);

declare global {
  interface HTMLElementTagNameMap {
    'jl-letter-page': JlLetterPage;
  }
}
