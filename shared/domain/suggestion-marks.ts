import { Mark, mergeAttributes } from '@tiptap/core';

/**
 * Suggestions: wording an office proposes instead of writing it (rule S13). They live in the
 * letter's text as two marks, so they sync, merge and persist like the text itself: a proposed
 * insertion is text carrying `suggestedInsertion`, a proposed deletion is text that is still there
 * carrying `suggestedDeletion`. The editor's schema, the update guard and the sign-off rules all
 * read these definitions.
 */
export const SuggestionKind = {
  insertion: 'suggestedInsertion',
  deletion: 'suggestedDeletion',
} as const;
export type SuggestionKind = (typeof SuggestionKind)[keyof typeof SuggestionKind];

export const suggestionMarkNames: readonly string[] = Object.values(SuggestionKind);

/** Whether a mark (or Yjs formatting key) is a suggestion. */
export const isSuggestionMark = (name: string): name is SuggestionKind => suggestionMarkNames.includes(name);

// Kept out of the rendered HTML (an `id` there would clash with the page's own); renderHTML shows some as data attributes.
const suggestionAttributeSpecs = {
  id: { default: null, rendered: false },
  authorId: { default: null, rendered: false },
  authorName: { default: null, rendered: false },
  officeId: { default: null, rendered: false },
  time: { default: null, rendered: false },
  // Where a suggestion came from, when not typed: an import names the Word author here.
  note: { default: null, rendered: false },
};

function suggestionMark(name: SuggestionKind, tag: 'ins' | 'del') {
  return Mark.create({
    name,
    // Text typed next to a suggestion is not part of it unless the suggesting editor says so.
    inclusive: false,
    addAttributes() {
      return suggestionAttributeSpecs;
    },
    parseHTML() {
      // Suggestions come in only through the suggesting editor: pasted <ins> and <del> are plain text.
      return [];
    },
    renderHTML({ HTMLAttributes, mark }) {
      const attrs = mark.attrs as Record<string, unknown>;
      // The editor writes who proposed it, with the office's name, over it (client/editor/suggestion-titles.ts).
      const shown = { class: 'suggestion', 'data-suggestion-id': attrs['id'], 'data-office': attrs['officeId'] };
      return [tag, mergeAttributes(HTMLAttributes, shown), 0];
    },
  });
}

/** The two suggestion marks, part of the letter schema (`letterExtensions`). */
export function suggestionMarks() {
  return [suggestionMark(SuggestionKind.insertion, 'ins'), suggestionMark(SuggestionKind.deletion, 'del')];
}

