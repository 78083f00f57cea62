import type { AnyExtension } from '@tiptap/core';
import { isChangeOrigin } from '@tiptap/extension-collaboration';
import Link from '@tiptap/extension-link';
import { OrderedList } from '@tiptap/extension-list';
import UniqueID from '@tiptap/extension-unique-id';
import StarterKit from '@tiptap/starter-kit';
import { isAllowedLinkHref } from './link-policy.js';
import { suggestionMarks } from './suggestion-marks.js';

/** Node types that are paragraphs in Jointly's sense: units of sign-off and history. */
export const textBlockTypes = ['paragraph', 'heading'] as const;

/** The attribute that holds a paragraph's stable id. */
export const paragraphIdAttribute = 'id';

/**
 * A link holds its address and nothing else. Tiptap's link also stores a class, a title, a target
 * and a rel in the document; a class can hide the linked words on screen (the page's own
 * `visually-hidden`) while the hash and the exports keep them, and a title shows words no export
 * prints. The rel and target every link gets come from the options, not from the document.
 */
const AddressOnlyLink = Link.extend({
  addAttributes() {
    return { href: { default: null, parseHTML: (element: HTMLElement) => element.getAttribute('href') } };
  },
});

/**
 * A numbered list holds where it starts and nothing else. Tiptap's keeps a numbering style ("a",
 * "I") taken from pasted lists, which the browser shows and no export prints: one letter would
 * read "a." on screen and "1." on paper.
 */
const DecimalOrderedList = OrderedList.extend({
  addAttributes() {
    const inherited = (this.parent?.() ?? {}) as { start?: object };
    return { start: inherited.start ?? { default: 1 } };
  },
});

/** The Y.XmlFragment that holds the letter's body (Tiptap Collaboration's default field). */
export const bodyFieldName = 'default';

/**
 * The document schema of a letter, as Tiptap extensions. The editor builds on these, and the
 * server derives from them the rules it checks incoming updates against, so the two cannot drift.
 */
export function letterExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      // Yjs has its own undo manager; Tiptap's would undo other people's edits.
      undoRedo: false,
      blockquote: false,
      code: false,
      codeBlock: false,
      horizontalRule: false,
      strike: false,
      underline: false,
      heading: { levels: [1, 2, 3] },
      link: false,
      orderedList: false,
    }),
    DecimalOrderedList,
    AddressOnlyLink.configure({
      openOnClick: false,
      autolink: true,
      protocols: [],
      isAllowedUri: (url) => isAllowedLinkHref(url),
      HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null },
    }),
    ...suggestionMarks(),
    UniqueID.configure({
      types: [...textBlockTypes],
      attributeName: paragraphIdAttribute,
      // Remote changes carry their author's ids already; re-assigning them would fork the id.
      filterTransaction: (transaction) => !isChangeOrigin(transaction),
    }),
  ];
}
