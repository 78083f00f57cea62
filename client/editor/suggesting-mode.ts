import { Extension } from '@tiptap/core';
import { isChangeOrigin } from '@tiptap/extension-collaboration';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import type { SuggestionAuthor } from '../../shared/domain/suggestions.js';
import {
  plainInsertion,
  refusals,
  refusalWhileSuggesting,
  withoutInheritedSuggestions,
  suggestDeletion,
  suggestInsertion,
  suggestKeyDeletion,
  suggestPaste,
  type SuggestingResult,
} from './suggesting-changes.js';

export interface SuggestingModeOptions {
  /** Whether the editor suggests just now; read on every input. */
  isOn: () => boolean;
  author: SuggestionAuthor | null;
  /** Called with why a change of this person's was not made. */
  onRefused: (reason: string) => void;
}

export const suggestingModeKey = new PluginKey('suggestingMode');

/**
 * Suggesting mode: while it is on, what this person types (composed characters from an input
 * method or dead keys included) becomes their proposed insertion, what they delete their proposed
 * deletion (struck through, still there), and what they paste a proposed insertion of its words.
 * Everything else that would change the text (formatting, splitting or joining paragraphs, line
 * breaks, dropping) is refused with a message (rule S13). While it is off, text typed inside
 * someone's proposal is plain text, not part of it. It runs before every other plugin's input
 * handling (input rules, keyboard shortcuts).
 */
export const SuggestingMode = Extension.create<SuggestingModeOptions>({
  name: 'suggestingMode',
  priority: 10_000,

  addOptions() {
    return { isOn: () => false, author: null, onRefused: () => undefined };
  },

  addProseMirrorPlugins() {
    const { isOn, author, onRefused } = this.options;
    const active = () => author !== null && isOn();
    const run = (view: EditorView, result: SuggestingResult): true => {
      if ('refused' in result) onRefused(result.refused);
      else view.dispatch(result.transaction.scrollIntoView());
      return true;
    };
    return [
      new Plugin({
        key: suggestingModeKey,
        props: {
          handleTextInput: (view, from, to, text) => {
            if (active()) return run(view, suggestInsertion(view.state, from, to, text, author!));
            // Outside suggesting mode, typing inside someone's proposal does not extend it.
            const plain = plainInsertion(view.state, from, to, text);
            if (plain) view.dispatch(plain.scrollIntoView());
            return plain !== null;
          },
          handleKeyDown: (view, event) => {
            if (!active() || event.isComposing) return false;
            if (event.key === 'Backspace' || event.key === 'Delete') return run(view, suggestKeyDeletion(view.state, author!, event.key === 'Delete'));
            if (event.key === 'Enter') return run(view, { refused: event.shiftKey ? refusals.lineBreak : refusals.paragraphs });
            return false;
          },
          handlePaste: (view, _event, slice) => active() && run(view, suggestPaste(view.state, slice, author!)),
          handleDrop: () => {
            if (!active()) return false;
            onRefused(refusals.other);
            return true;
          },
          handleDOMEvents: {
            cut: (view, event) => {
              if (!active()) return false;
              const { from, to } = view.state.selection;
              event.clipboardData?.setData('text/plain', view.state.doc.textBetween(from, to, '\n', '\n'));
              event.preventDefault();
              return run(view, suggestDeletion(view.state, from, to, author!));
            },
          },
        },
        appendTransaction: (transactions, _oldState, state) => (active() ? null : withoutInheritedSuggestions(transactions, state, isChangeOrigin)),
        // Whatever reaches the text some other way while suggesting is refused, not written as an edit.
        filterTransaction: (transaction) => {
          if (!active()) return true;
          const reason = refusalWhileSuggesting(transaction, isChangeOrigin(transaction));
          if (reason !== null) onRefused(reason);
          return reason === null;
        },
      }),
    ];
  },
});
