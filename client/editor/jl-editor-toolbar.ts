import { t } from '../i18n/translate.js';
import { LanguageController } from '../i18n/language-controller.js';
import type { Editor, EditorEvents } from '@tiptap/core';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import './jl-link-dialog.js';
import type { JlLinkDialog } from './jl-link-dialog.js';
import { applyLink, removeLink, type ToolbarAction, toolbarGroups } from './toolbar-actions.js';
import { layoutMedia } from '../ui/layout-breakpoints.js';

/**
 * Formatting buttons for the letter text. One Tab stop for the whole toolbar; arrow keys, Home
 * and End move between buttons (the WAI-ARIA toolbar pattern). Toggles report their state with
 * aria-pressed. Clicking keeps the editor's selection; pressing a button returns focus to the text.
 * Every button is disabled while the text is read-only: a command would change the text anyway.
 */
export class JlEditorToolbar extends LitElement {
  private readonly languageController = new LanguageController(this);

  static override properties = {
    editor: { attribute: false },
    isEditable: { attribute: false },
    focusedId: { state: true },
  };

  declare editor: Editor | undefined;
  declare isEditable: boolean;
  /** The button that holds the toolbar's single Tab stop. */
  declare private focusedId: string;
  private subscribedEditor: Editor | undefined;

  constructor() {
    super();
    this.editor = undefined;
    this.isEditable = true;
    this.focusedId = 'paragraph';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.subscribe(undefined);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('editor')) this.subscribe(this.editor);
  }

  private subscribe(editor: Editor | undefined): void {
    this.subscribedEditor?.off('transaction', this.onEditorChange);
    this.subscribedEditor = editor;
    editor?.on('transaction', this.onEditorChange);
  }

  // Working out every button's state asks the editor to dry-run each command, which costs more
  // than the keystroke itself: only text, caret or pending-format changes can move it.
  private readonly onEditorChange = ({ transaction }: EditorEvents['transaction']): void => {
    if (transaction.docChanged || transaction.selectionSet || transaction.storedMarksSet) this.requestUpdate();
  };

  private get buttons(): HTMLButtonElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLButtonElement>('button[data-action]')].filter(
      (button) => !button.disabled,
    );
  }

  private onKeyDown(event: KeyboardEvent): void {
    const buttons = this.buttons;
    const current = buttons.findIndex((button) => button.matches(':focus'));
    if (current === -1) return;
    const next = {
      ArrowRight: (current + 1) % buttons.length,
      ArrowLeft: (current - 1 + buttons.length) % buttons.length,
      Home: 0,
      End: buttons.length - 1,
    }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const target = buttons[next];
    if (!target) return;
    this.focusedId = target.dataset['action'] ?? this.focusedId;
    target.focus();
  }

  private onFocusIn(event: FocusEvent): void {
    const button = event.composedPath().find((target): target is HTMLButtonElement => target instanceof HTMLButtonElement);
    const id = button?.dataset['action'];
    if (id) this.focusedId = id;
  }

  private async editLink(editor: Editor): Promise<void> {
    const dialog = this.renderRoot.querySelector<JlLinkDialog>('jl-link-dialog');
    if (!dialog) return;
    const current = editor.getAttributes('link')['href'];
    const href = await dialog.ask(typeof current === 'string' ? current : '');
    if (href === null) {
      editor.commands.focus();
      return;
    }
    applyLink(editor, href);
  }

  override render() {
    const editor = this.editor;
    const linkActions: ToolbarAction[] = [
      {
        id: 'link',
        text: t('editor.link'),
        description: editor?.isActive('link') ? t('editor.editTheLink') : t('editor.addALinkWebOr'),
        isEnabled: (current) => current.isEditable,
        run: (current) => void this.editLink(current),
      },
      {
        id: 'remove-link',
        text: t('editor.removeLink'),
        description: t('editor.removeTheLinkAroundThe'),
        isEnabled: (current) => current.isEditable && current.isActive('link'),
        run: removeLink,
      },
    ];
    const groups = [...toolbarGroups, linkActions];
    const enabledIds = new Set(editor && this.isEditable ? groups.flat().filter((action) => action.isEnabled(editor)).map((action) => action.id) : []);
    // The Tab stop stays on an enabled button, or the toolbar could not be reached at all.
    const tabStop = enabledIds.has(this.focusedId) ? this.focusedId : enabledIds.values().next().value;
    return html`
      <div
        role="toolbar"
        aria-label=${t('editor.textFormatting')}
        @keydown=${this.onKeyDown}
        @focusin=${this.onFocusIn}
      >
        ${groups.map(
          (group) => html`<div class="group">${group.map((action) => this.renderButton(action, editor, enabledIds.has(action.id), tabStop))}</div>`,
        )}
      </div>
      <jl-link-dialog></jl-link-dialog>
    `;
  }

  private renderButton(action: ToolbarAction, editor: Editor | undefined, isEnabled: boolean, tabStop: string | undefined) {
    const isPressed = editor && action.isActive ? action.isActive(editor) : undefined;
    return html`
      <button
        type="button"
        class=${action.id}
        data-action=${action.id}
        tabindex=${action.id === tabStop ? 0 : -1}
        aria-label=${ifDefined(action.label)}
        title=${action.shortcut ? `${action.description} (${action.shortcut.replace('Control', 'Ctrl')})` : action.description}
        aria-pressed=${ifDefined(isPressed === undefined ? undefined : String(isPressed))}
        aria-keyshortcuts=${ifDefined(action.shortcut)}
        aria-haspopup=${ifDefined(action.id === 'link' ? 'dialog' : undefined)}
        ?disabled=${!isEnabled}
        @mousedown=${(event: MouseEvent) => event.preventDefault()}
        @click=${() => editor && action.run(editor)}
      >
        ${action.icon
          ? html`<span class="icon" aria-hidden="true">${action.icon}</span><span class="icon-text">${action.text}</span>`
          : action.text}
      </button>
    `;
  }

  static override styles = css`
    :host {
      display: block;
    }
    [role='toolbar'] {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.75rem;
      padding: 0.375rem 0.5rem;
      background: #f8f9fb;
      border: 1px solid var(--jl-border);
      border-bottom: none;
      border-radius: var(--jl-radius) var(--jl-radius) 0 0;
    }
    .group {
      display: flex;
      gap: 0.25rem;
    }
    .group + .group {
      padding-inline-start: 0.75rem;
      border-inline-start: 1px solid var(--jl-border);
    }
    button {
      min-width: 2.5rem;
      min-height: 2.25rem;
      padding: 0.25rem 0.5rem;
      font: inherit;
      font-size: 0.9375rem;
      color: var(--jl-text);
      background: transparent;
      border: 1px solid transparent;
      border-radius: 4px;
      cursor: pointer;
    }
    button:hover:not(:disabled) {
      background: var(--jl-accent-soft);
      border-color: var(--jl-border);
    }
    button[aria-pressed='true'] {
      color: #fff;
      background: var(--jl-accent);
      border-color: var(--jl-accent);
      box-shadow: inset 0 -3px 0 rgb(255 255 255 / 0.6);
    }
    button:focus-visible {
      outline: 3px solid var(--jl-focus);
      outline-offset: 2px;
    }
    button:disabled {
      color: #5f6874;
      cursor: not-allowed;
    }
    button[aria-pressed='true']:disabled {
      color: #fff;
    }
    .icon {
      margin-inline-end: 0.375rem;
      font-weight: 700;
    }
    .bold {
      font-weight: 700;
    }
    .italic {
      font-style: italic;
      font-family: var(--jl-font-letter);
    }
    /* A phone: the groups close up, so the toolbar takes two rows rather than four. */
    @media ${layoutMedia.phone} {
      [role='toolbar'] {
        gap: 0.25rem;
        padding: 0.25rem;
      }
      .group {
        gap: 0;
      }
      .group + .group {
        padding-inline-start: 0.25rem;
      }
      button {
        min-width: 2.25rem;
        padding: 0.25rem 0.375rem;
      }
      /* A button with an icon shows only the icon; its words stay its name. */
      .icon {
        margin-inline-end: 0;
      }
      .icon-text {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip-path: inset(50%);
        white-space: nowrap;
      }
    }
  `;
}

customElements.define('jl-editor-toolbar', JlEditorToolbar);

declare global {
  interface HTMLElementTagNameMap {
    'jl-editor-toolbar': JlEditorToolbar;
  }
}
