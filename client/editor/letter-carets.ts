import CollaborationCaret, { type CollaborationCaretOptions } from '@tiptap/extension-collaboration-caret';
import { Plugin, type PluginSpec } from '@tiptap/pm/state';
import { DecorationSet } from '@tiptap/pm/view';
import { yCursorPlugin, yCursorPluginKey } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { bodyFieldName } from '../../shared/domain/editor-extensions.js';
import { checkPresenceCursor, presenceCursorSchema } from '../../shared/protocol/presence-state.js';

export interface LetterCaretsOptions extends CollaborationCaretOptions {
  /** The letter's Y.Doc, against which other people's carets are checked before they are drawn. */
  document: Y.Doc | null;
}

/**
 * Other people's carets, drawn so that nothing in their presence can reach the document: a caret
 * that does not decode inside the body is skipped (and logged once if it is malformed), a caret whose drawing fails
 * is left out, and if building the decorations fails at all, no carets are shown. The server
 * already drops such presence (PROTOCOL.md, step 6); this is the second line.
 */
export const LetterCarets = CollaborationCaret.extend<LetterCaretsOptions>({
  addOptions() {
    return { ...this.parent!(), document: null };
  },

  addProseMirrorPlugins() {
    const { provider, document, render, selectionRender } = this.options;
    const skipped = new Map<number, string>();
    const isDrawable = (clientId: number, state: Record<string, unknown> | null): boolean => {
      const cursor = state?.['cursor'];
      if (cursor == null || document === null) return true;
      if (checkPresenceCursor(cursor, document, bodyFieldName) !== null) return true;
      // Presence travels ahead of text (text is sent once stored): a caret in text not here yet is
      // drawn when the text arrives. Only a caret that is not a pair of positions at all is logged.
      const described = JSON.stringify(cursor);
      if (!presenceCursorSchema.safeParse(cursor).success && skipped.get(clientId) !== described) {
        console.warn('skipped a caret that is not a position in this letter', { clientId, cursor });
      }
      skipped.set(clientId, described);
      return false;
    };
    const carets = yCursorPlugin(provider.awareness, {
      awarenessStateFilter: (ownId: number, clientId: number, state: Record<string, unknown> | null) => ownId !== clientId && isDrawable(clientId, state),
      cursorBuilder: (user: Record<string, unknown>) => {
        try {
          return render(user);
        } catch (error) {
          console.warn('could not draw a caret', error);
          return emptyCaret();
        }
      },
      selectionBuilder: (user: Record<string, unknown>) => {
        try {
          return selectionRender(user);
        } catch (error) {
          console.warn('could not draw a selection', error);
          return {};
        }
      },
    });
    return this.parent!().map((plugin) => (plugin.spec.key === yCursorPluginKey ? guardDecorations(carets) : plugin));
  },
});

function emptyCaret(): HTMLElement {
  const caret = document.createElement('span');
  caret.setAttribute('aria-hidden', 'true');
  return caret;
}

/** The caret plugin with its decoration building wrapped: a failure shows no carets, never breaks a transaction. */
function guardDecorations(plugin: Plugin): Plugin {
  const spec = plugin.spec as PluginSpec<DecorationSet>;
  const state = spec.state!;
  const fallback = (error: unknown): DecorationSet => {
    console.error('could not draw the carets of other people', error);
    return DecorationSet.empty;
  };
  return new Plugin<DecorationSet>({
    ...spec,
    state: {
      init: (config, editorState) => {
        try {
          return state.init(config, editorState);
        } catch (error) {
          return fallback(error);
        }
      },
      apply: (tr, value, oldState, newState) => {
        try {
          return state.apply(tr, value, oldState, newState);
        } catch (error) {
          return fallback(error);
        }
      },
    },
  });
}
