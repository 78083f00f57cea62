import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, TextSelection, type Transaction } from '@tiptap/pm/state';
import { type ProsemirrorBinding, relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';

export const remoteChangeSelectionKey = new PluginKey('remoteChangeSelection');

/** What the sync plugin's state holds besides its flags: the binding between the view and the Y.Doc. */
interface SyncState {
  binding?: ProsemirrorBinding;
}

/** Whether a transaction puts other people's changes (received from the server) into the view. */
function isRemoteChange(transaction: Transaction): boolean {
  return transaction.docChanged && syncMeta(transaction)?.isChangeOrigin === true;
}

/** What the sync plugin says about a transaction it dispatched. */
function syncMeta(transaction: Transaction): { isChangeOrigin?: boolean; isUndoRedoOperation?: boolean } | undefined {
  return transaction.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean; isUndoRedoOperation?: boolean } | undefined;
}

/** Whether the Yjs type, or any type it sits in, was deleted: a position inside it says nothing about where the text went. */
function isInRemovedType(type: Y.AbstractType<unknown>): boolean {
  for (let item = type._item; item !== null; item = (item.parent as Y.AbstractType<unknown>)._item) {
    if (item.deleted) return true;
  }
  return false;
}

/**
 * Where a relative position (a character of the shared text) is now, in the view's document, or
 * null if its paragraph no longer exists or the position does not land in text.
 */
function positionNow(binding: ProsemirrorBinding, relative: Y.RelativePosition | null, doc: ProseMirrorNode): number | null {
  if (relative === null) return null;
  const decoded = Y.createAbsolutePositionFromRelativePosition(relative, binding.doc);
  if (decoded === null || isInRemovedType(decoded.type)) return null;
  const position = relativePositionToAbsolutePosition(binding.doc, binding.type, relative, binding.mapping);
  if (position === null || position < 0 || position > doc.content.size) return null;
  return doc.resolve(position).parent.inlineContent ? position : null;
}

/**
 * Keeps this person's caret (and text selection) beside the characters it was beside when other
 * people's changes arrive, as y-prosemirror does with Yjs relative positions.
 *
 * The sync plugin of @tiptap/y-tiptap 3.0.9 resolves those relative positions, then second-guesses
 * the result: when the paragraph holding the caret reads differently after the change (as it does
 * whenever someone else types in it), it takes the resolution for a mistake and puts the caret back
 * at its old offset inside the paragraph, which it finds again by the paragraph's id. With every
 * keystroke of someone typing earlier in the same paragraph, the caret then slides back one
 * character, and what this person types comes out reversed. This plugin restores the position the
 * relative positions give, wherever the paragraph that held the caret still exists; where it was
 * deleted, the sync plugin's own recovery stands.
 */
export function remoteChangeSelectionPlugin(): Plugin {
  return new Plugin({
    key: remoteChangeSelectionKey,
    appendTransaction: (transactions, _oldState, newState) => {
      const remote = transactions.findLast(isRemoteChange);
      if (!remote) return null;
      const binding = (ySyncPluginKey.getState(newState) as SyncState | undefined)?.binding;
      // Set by the sync plugin before the Yjs transaction that carried the change; cleared after it.
      const before = binding?.beforeTransactionSelection;
      if (!binding || !before || before.type !== 'text') return null;
      const { doc, selection } = newState;
      const anchor = positionNow(binding, before.anchor as Y.RelativePosition | null, doc);
      const head = positionNow(binding, before.head as Y.RelativePosition | null, doc);
      if (anchor === null || head === null) return null;
      if (anchor === selection.anchor && head === selection.head) return null;
      return (
        newState.tr
          .setSelection(TextSelection.create(doc, anchor, head))
          // Part of putting the remote change into the view: not this person's edit, not for their undo history.
          .setMeta(ySyncPluginKey, { isChangeOrigin: true, isUndoRedoOperation: syncMeta(remote)?.isUndoRedoOperation === true })
          .setMeta('addToHistory', false)
      );
    },
  });
}

/** The editor extension that adds `remoteChangeSelectionPlugin`; place it after Collaboration. */
export const RemoteChangeSelection = Extension.create({
  name: 'remoteChangeSelection',
  addProseMirrorPlugins() {
    return [remoteChangeSelectionPlugin()];
  },
});
