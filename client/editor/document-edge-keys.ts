import { Extension } from '@tiptap/core';
import { Selection, TextSelection } from '@tiptap/pm/state';

/**
 * Ctrl+Home and Ctrl+End (Cmd on a Mac) move the caret to the start or end of the letter, with
 * Shift extending the selection, as word processors do. The browser would move the caret itself and
 * tell the editor only later; if someone else's change arrives in between, the editor still holds
 * the old caret, puts it back there, and the person types in the wrong place. Moving it here puts
 * the new caret in the editor's state at once.
 */
export const DocumentEdgeKeys = Extension.create({
  name: 'documentEdgeKeys',
  addKeyboardShortcuts() {
    const moveTo = (edge: 'start' | 'end', extend: boolean) => () => {
      const { state, view } = this.editor;
      const target = edge === 'start' ? Selection.atStart(state.doc) : Selection.atEnd(state.doc);
      const selection = extend ? TextSelection.between(state.selection.$anchor, target.$head) : target;
      view.dispatch(state.tr.setSelection(selection).scrollIntoView());
      return true;
    };
    return {
      'Mod-Home': moveTo('start', false),
      'Mod-End': moveTo('end', false),
      'Shift-Mod-Home': moveTo('start', true),
      'Shift-Mod-End': moveTo('end', true),
    };
  },
});
