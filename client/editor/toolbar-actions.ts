import { t } from '../i18n/translate.js';
import type { Editor } from '@tiptap/core';

/** One button of the formatting toolbar. */
export interface ToolbarAction {
  id: string;
  /**
   * What the button shows, and its accessible name, so speech users can say what they see.
   * Short, because the toolbar sits above a narrow letter column.
   */
  text: string;
  /** An accessible name for buttons that show a single letter (B, I) rather than a word. */
  label?: string;
  /** The long name, shown as a tooltip and read as the button's description. */
  description: string;
  /** A decorative symbol shown before the text, hidden from screen readers. */
  icon?: string;
  /** Keyboard shortcut Tiptap already binds, announced through aria-keyshortcuts. */
  shortcut?: string;
  /** Toggles report their state through aria-pressed; plain actions leave it out. */
  isActive?: (editor: Editor) => boolean;
  isEnabled: (editor: Editor) => boolean;
  run: (editor: Editor) => void;
}

const headingLevels = [1, 2, 3] as const;

/** The toolbar's buttons in visual order, grouped by what they change. */
export const toolbarGroups: readonly (readonly ToolbarAction[])[] = [
  [
    {
      id: 'paragraph',
      get text() { return t('editor.paragraph2'); },
      get description() { return t('editor.normalParagraphText'); },
      isActive: (editor) => editor.isActive('paragraph') && !editor.isActive('heading'),
      // Already a paragraph counts as enabled: the button then just confirms the current state.
      isEnabled: (editor) => editor.isEditable && (editor.isActive('paragraph') || editor.can().setParagraph()),
      run: (editor) => editor.chain().focus().setParagraph().run(),
    },
    ...headingLevels.map(
      (level): ToolbarAction => ({
        id: `heading-${level}`,
        text: t('editor.h', { level: level }),
        description: t('editor.heading', { level: level }),
        isActive: (editor) => editor.isActive('heading', { level }),
        isEnabled: (editor) => editor.can().toggleHeading({ level }),
        run: (editor) => editor.chain().focus().toggleHeading({ level }).run(),
      }),
    ),
  ],
  [
    {
      id: 'bold',
      text: 'B',
      get label() { return t('editor.bold'); },
      get description() { return t('editor.bold'); },
      shortcut: 'Control+B',
      isActive: (editor) => editor.isActive('bold'),
      isEnabled: (editor) => editor.can().toggleBold(),
      run: (editor) => editor.chain().focus().toggleBold().run(),
    },
    {
      id: 'italic',
      text: 'I',
      get label() { return t('editor.italic'); },
      get description() { return t('editor.italic'); },
      shortcut: 'Control+I',
      isActive: (editor) => editor.isActive('italic'),
      isEnabled: (editor) => editor.can().toggleItalic(),
      run: (editor) => editor.chain().focus().toggleItalic().run(),
    },
  ],
  [
    {
      id: 'bullet-list',
      get text() { return t('editor.bullets'); },
      icon: '•',
      get description() { return t('editor.bulletList'); },
      isActive: (editor) => editor.isActive('bulletList'),
      isEnabled: (editor) => editor.can().toggleBulletList(),
      run: (editor) => editor.chain().focus().toggleBulletList().run(),
    },
    {
      id: 'numbered-list',
      get text() { return t('editor.numbering'); },
      icon: '1.',
      get description() { return t('editor.numberedList'); },
      isActive: (editor) => editor.isActive('orderedList'),
      isEnabled: (editor) => editor.can().toggleOrderedList(),
      run: (editor) => editor.chain().focus().toggleOrderedList().run(),
    },
  ],
];

/** Puts `href` on the selection, on the whole link around the caret, or inserts it as new text. */
export function applyLink(editor: Editor, href: string): void {
  const { empty } = editor.state.selection;
  if (!empty) {
    editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
    return;
  }
  if (editor.isActive('link')) {
    editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
    return;
  }
  editor
    .chain()
    .focus()
    .insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] })
    .run();
}

export function removeLink(editor: Editor): void {
  editor.chain().focus().extendMarkRange('link').unsetLink().run();
}
