import { currentLanguage, t } from '../i18n/translate.js';
import { LanguageController } from '../i18n/language-controller.js';
import { DocumentEdgeKeys } from './document-edge-keys.js';
import { Editor } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import type { Transaction } from '@tiptap/pm/state';
import { isChangeOrigin } from '@tiptap/extension-collaboration';
import { css, html, LitElement, type PropertyValues } from 'lit';
import type { SessionUser } from '../../shared/api/session.js';
import { bodyFieldName, letterExtensions, paragraphIdAttribute } from '../../shared/domain/editor-extensions.js';
import type { BodyNodeJson } from '../../shared/domain/letter-hash.js';
import { emptyLetterState, type LetterState } from '../sync/letter-state.js';
import { listParagraphs, type ParagraphInfo } from '../signoff/paragraph-signoff.js';
import { SignoffGutter, signoffGutterKey } from '../signoff/signoff-gutter.js';
import { signoffGutterStyles } from '../signoff/signoff-gutter-styles.js';
import { adoptDocumentStyles } from '../ui/adopt-document-styles.js';
import { ParagraphFocusEvent } from './paragraph-focus-event.js';
import './jl-editor-toolbar.js';
import { LetterCarets } from './letter-carets.js';
import type { LetterConnection } from '../sync/letter-connection.js';
import { type LetterSession, LetterSessionWatch } from '../sync/letter-session.js';
import { renderCaret } from './render-caret.js';
import { DirectionControlFilter } from './direction-control-filter.js';
import { LetterLimitFilter } from './letter-limit-filter.js';
import { RemoteChangeSelection } from './remote-change-selection.js';
import { TypedTextInPlace } from './typed-text-in-place.js';
import { SuggestingMode } from './suggesting-mode.js';
import { SuggestionTitles, suggestionTitlesKey } from './suggestion-titles.js';
import { SuggestionSafeUndo } from './suggestion-safe-undo.js';
import { letterSuggestions, type ParagraphSuggestions } from './letter-suggestions.js';
import './jl-suggestion-list.js';
import type { SuggestionOffice } from './jl-suggestion-list.js';
import { codePointLabel } from '../../shared/domain/text-policy.js';
import { officeWithCountry } from '../../shared/domain/office-names.js';
import type { ThreadEntry } from '../../shared/api/comments.js';
import { CommentHighlights, commentHighlightsKey, threadIdAttribute } from '../comments/comment-highlights.js';
import { ShowThreadEvent } from '../comments/show-thread-event.js';

/**
 * The letter text: a Tiptap editor bound to the connection's Y.Doc, with other people's carets
 * and a formatting toolbar. It renders into its light DOM because Tiptap has open bugs inside
 * shadow roots; its styles are adopted by whichever root holds it.
 */
export class JlEditor extends LitElement {
  private readonly languageController = new LanguageController(this);

  static override properties = {
    session: { attribute: false },
    user: { attribute: false },
    isEditable: { attribute: false },
    officeIds: { attribute: false },
    letterId: { attribute: false },
    canSuggest: { attribute: false },
    mustSuggest: { attribute: false },
    canDecideSuggestions: { attribute: false },
    isSuggesting: { state: true },
    suggestions: { state: true },
    threads: { attribute: false },
    editor: { state: true },
    hasFailed: { state: true },
    textNotice: { state: true },
  };

  /** The open letter: the connection whose Y.Doc this editor binds to, and the letter state (102). */
  declare session: LetterSession | undefined;
  declare user: SessionUser | undefined;
  declare isEditable: boolean;
  declare officeIds: readonly string[];
  declare letterId: string;
  /** Whether this person may propose changes (rule S13): the "Suggesting" switch is offered. */
  declare canSuggest: boolean;
  /** Whether this person may only suggest (an approver who does not draft): the editor always suggests. */
  declare mustSuggest: boolean;
  /** Whether this person may accept and reject suggestions (they may edit the text). */
  declare canDecideSuggestions: boolean;
  /** Whether typing, deleting and pasting become suggestions just now. */
  declare private isSuggesting: boolean;
  /** The open suggestions of the text as this editor shows it, by paragraph. */
  declare private suggestions: ParagraphSuggestions[];
  /** The letter's comment threads: the open ones are marked in the text. */
  declare threads: readonly ThreadEntry[];
  declare private editor: Editor | undefined;
  /** The interface language the editor's own parts were last drawn in. */
  private drawnLanguage = currentLanguage();
  /**
   * The view could not show the text as the document holds it (a transaction failed, or the text
   * shown differs after sync). Typing into such a view would write its wrong content into the
   * letter, so it stays read-only until the page is reloaded.
   */
  declare private hasFailed: boolean;

  /** What the editor took out of, or refused from, the person's own input, and why (rule T1, letter limits). */
  declare private textNotice: string | null;
  private boundConnection: LetterConnection | undefined;
  /** The letter state the gutter and the suggestions' colours were last drawn from. */
  private drawnLetterState: LetterState | undefined;
  // Only a new connection or letter state: saving, after every keystroke, is not the editor's to redraw.
  private readonly sessionWatch = new LetterSessionWatch(this, () => this.session, ['letter']);
  private focusedParagraph: ParagraphInfo | null = null;
  /** Where a read-only reader last clicked: their view has no caret to follow. */
  private clickedPosition: number | null = null;
  /** A paragraph shown on request (after an approval, or from the sign-off overview), until the person moves on. */
  private shownParagraphId: string | null = null;

  constructor() {
    super();
    this.session = undefined;
    this.user = undefined;
    this.isEditable = true;
    this.officeIds = [];
    this.letterId = '';
    this.canSuggest = false;
    this.mustSuggest = false;
    this.canDecideSuggestions = false;
    this.isSuggesting = false;
    this.suggestions = [];
    this.threads = [];
    this.editor = undefined;
    this.hasFailed = false;
    this.textNotice = null;
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    adoptDocumentStyles(this, editorStyles);
    adoptDocumentStyles(this, signoffGutterStyles);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.destroyEditor();
  }

  /** Unbinds the editor from the connection; the owner calls it before destroying the connection. */
  destroyEditor(): void {
    this.boundConnection?.provider.off('sync', this.checkShownText);
    this.boundConnection?.doc.off('update', this.onSharedTextChange);
    if (this.highlightFrame !== undefined) cancelAnimationFrame(this.highlightFrame);
    this.highlightFrame = undefined;
    this.editor?.destroy();
    this.editor = undefined;
  }

  /** The text as this editor shows it now, as ProseMirror JSON: what the letter hash is computed from. */
  currentBody(): BodyNodeJson {
    return this.editor ? (this.editor.state.doc.toJSON() as BodyNodeJson) : { type: 'doc', content: [] };
  }

  /**
   * The selected words, within the paragraph where the selection starts, as offsets in that
   * paragraph's plain text (a line break counts one); null when nothing is selected.
   */
  currentPassage(): { paragraphId: string; from: number; to: number; text: string } | null {
    // ProseMirror follows the selection in a read-only view too: people who may not edit can select words to comment on.
    const state = this.editor?.state;
    if (!state || state.selection.empty) return null;
    const $from = state.doc.resolve(state.selection.from);
    const id = $from.parent.attrs[paragraphIdAttribute] as unknown;
    if (!$from.parent.isTextblock || typeof id !== 'string') return null;
    const end = Math.min(state.selection.to, $from.end());
    const from = state.doc.textBetween($from.start(), state.selection.from, '', '\n').length;
    const text = state.doc.textBetween(state.selection.from, end, '', '\n');
    return text.trim() === '' ? null : { paragraphId: id, from, to: from + text.length, text };
  }

  /** Every paragraph of the text as this editor holds it now, with its current hash. */
  currentParagraphs(): readonly ParagraphInfo[] {
    return this.editor ? listParagraphs(this.editor.state.doc) : [];
  }

  /**
   * Shows a paragraph's sign-off without moving the caret: scrolls it into view and names it as the
   * paragraph in focus until this person moves the caret, types or clicks. False if there is no such paragraph.
   */
  showParagraph(paragraphId: string): boolean {
    const editor = this.editor;
    const target = editor && listParagraphs(editor.state.doc).find((paragraph) => paragraph.id === paragraphId);
    if (!editor || !target) return false;
    this.shownParagraphId = paragraphId;
    const element = editor.view.nodeDOM(target.position);
    if (element instanceof HTMLElement) element.scrollIntoView({ block: 'nearest' });
    this.followParagraph();
    return true;
  }

  /** Colours suggestions by their office, from the signatories' colours (ids and colours are validated forms). */
  private readonly officeColours = new CSSStyleSheet();

  private colourOffices(): void {
    const rules = Array.from(this.suggestionOffices)
      .filter(([id, office]) => /^[a-z0-9-]+$/.test(id) && /^#[0-9a-f]{6}$/i.test(office.color))
      .map(([id, office]) => `jl-editor .suggestion[data-office="${id}"] { --jl-suggestion-color: ${office.color}; }`);
    this.officeColours.replaceSync(rules.join('\n'));
    const root = this.getRootNode();
    if ((root instanceof Document || root instanceof ShadowRoot) && !root.adoptedStyleSheets.includes(this.officeColours)) {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.officeColours];
    }
  }

  /** Sign-offs and signatory offices for the gutter beside each paragraph. */
  private get letterState(): LetterState {
    return this.session?.letterState ?? emptyLetterState;
  }

  protected override updated(changed: PropertyValues): void {
    const connection = this.session?.connection;
    const isLetterStateNew = this.drawnLetterState !== this.letterState;
    this.drawnLetterState = this.letterState;
    if (isLetterStateNew) {
      this.colourOffices();
      this.editor?.view.dispatch(this.editor.state.tr.setMeta(suggestionTitlesKey, true));
    }
    // One editor per connection: after destroyEditor() the same (now closed) connection is never rebound.
    if (connection && this.user && connection !== this.boundConnection) {
      this.destroyEditor();
      this.boundConnection = connection;
      this.editor = this.createEditor(connection, this.user);
      connection.start();
    }
    if ((changed.has('isEditable') || changed.has('hasFailed')) && this.editor) {
      this.editor.setEditable(this.canType);
      this.updateReadOnlyAttribute();
    }
    const officesChanged = changed.has('officeIds') && (changed.get('officeIds') as string[] | undefined)?.join() !== this.officeIds.join();
    // The text's name and the gutter's words are drawn by ProseMirror, not Lit: redraw them in a new language.
    const languageChanged = this.drawnLanguage !== currentLanguage();
    this.drawnLanguage = currentLanguage();
    if ((isLetterStateNew || officesChanged || changed.has('editor') || languageChanged) && this.editor) {
      const { view } = this.editor;
      view.dispatch(view.state.tr.setMeta(signoffGutterKey, { letterState: this.letterState, officeIds: this.officeIds }));
    }
    if (changed.has('threads') || changed.has('editor')) this.markThreads();
  }

  private highlightFrame: number | undefined;

  /** Reads the places of the open threads again: when they change, and once per frame while the text changes. */
  private readonly markThreads = (): void => {
    const editor = this.editor;
    if (!editor || !this.boundConnection || this.hasFailed) return;
    editor.view.dispatch(editor.state.tr.setMeta(commentHighlightsKey, { threads: this.threads, doc: this.boundConnection.doc }));
  };

  private readonly onSharedTextChange = (): void => {
    if (this.highlightFrame !== undefined || this.threads.length === 0) return;
    this.highlightFrame = requestAnimationFrame(() => {
      this.highlightFrame = undefined;
      this.markThreads();
    });
  };

  private get canType(): boolean {
    return this.isEditable && !this.hasFailed;
  }

  /** Whether the editor suggests: by choice, or always for someone who may only suggest. */
  private get suggestsNow(): boolean {
    return this.canSuggest && (this.mustSuggest || this.isSuggesting);
  }

  private readonly toggleSuggesting = (): void => {
    this.isSuggesting = !this.isSuggesting;
    this.textNotice = null;
  };

  /** Keeps the side list in step with the text this editor shows. */
  private readonly followSuggestions = (event?: { transaction: Transaction }): void => {
    if (!this.editor || (event && !event.transaction.docChanged)) return;
    this.suggestions = letterSuggestions(this.editor.state.doc);
  };

  /** The signatory offices by id, to name and colour suggestions. */
  private get suggestionOffices(): Map<string, SuggestionOffice> {
    if (this.officesRead?.from === this.letterState) return this.officesRead.offices;
    const signatories = this.letterState.course?.signatories ?? [];
    const offices = new Map(signatories.map(({ office }) => [office.id, { name: officeWithCountry(office.nameEn, office.country), color: office.color }]));
    this.officesRead = { from: this.letterState, offices };
    return offices;
  }

  /** The offices as last read, with the letter state they were read from (hover titles read them on every change of the text). */
  private officesRead: { from: LetterState; offices: Map<string, SuggestionOffice> } | null = null;

  /** Stops the editor for good: read-only, with a message; what the server holds is untouched. */
  private fail(error: unknown): void {
    console.error('the letter text could not be shown; the editor is now read-only', error);
    if (this.hasFailed) return;
    this.hasFailed = true;
    this.editor?.setEditable(false);
    this.updateReadOnlyAttribute();
  }

  /**
   * Every transaction goes through here: one that throws (a plugin failing while the server's text
   * is put into the view) leaves the view out of step with the document, so the editor fails.
   */
  private guardTransactions(editor: Editor): void {
    const dispatch = editor.view.props.dispatchTransaction!;
    editor.view.setProps({
      dispatchTransaction: (transaction) => {
        if (this.hasFailed) return;
        try {
          dispatch.call(editor.view, transaction);
        } catch (error) {
          this.fail(error);
        }
      },
    });
  }

  /** Once synced, the view must show the text the document holds; otherwise the editor fails. */
  private readonly checkShownText = (isSynced: boolean): void => {
    const editor = this.editor;
    const connection = this.boundConnection;
    if (!isSynced || !editor || !connection || this.hasFailed) return;
    const held = yXmlFragmentToProseMirrorRootNode(connection.doc.getXmlFragment(bodyFieldName), editor.schema);
    if (held.textContent !== editor.state.doc.textContent) this.fail(new Error('the text shown differs from the letter'));
  };

  private readonly followParagraph = (event?: { transaction: Transaction }): void => {
    const editor = this.editor;
    if (!editor) return;
    const transaction = event?.transaction;
    // A paragraph shown on request stays shown until this person moves the caret or types; others' changes do not count.
    if (transaction && !isChangeOrigin(transaction) && (transaction.selectionSet || transaction.docChanged)) this.shownParagraphId = null;
    const { selection, doc } = editor.state;
    const position = editor.isEditable || this.clickedPosition === null ? selection.from : this.clickedPosition;
    const paragraphs = listParagraphs(doc);
    const shown = this.shownParagraphId === null ? undefined : paragraphs.find((paragraph) => paragraph.id === this.shownParagraphId);
    const next = shown ?? paragraphs.findLast((paragraph) => paragraph.position < position) ?? null;
    const previous = this.focusedParagraph;
    if (previous?.id === next?.id && previous?.hash === next?.hash && previous?.number === next?.number) return;
    this.focusedParagraph = next;
    this.dispatchEvent(new ParagraphFocusEvent(next));
  };

  private readonly onSurfaceClick = (event: MouseEvent): void => {
    const editor = this.editor;
    if (!editor) return;
    // A click on marked words (or on a paragraph's comment mark) opens their thread.
    const marked = event.target instanceof Element ? event.target.closest(`[${threadIdAttribute}]`) : null;
    const threadId = marked?.getAttribute(threadIdAttribute);
    if (threadId && document.getSelection()?.isCollapsed !== false) this.dispatchEvent(new ShowThreadEvent(threadId));
    // A click returns the panel to where the person is, even on the spot the caret already held.
    const wasShowing = this.shownParagraphId !== null;
    this.shownParagraphId = null;
    if (editor.isEditable) {
      if (wasShowing) this.followParagraph();
      return;
    }
    this.clickedPosition = editor.view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos ?? null;
    this.followParagraph();
  };

  private createEditor(connection: LetterConnection, user: SessionUser): Editor {
    const surface = this.querySelector<HTMLElement>('.editor-surface');
    if (!surface) throw new Error('jl-editor rendered without its surface');
    const editor = new Editor({
      element: surface,
      editable: this.isEditable,
      // Tiptap would add a <style> element; editorStyles carries what it needs instead (CSP).
      injectCSS: false,
      extensions: [
        ...letterExtensions(),
        SignoffGutter,
        CommentHighlights.configure({ onShowThread: (threadId) => this.dispatchEvent(new ShowThreadEvent(threadId)) }),
        DirectionControlFilter.configure({
          onRemoved: (removed, example) => {
            this.textNotice = t('editor.directionControlsLeftOut', { count: removed, codePointLabel: codePointLabel(example) });
          },
        }),
        SuggestingMode.configure({
          isOn: () => this.suggestsNow,
          author: { userId: user.id, name: user.name, officeId: user.office.id },
          onRefused: (reason) => {
            this.textNotice = reason;
          },
        }),
        SuggestionSafeUndo.configure({
          userId: user.id,
          onRefused: (reason) => {
            this.textNotice = reason;
          },
        }),
        SuggestionTitles.configure({ officeName: (officeId) => this.suggestionOffices.get(officeId)?.name ?? officeId }),
        LetterLimitFilter.configure({
          onRefused: (reason) => {
            this.textNotice = reason;
          },
        }),
        Collaboration.configure({ document: connection.doc, field: bodyFieldName }),
        RemoteChangeSelection,
        TypedTextInPlace,
        DocumentEdgeKeys,
        LetterCarets.configure({
          provider: connection.provider,
          document: connection.doc,
          user: { name: user.name, color: user.office.color },
          render: renderCaret,
        }),
      ],
      editorProps: {
        // A function, so that ProseMirror reads the name again in the interface's current language.
        attributes: () => ({
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': t('editor.letterText'),
          class: 'letter-text',
        }),
      },
    });
    this.editor = editor;
    this.guardTransactions(editor);
    connection.provider.on('sync', this.checkShownText);
    connection.doc.on('update', this.onSharedTextChange);
    editor.on('transaction', this.followParagraph);
    editor.on('transaction', this.followSuggestions);
    this.followSuggestions();
    editor.view.dom.addEventListener('click', this.onSurfaceClick);
    this.updateReadOnlyAttribute();
    return editor;
  }

  private updateReadOnlyAttribute(): void {
    this.editor?.view.dom.setAttribute('aria-readonly', this.canType ? 'false' : 'true');
  }

  override render() {
    return html`
      ${this.hasFailed
        ? html`<p class="render-failed" role="alert">
            ${t('editor.thisLetterCouldNotBe')}
          </p>`
        : null}
      ${this.canSuggest ? this.renderSuggestingSwitch() : null}
      <jl-editor-toolbar .editor=${this.editor} .isEditable=${this.canType && !this.suggestsNow}></jl-editor-toolbar>
      <p class="text-notice" role="status">${this.textNotice ?? ''}</p>
      <div class="editor-surface ${this.suggestsNow ? 'is-suggesting' : ''}"></div>
      <jl-suggestion-list
        .letterId=${this.letterId}
        .userId=${this.user?.id ?? ''}
        .canDecide=${this.canDecideSuggestions && this.canType}
        .paragraphs=${this.suggestions}
        .offices=${this.suggestionOffices}
      ></jl-suggestion-list>
    `;
  }

  private renderSuggestingSwitch() {
    const isOn = this.suggestsNow;
    const hint = this.mustSuggest
      ? t('editor.youCanProposeChangesPeople')
      : isOn
        ? t('editor.whatYouTypeAndDelete')
        : t('editor.youAreEditingTheText');
    return html`<div class="suggesting-bar">
      <button
        type="button"
        class="suggesting-switch"
        aria-pressed=${isOn ? 'true' : 'false'}
        aria-describedby="suggesting-hint"
        ?disabled=${this.mustSuggest || !this.canType}
        @click=${this.toggleSuggesting}
      >
        ${t('editor.suggesting')}
      </button>
      <span id="suggesting-hint"><strong>${isOn ? t('editor.on') : t('editor.off')}.</strong> ${hint}</span>
    </div>`;
  }
}

const editorStyles = css`
  jl-editor {
    display: block;
  }
  jl-editor .text-notice:empty {
    display: none;
  }
  jl-editor .text-notice {
    margin: 0;
    padding: 0.5rem 1.25rem;
    background: var(--jl-accent-soft);
    border-inline: 1px solid var(--jl-border);
  }
  jl-editor jl-editor-toolbar {
    position: sticky;
    top: 0;
    z-index: 2;
  }
  /* What Tiptap's own injected stylesheet would provide. */
  jl-editor .ProseMirror {
    position: relative;
    word-wrap: break-word;
    white-space: pre-wrap;
    white-space: break-spaces;
    font-variant-ligatures: none;
    font-feature-settings: 'liga' 0;
  }
  jl-editor .ProseMirror [contenteditable='false'] {
    white-space: normal;
  }
  jl-editor .ProseMirror-hideselection *::selection {
    background: transparent;
  }
  jl-editor .ProseMirror-separator {
    display: inline !important;
    border: none !important;
    margin: 0 !important;
  }
  jl-editor .ProseMirror-gapcursor {
    display: none;
    pointer-events: none;
    position: absolute;
  }
  jl-editor .ProseMirror-focused .ProseMirror-gapcursor {
    display: block;
  }
  jl-editor .letter-text {
    min-height: 12rem;
    padding: 1rem 1.25rem;
    font-family: var(--jl-font-letter);
    font-size: 1.125rem;
    line-height: 1.6;
    color: var(--jl-text);
    background: var(--jl-paper);
    border: 1px solid var(--jl-border);
    border-radius: 0 0 var(--jl-radius) var(--jl-radius);
  }
  jl-editor .letter-text[aria-readonly='true'] {
    background: #fafbfc;
  }
  jl-editor .letter-text:focus {
    outline: 3px solid var(--jl-focus);
    outline-offset: 2px;
  }
  jl-editor .letter-text > :first-child {
    margin-top: 0;
  }
  jl-editor .letter-text p {
    margin: 0 0 0.85em;
  }
  jl-editor .letter-text h1,
  jl-editor .letter-text h2,
  jl-editor .letter-text h3 {
    font-family: var(--jl-font);
    line-height: 1.3;
    margin: 1.25em 0 0.5em;
  }
  jl-editor .letter-text h1 {
    font-size: 1.375rem;
  }
  jl-editor .letter-text h2 {
    font-size: 1.1875rem;
  }
  jl-editor .letter-text h3 {
    font-size: 1.0625rem;
  }
  jl-editor .letter-text ul,
  jl-editor .letter-text ol {
    margin: 0 0 0.85em;
    padding-inline-start: 1.75em;
  }
  jl-editor .letter-text li > p {
    margin: 0 0 0.35em;
  }
  jl-editor .suggestion {
    --jl-suggestion-color: #5b6470;
    color: inherit;
    text-decoration-color: var(--jl-suggestion-color);
    text-decoration-thickness: 2px;
    background: color-mix(in srgb, var(--jl-suggestion-color) 14%, transparent);
  }
  jl-editor ins.suggestion {
    text-decoration-line: underline;
  }
  jl-editor del.suggestion {
    text-decoration-line: line-through;
  }
  jl-editor .suggesting-bar {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    padding: 0.5rem 1.25rem;
    border: 1px solid var(--jl-border);
    border-bottom: none;
    border-radius: var(--jl-radius) var(--jl-radius) 0 0;
  }
  /* Like the formatting toolbar's toggle buttons. */
  jl-editor .suggesting-switch {
    min-height: 2.25rem;
    padding: 0.25rem 0.75rem;
    font: inherit;
    font-size: 0.9375rem;
    color: var(--jl-text);
    background: transparent;
    border: 1px solid var(--jl-border);
    border-radius: 4px;
    cursor: pointer;
  }
  jl-editor .suggesting-switch:hover:not(:disabled) {
    background: var(--jl-accent-soft);
  }
  jl-editor .suggesting-switch[aria-pressed='true'] {
    color: #fff;
    background: var(--jl-accent);
    border-color: var(--jl-accent);
    box-shadow: inset 0 -3px 0 rgb(255 255 255 / 0.6);
  }
  jl-editor .suggesting-switch:focus-visible {
    outline: 3px solid var(--jl-focus);
    outline-offset: 2px;
  }
  jl-editor .suggesting-switch:disabled {
    cursor: not-allowed;
  }
  jl-editor .suggesting-switch:disabled:not([aria-pressed='true']) {
    color: #5f6874;
  }
  jl-editor jl-suggestion-list {
    margin-top: 1rem;
  }
  jl-editor .letter-text a {
    color: var(--jl-accent);
    text-decoration: underline;
  }
  /* Words an open comment thread is about, and the mark of a comment on a whole paragraph. */
  jl-editor .comment-highlight {
    background: #fff3bf;
    border-bottom: 2px solid #c99a00;
    cursor: pointer;
  }
  jl-editor .comment-highlight .comment-highlight {
    background: #ffe066;
  }
  jl-editor .comment-paragraph-mark {
    margin-inline-start: 0.375rem;
    padding: 0 0.25rem;
    font-family: var(--jl-font);
    font-size: 0.8125rem;
    background: #fff3bf;
    border: 1px solid #c99a00;
    border-radius: 3px;
    cursor: pointer;
    user-select: none;
  }
  jl-editor .render-failed {
    margin: 0 0 0.5rem;
    padding: 0.5rem 0.75rem;
    color: var(--jl-text);
    background: #fdecea;
    border: 1px solid #b3261e;
    border-radius: var(--jl-radius);
  }
  /* Other people's carets: a thin bar with the name above it. */
  jl-editor .collaboration-carets__caret {
    position: relative;
    margin-inline: -1px;
    border-inline: 1px solid;
    word-break: normal;
    pointer-events: none;
  }
  jl-editor .collaboration-carets__label {
    position: absolute;
    bottom: 100%;
    left: -1px;
    padding: 0.0625rem 0.375rem;
    font-family: var(--jl-font);
    font-size: 0.8125rem;
    font-style: normal;
    font-weight: 600;
    line-height: 1.4;
    white-space: nowrap;
    /* A name of up to 200 characters must not cover the text: longer ones end in an ellipsis. */
    max-width: 14rem;
    overflow: hidden;
    text-overflow: ellipsis;
    user-select: none;
    border-radius: 3px 3px 3px 0;
  }
`;

customElements.define('jl-editor', JlEditor);

declare global {
  interface HTMLElementTagNameMap {
    'jl-editor': JlEditor;
  }
}
