import { t } from '../i18n/translate.js';
import type { Mark, MarkType, Node as ProseMirrorNode, Slice } from '@tiptap/pm/model';
import { TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state';
import { AddMarkStep, RemoveMarkStep, ReplaceStep } from '@tiptap/pm/transform';
import {
  SuggestionKind,
  isSuggestionMark,
  newSuggestionAttributes,
  type SuggestionAttributes,
  type SuggestionAuthor,
} from '../../shared/domain/suggestions.js';

/** Transactions this module builds carry this meta: the suggesting filter lets them pass. */
export const suggestingMeta = 'jlSuggestingChange';

/** A change made as a suggestion, or why it cannot be one. */
export type SuggestingResult = { transaction: Transaction } | { refused: string };

export const refusals = {
  get paragraphs() { return t('editor.splittingOrJoiningParagraphsCannot'); },
  get lineBreak() { return t('editor.lineBreaksCannotBeProposed'); },
  get formatting() { return t('editor.formattingCannotBeProposedAs'); },
  get pastedParagraphs() { return t('editor.onlyTextWithinOneParagraph'); },
  get other() { return t('editor.thisChangeCannotBeProposed'); },
} as const;

const isOwn = (mark: Mark | undefined, author: SuggestionAuthor) => mark !== undefined && mark.attrs['authorId'] === author.userId;

function markOf(node: ProseMirrorNode | null | undefined, type: MarkType): Mark | undefined {
  return node?.marks.find((mark) => mark.type === type);
}

/** The attributes of the author's own suggestion of `type` right beside `position`, to extend it rather than start another. */
function adjacentOwn(doc: ProseMirrorNode, position: number, type: MarkType, author: SuggestionAuthor, sides: ('before' | 'after')[]): SuggestionAttributes | null {
  const $position = doc.resolve(position);
  for (const side of sides) {
    const mark = markOf(side === 'before' ? $position.nodeBefore : $position.nodeAfter, type);
    if (isOwn(mark, author)) return mark!.attrs as SuggestionAttributes;
  }
  return null;
}

/**
 * Proposes to delete the words between `from` and `to` into `transaction`: words the author
 * proposed to insert go at once (taking back one's own proposal), words already proposed for
 * deletion stay as they are, and every other word is marked as the author's proposed deletion,
 * still there. Paragraph boundaries are left alone.
 */
function markDeletion(transaction: Transaction, from: number, to: number, author: SuggestionAuthor, now: Date): void {
  const { schema } = transaction.doc.type;
  const insertion = schema.marks[SuggestionKind.insertion]!;
  const deletion = schema.marks[SuggestionKind.deletion]!;
  const attrs =
    adjacentOwn(transaction.doc, to, deletion, author, ['after']) ??
    adjacentOwn(transaction.doc, from, deletion, author, ['before']) ??
    newSuggestionAttributes(author, now);
  const segments: { from: number; to: number; node: ProseMirrorNode }[] = [];
  transaction.doc.nodesBetween(from, to, (node, position) => {
    if (node.isText) segments.push({ from: Math.max(position, from), to: Math.min(position + node.nodeSize, to), node });
    return true;
  });
  // From the end, so that a removal does not move the segments before it.
  for (const segment of segments.reverse()) {
    if (isOwn(markOf(segment.node, insertion), author)) transaction.delete(segment.from, segment.to);
    else if (!markOf(segment.node, deletion)) transaction.addMark(segment.from, segment.to, deletion.create(attrs));
  }
}

/** Proposes to delete the words between `from` and `to`; the caret goes to the start (backwards) or the end (forwards). */
export function suggestDeletion(state: EditorState, from: number, to: number, author: SuggestionAuthor, forwards = false, now = new Date()): SuggestingResult {
  const transaction = state.tr;
  if (from >= to) return { transaction };
  markDeletion(transaction, from, to, author, now);
  const caret = forwards ? transaction.mapping.map(to, 1) : transaction.mapping.map(from, -1);
  transaction.setSelection(TextSelection.create(transaction.doc, caret));
  return { transaction: transaction.setMeta(suggestingMeta, true) };
}

/**
 * Proposes `text` in place of the words between `from` and `to`: those are proposed for deletion
 * (as suggestDeletion does), and the text goes after them as the author's proposed insertion,
 * extending the author's proposal it continues. It keeps the formatting around it.
 */
export function suggestInsertion(state: EditorState, from: number, to: number, text: string, author: SuggestionAuthor, now = new Date()): SuggestingResult {
  if (text.includes('\n')) return { refused: refusals.pastedParagraphs };
  const transaction = state.tr;
  if (from < to) markDeletion(transaction, from, to, author, now);
  const at = transaction.mapping.map(to, 1);
  if (text.length > 0) {
    const { schema } = transaction.doc.type;
    const insertion = schema.marks[SuggestionKind.insertion]!;
    const attrs = adjacentOwn(transaction.doc, at, insertion, author, ['before', 'after']) ?? newSuggestionAttributes(author, now);
    const formatting = transaction.doc.resolve(at).marks().filter((mark) => !isSuggestionMark(mark.type.name));
    transaction.insert(at, schema.text(text, [...formatting, insertion.create(attrs)]));
  }
  transaction.setSelection(TextSelection.create(transaction.doc, at + text.length));
  return { transaction: transaction.setMeta(suggestingMeta, true) };
}

/** Proposes pasted content as an insertion of its words; content with several paragraphs or line breaks is refused. */
export function suggestPaste(state: EditorState, slice: Slice, author: SuggestionAuthor, now = new Date()): SuggestingResult {
  let blocks = 0;
  let hasOtherThanText = false;
  slice.content.descendants((node) => {
    if (node.isTextblock) blocks++;
    else if (node.isInline && !node.isText) hasOtherThanText = true;
    return true;
  });
  if (blocks > 1 || hasOtherThanText) return { refused: refusals.pastedParagraphs };
  const text = slice.content.textBetween(0, slice.content.size, '\n', '\n');
  const { from, to } = state.selection;
  return suggestInsertion(state, from, to, text, author, now);
}

/**
 * Backspace (forwards: Delete) as a suggestion: the selection, or the character before (after)
 * the caret, skipping words already proposed for deletion. At the edge of a paragraph it would
 * join two paragraphs, which is refused.
 */
export function suggestKeyDeletion(state: EditorState, author: SuggestionAuthor, forwards: boolean, now = new Date()): SuggestingResult {
  const { selection, doc } = state;
  if (!selection.empty) return suggestDeletion(state, selection.from, selection.to, author, forwards, now);
  const $caret = selection.$from;
  const deletion = doc.type.schema.marks[SuggestionKind.deletion]!;
  let position = selection.from;
  const step = forwards ? 1 : -1;
  const edge = forwards ? $caret.end() : $caret.start();
  const neighbour = (at: number) => (forwards ? doc.resolve(at).nodeAfter : doc.resolve(at).nodeBefore);
  while (position !== edge && markOf(neighbour(position), deletion)) position += step;
  if (position === edge) return { refused: refusals.paragraphs };
  // A character outside the Basic Multilingual Plane takes two positions.
  const [low, high] = [Math.min(position, position + 2 * step), Math.max(position, position + 2 * step)];
  const pair = doc.textBetween(Math.max(low, $caret.start()), Math.min(high, $caret.end()), '', '');
  const width = pair.length === 2 && /[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(pair) ? 2 : 1;
  const [from, to] = forwards ? [position, position + width] : [position - width, position];
  return suggestDeletion(state, from, to, author, forwards, now);
}

/**
 * Why the person's own change cannot stand while suggesting, or null if it may: changes built
 * here pass, and so do changes that do not touch the text and others' changes arriving (`isRemote`).
 * Formatting, splitting or joining paragraphs and line breaks are refused, and anything else that did not come
 * through typing, deleting or pasting.
 */
export function refusalWhileSuggesting(transaction: Transaction, isRemote: boolean): string | null {
  if (!transaction.docChanged || isRemote || transaction.getMeta(suggestingMeta) === true) return null;
  if (transaction.steps.some((step) => step instanceof AddMarkStep || step instanceof RemoveMarkStep)) return refusals.formatting;
  let blocksBefore = 0;
  let blocksAfter = 0;
  transaction.before.descendants((node) => void (node.isTextblock && blocksBefore++));
  transaction.doc.descendants((node) => void (node.isTextblock && blocksAfter++));
  if (blocksBefore !== blocksAfter) return refusals.paragraphs;
  return countOf(transaction.doc, 'hardBreak') > countOf(transaction.before, 'hardBreak') ? refusals.lineBreak : refusals.other;
}

function countOf(doc: ProseMirrorNode, typeName: string): number {
  let count = 0;
  doc.descendants((node) => void (node.type.name === typeName && count++));
  return count;
}

const isSuggestion = (mark: Mark) => isSuggestionMark(mark.type.name);

/**
 * Typing outside suggesting mode is a plain edit: text typed inside someone's proposal would take
 * on its mark (ProseMirror gives typed text the marks around it) and so extend their suggestion
 * under their name. The insertion of `text` between `from` and `to` with those marks left off, or
 * null when there are none to leave off.
 */
export function plainInsertion(state: EditorState, from: number, to: number, text: string): Transaction | null {
  const $from = state.doc.resolve(from);
  const inherited = state.storedMarks ?? (from === to ? $from.marks() : ($from.marksAcross(state.doc.resolve(to)) ?? $from.marks()));
  if (!inherited.some(isSuggestion)) return null;
  return state.tr.setStoredMarks(inherited.filter((mark) => !isSuggestion(mark))).insertText(text, from, to);
}

/**
 * The safety net behind `plainInsertion` for every other local change made outside suggesting
 * mode (composition, commands): text these transactions inserted that took on a suggestion mark
 * from the text around where it went has that mark taken off again. Words moved with their own
 * marks keep them. Null when there is nothing to take off.
 */
export function withoutInheritedSuggestions(transactions: readonly Transaction[], state: EditorState, isRemote: (transaction: Transaction) => boolean): Transaction | null {
  const fixes: { from: number; to: number; mark: Mark }[] = [];
  transactions.forEach((transaction, index) => {
    if (isRemote(transaction) || transaction.getMeta(suggestingMeta) === true) return;
    transaction.steps.forEach((step, stepIndex) => {
      if (!(step instanceof ReplaceStep) || step.slice.size === 0) return;
      const before = transaction.docs[stepIndex]!;
      const $from = before.resolve(step.from);
      const $to = before.resolve(step.to);
      const around = [$from.nodeBefore, $from.nodeAfter, $to.nodeBefore, $to.nodeAfter].flatMap((node) => node?.marks.filter(isSuggestion) ?? []);
      if (around.length === 0) return;
      const inherited = new Set<Mark>();
      step.slice.content.descendants((node) => {
        for (const mark of node.marks) if (isSuggestion(mark) && around.some((candidate) => candidate.eq(mark))) inherited.add(mark);
        return true;
      });
      if (inherited.size === 0) return;
      // Where the inserted content ends up once every later step and transaction has been made.
      const later = [transaction.mapping.slice(stepIndex + 1), ...transactions.slice(index + 1).map((next) => next.mapping)];
      const from = later.reduce((position, mapping) => mapping.map(position, 1), step.from);
      const to = later.reduce((position, mapping) => mapping.map(position, -1), step.from + step.slice.size);
      for (const mark of inherited) if (from < to) fixes.push({ from, to, mark });
    });
  });
  if (fixes.length === 0) return null;
  const fix = state.tr;
  for (const { from, to, mark } of fixes) fix.removeMark(from, to, mark);
  return fix.docChanged ? fix : null;
}
