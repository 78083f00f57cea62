import { t } from '../i18n/translate.js';
import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { SuggestionKind, isSuggestionMark } from '../../shared/domain/suggestions.js';
import { formatDateTime } from '../ui/format-date-time.js';

export interface SuggestionTitlesOptions {
  /** The name people know an office by; read again whenever the titles are. */
  officeName: (officeId: string) => string;
}

/** Dispatch a transaction with this meta when office names change, so that the titles are written again. */
export const suggestionTitlesKey = new PluginKey<DecorationSet>('suggestionTitles');

const kindWords: Record<string, string> = {
  get [SuggestionKind.insertion]() { return t('editor.proposedInsertion'); },
  get [SuggestionKind.deletion]() { return t('editor.proposedDeletion'); },
};

/** What hovering over a suggestion says: what, by whom, for which office, when. */
export function describeSuggestion(kind: string, attrs: Record<string, unknown>, officeName: (officeId: string) => string): string {
  const author = typeof attrs['authorName'] === 'string' ? attrs['authorName'] : t('editor.someone');
  const office = typeof attrs['officeId'] === 'string' ? officeName(attrs['officeId']) : t('editor.unknownOffice');
  const when = typeof attrs['time'] === 'string' ? `, ${formatDateTime(attrs['time'])}` : '';
  // An imported suggestion says where it came from (the Word author), beside who brought it in.
  const note = typeof attrs['note'] === 'string' && attrs['note'] !== '' ? ` (${attrs['note']})` : '';
  return `${t('editor.suggestionTitle', { kind: kindWords[kind] ?? kind, author, office })}${when}${note}`;
}

/** A title over every run of suggested words, naming who proposed it. */
export function suggestionTitleDecorations(doc: ProseMirrorNode, officeName: (officeId: string) => string): DecorationSet {
  const decorations: Decoration[] = [];
  doc.descendants((node, position) => {
    if (!node.isText) return true;
    const titles = node.marks
      .filter((mark) => isSuggestionMark(mark.type.name))
      .map((mark) => describeSuggestion(mark.type.name, mark.attrs as Record<string, unknown>, officeName));
    if (titles.length > 0) decorations.push(Decoration.inline(position, position + node.nodeSize, { title: titles.join('; ') }));
    return false;
  });
  return DecorationSet.create(doc, decorations);
}

/**
 * Hover over a suggestion names its author, their office (by name, not id) and when it was made
 * (rule S13). The names of offices reach the editor after the text may, so the titles are
 * decorations, written again when the text or the names change.
 */
export const SuggestionTitles = Extension.create<SuggestionTitlesOptions>({
  name: 'suggestionTitles',

  addOptions() {
    return { officeName: (officeId) => officeId };
  },

  addProseMirrorPlugins() {
    const { officeName } = this.options;
    return [
      new Plugin<DecorationSet>({
        key: suggestionTitlesKey,
        state: {
          init: (_config, state) => suggestionTitleDecorations(state.doc, officeName),
          apply: (transaction, titles) =>
            transaction.docChanged || transaction.getMeta(suggestionTitlesKey) !== undefined ? suggestionTitleDecorations(transaction.doc, officeName) : titles,
        },
        props: {
          decorations: (state) => suggestionTitlesKey.getState(state),
        },
      }),
    ];
  },
});
