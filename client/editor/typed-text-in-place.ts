import { Extension } from '@tiptap/core';
import type { Mark, Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { ReplaceStep } from '@tiptap/pm/transform';
import { absolutePositionToRelativePosition, type ProsemirrorBinding, ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';

/** A run of text this person typed (or pasted as plain text) at one place, between two documents. */
interface TypedText {
  before: ProseMirrorNode;
  after: ProseMirrorNode;
  /** Where it went, in `before`. */
  position: number;
  text: string;
  /** The formatting all of it has. */
  marks: readonly Mark[];
}

export const typedTextInPlaceKey = new PluginKey<TypedText | null>('typedTextInPlace');

/** The text a local transaction only inserts, with nothing replaced, inside one paragraph; null for any other change. */
function typedText(transaction: Transaction): TypedText | null {
  if (transaction.steps.length !== 1 || transaction.getMeta(ySyncPluginKey) !== undefined) return null;
  const step = transaction.steps[0];
  if (!(step instanceof ReplaceStep) || step.from !== step.to) return null;
  const { content, openStart, openEnd } = step.slice;
  if (openStart !== 0 || openEnd !== 0 || content.size === 0) return null;
  const marks = content.firstChild!.marks;
  let isPlainRun = true;
  content.forEach((node) => {
    isPlainRun &&= node.isText && node.sameMarkup(content.firstChild!);
  });
  if (!isPlainRun || !transaction.before.resolve(step.from).parent.inlineContent) return null;
  return { before: transaction.before, after: transaction.doc, position: step.from, text: content.textBetween(0, content.size), marks };
}

/**
 * The Yjs formatting attributes for marks, as the binding writes them; null for a mark that may
 * appear twice on one character, which the binding names by a hash of its attributes.
 */
function formattingOf(marks: readonly Mark[]): Record<string, unknown> | null {
  const attributes: Record<string, unknown> = {};
  for (const mark of marks) {
    if (!mark.type.excludes(mark.type)) return null;
    attributes[mark.type.name] = mark.attrs;
  }
  return attributes;
}

/**
 * Whether the Yjs text holds exactly the paragraph the text was typed into, with `index` at the
 * typed position: then inserting there is certainly right. Paragraphs with more than text in them
 * (a line break) are left to the binding.
 */
function isSameParagraphText(text: Y.XmlText, index: number, typed: TypedText): boolean {
  const $position = typed.before.resolve(typed.position);
  let isTextOnly = true;
  $position.parent.forEach((node) => {
    isTextOnly &&= node.isText;
  });
  if (!isTextOnly || index !== $position.parentOffset) return false;
  const held = (text.toDelta() as { insert: unknown }[]).map((operation) => (typeof operation.insert === 'string' ? operation.insert : '')).join('');
  return held === $position.parent.textContent;
}

/**
 * Writes what this person types into the shared text at the very place it was typed.
 *
 * The Yjs binding learns of a keystroke by comparing the paragraph's text before and after it. A
 * character typed just before the same character (a space before a space, an "e" before an "e")
 * then looks as if it had been typed one place later. The text reads the same, but other people's
 * concurrent keystrokes are placed relative to that later spot, so two or three people typing at
 * one spot could have their words interleaved. This plugin inserts the typed text at the position
 * the editor knows, before the binding compares; the binding then finds nothing left to do but
 * formatting. Anything else (deletions, pastes with paragraphs, marks changed) goes through the
 * binding as before, and it always brings the shared text in line with the editor in the end.
 *
 * It must come before Collaboration, whose plugin view writes the editor's changes to Yjs.
 */
export function typedTextInPlacePlugin(): Plugin<TypedText | null> {
  return new Plugin<TypedText | null>({
    key: typedTextInPlaceKey,
    state: {
      init: () => null,
      apply: (transaction, previous) => (transaction.docChanged ? typedText(transaction) : previous),
    },
    view: () => ({
      update: (view, previousState) => {
        const typed = typedTextInPlaceKey.getState(view.state);
        // Only when that one insertion is the whole change since the binding last wrote to Yjs.
        if (!typed || typed.before !== previousState.doc || typed.after !== view.state.doc) return;
        const binding = (ySyncPluginKey.getState(view.state) as { binding?: ProsemirrorBinding } | undefined)?.binding;
        if (!binding) return;
        const relative = absolutePositionToRelativePosition(typed.position, binding.type, binding.mapping);
        const target = Y.createAbsolutePositionFromRelativePosition(relative, binding.doc);
        if (!(target?.type instanceof Y.XmlText)) return;
        const text = target.type;
        const index = target.index;
        const formatting = formattingOf(typed.marks);
        if (formatting === null || !isSameParagraphText(text, index, typed)) return;
        // The binding's own guard: the change must not come back to this editor as a remote one.
        binding.mux(() => {
          // With its formatting named in full, so that it does not take on the formatting of the text before it.
          binding.doc.transact(() => text.insert(index, typed.text, formatting), ySyncPluginKey);
        });
      },
    }),
  });
}

/** The editor extension that adds `typedTextInPlacePlugin`, ahead of Collaboration (priority 1000). */
export const TypedTextInPlace = Extension.create({
  name: 'typedTextInPlace',
  priority: 1001,
  addProseMirrorPlugins() {
    return [typedTextInPlacePlugin()];
  },
});
