import { t } from '../i18n/translate.js';
import { Extension } from '@tiptap/core';
import { yUndoPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { isSuggestionMark, suggestionAttributesSchema } from '../../shared/domain/suggestions.js';

/** Which history an undo step comes from. */
export type UndoDirection = 'undo' | 'redo';

/** What a person is told when an undo or redo step is not made (read when shown, in their language). */
export const undoRefusal = (): string => t('editor.undoRefused');

/** A suggestion's kind and attributes as one comparable string, whatever order its keys came in. */
function signature(kind: string, value: unknown): string | null {
  const parsed = suggestionAttributesSchema.safeParse(value);
  if (!parsed.success) return null;
  const { id, authorId, authorName, officeId, time } = parsed.data;
  return `${kind}|${JSON.stringify({ id, authorId, authorName, officeId, time })}`;
}

/** Every suggestion of the text below `root` (by id), and how often each character occurs in its words. */
function readSuggestions(root: Y.XmlFragment): { signatures: Map<string, string>; words: Map<string, Map<string, number>> } {
  const signatures = new Map<string, string>();
  const words = new Map<string, Map<string, number>>();
  const visit = (node: Y.XmlFragment | Y.XmlElement) => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlElement) visit(child);
      if (!(child instanceof Y.XmlText)) continue;
      for (const op of child.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
        for (const [key, value] of Object.entries(op.attributes ?? {})) {
          const written = isSuggestionMark(key) ? signature(key, value) : null;
          if (written === null) continue;
          const id = String((value as { id: string }).id);
          signatures.set(id, written);
          let counts = words.get(id);
          if (!counts) words.set(id, (counts = new Map()));
          for (const character of typeof op.insert === 'string' ? op.insert : '\u0000') counts.set(character, (counts.get(character) ?? 0) + 1);
        }
      }
    }
  };
  visit(root);
  return { signatures, words };
}

/**
 * Whether the next undo (or redo) step of `undoManager` would write a suggestion of someone other
 * than `userId` that the letter does not hold as it is, or add words to one: what the server
 * refuses (4403, rule S13). That happens when a person deletes someone's whole proposal outside
 * suggesting mode and then undoes: Yjs brings the deleted words back as new text carrying the
 * proposer's mark, sent from this person's connection, after the proposal itself has gone.
 *
 * The step is tried on a copy of the letter, so nothing is sent; the answer is the server's rule
 * applied to what the copy would send. (On the copy, words brought back once by an earlier undo
 * count as not yet brought back, so the answer can err towards refusing, never towards sending.)
 */
export function wouldWriteOthersSuggestion(undoManager: Y.UndoManager, direction: UndoDirection, userId: string): boolean {
  const stack = direction === 'undo' ? undoManager.undoStack : undoManager.redoStack;
  const step = stack.at(-1);
  if (!step) return false;
  const roots = undoManager.scope.filter((type): type is Y.XmlFragment => type instanceof Y.XmlFragment);
  const copy = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(undoManager.doc));
    const copiedRoots = roots.map((root) => copy.getXmlFragment(Y.findRootTypeKey(root)));
    const before = copiedRoots.map(readSuggestions);
    const trial = new Y.UndoManager(copiedRoots, { captureTimeout: 0 });
    trial.undoStack.push({ insertions: step.insertions, deletions: step.deletions, meta: new Map() } as (typeof trial.undoStack)[number]);
    const updates: Uint8Array[] = [];
    copy.on('update', (update: Uint8Array) => updates.push(update));
    trial.undo();
    trial.destroy();
    const copied = new Set<string>();
    const known = new Map(before.flatMap((read) => Array.from(read.signatures)));
    for (const update of updates) {
      for (const struct of Y.decodeUpdate(update).structs) {
        if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentFormat)) continue;
        const { key, value } = struct.content;
        if (!isSuggestionMark(key) || value === null || (value as { authorId?: unknown }).authorId === userId) continue;
        const written = signature(key, value);
        const id = String((value as { id?: unknown }).id);
        if (written === null || known.get(id) !== written) return true;
        copied.add(id);
      }
    }
    if (copied.size === 0) return false;
    const after = copiedRoots.map(readSuggestions);
    return Array.from(copied).some((id) => {
      const had = new Map(before.flatMap((read) => Array.from(read.words.get(id) ?? [])));
      const has = after.flatMap((read) => Array.from(read.words.get(id) ?? []));
      return has.some(([character, count]) => count > (had.get(character) ?? 0));
    });
  } finally {
    copy.destroy();
  }
}

export interface SuggestionSafeUndoOptions {
  userId: string | null;
  /** Called with why an undo or redo was not made. */
  onRefused: (reason: string) => void;
}

/**
 * Undo and redo that never send what the server refuses: a step that would bring back someone
 * else's suggestion under this person's name is not made, but taken off the history with a message
 * (see `wouldWriteOthersSuggestion`). Runs before Collaboration's own undo keys.
 */
export const SuggestionSafeUndo = Extension.create<SuggestionSafeUndoOptions>({
  name: 'suggestionSafeUndo',
  priority: 1010,

  addOptions() {
    return { userId: null, onRefused: () => undefined };
  },

  addKeyboardShortcuts() {
    const check = (direction: UndoDirection): boolean => {
      const { userId, onRefused } = this.options;
      const undoManager = (yUndoPluginKey.getState(this.editor.state) as { undoManager?: Y.UndoManager } | undefined)?.undoManager;
      if (!undoManager || userId === null || !wouldWriteOthersSuggestion(undoManager, direction, userId)) return false;
      (direction === 'undo' ? undoManager.undoStack : undoManager.redoStack).pop();
      // What comes next is a step of its own, not merged into the step below the one taken off.
      undoManager.stopCapturing();
      onRefused(undoRefusal());
      return true;
    };
    return {
      'Mod-z': () => check('undo'),
      'Mod-y': () => check('redo'),
      'Shift-Mod-z': () => check('redo'),
    };
  },
});
