import { fromBase64, toBase64 } from 'lib0/buffer';
import * as Y from 'yjs';
import { bodyFieldName } from './editor-extensions.js';
import { collectTextBlocks } from './yjs-text-blocks.js';

/**
 * Where a comment on a passage sits: two Yjs relative positions (base64 of
 * `Y.encodeRelativePosition`), so that the passage follows the text while others edit around it.
 */
export interface CommentAnchor {
  start: string;
  end: string;
}

/** A resolved anchor: offsets in the paragraph's plain text (as `plainText` gives it) and the text between them now. */
export interface ResolvedAnchor {
  from: number;
  to: number;
  text: string;
}

function findParagraph(doc: Y.Doc, paragraphId: string): Y.XmlElement | null {
  return collectTextBlocks(doc.getXmlFragment(bodyFieldName)).find((block) => block.id === paragraphId)?.element ?? null;
}

function textOf(node: Y.XmlText): string {
  return (node.toDelta() as { insert: unknown }[]).map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('');
}

/** Length a paragraph child adds to the paragraph's plain text: its text, or a line break. */
function childLength(child: Y.XmlElement | Y.XmlText | Y.XmlHook): number {
  if (child instanceof Y.XmlText) return textOf(child).length;
  return child instanceof Y.XmlElement && child.nodeName === 'hardBreak' ? 1 : 0;
}

function paragraphText(paragraph: Y.XmlElement): string {
  return paragraph
    .toArray()
    .map((child) => (child instanceof Y.XmlText ? textOf(child) : childLength(child) === 1 ? '\n' : ''))
    .join('')
    .normalize('NFC');
}

function relativePosition(paragraph: Y.XmlElement, offset: number): Y.RelativePosition {
  let before = 0;
  for (const child of paragraph.toArray()) {
    const length = childLength(child);
    if (child instanceof Y.XmlText && offset <= before + length) return Y.createRelativePositionFromTypeIndex(child, offset - before);
    before += length;
  }
  // An empty paragraph, or an offset past its end: the end of the paragraph itself.
  return Y.createRelativePositionFromTypeIndex(paragraph, paragraph.length);
}

/**
 * The anchor of the passage between two offsets of a paragraph's plain text, or null if the
 * paragraph is not in the document or the offsets are not inside it.
 */
export function anchorPassage(doc: Y.Doc, paragraphId: string, from: number, to: number): CommentAnchor | null {
  const paragraph = findParagraph(doc, paragraphId);
  if (!paragraph || from < 0 || to < from || to > paragraphText(paragraph).length) return null;
  return {
    start: toBase64(Y.encodeRelativePosition(relativePosition(paragraph, from))),
    end: toBase64(Y.encodeRelativePosition(relativePosition(paragraph, to))),
  };
}

function offsetOf(paragraph: Y.XmlElement, encoded: string, doc: Y.Doc): number | null {
  let position: Y.AbsolutePosition | null;
  try {
    position = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(fromBase64(encoded)), doc);
  } catch {
    return null;
  }
  if (!position) return null;
  if (position.type === paragraph) return paragraph.toArray().slice(0, position.index).reduce((sum, child) => sum + childLength(child), 0);
  if (!(position.type instanceof Y.XmlText) || position.type.parent !== paragraph) return null;
  let before = 0;
  for (const child of paragraph.toArray()) {
    if (child === position.type) return before + Math.min(position.index, childLength(child));
    before += childLength(child);
  }
  return null;
}

/**
 * Where an anchor is in a paragraph now, or null if the paragraph is gone or either position does
 * not belong to it (an anchor elsewhere in the letter, or outside the letter).
 */
export function resolveAnchor(doc: Y.Doc, paragraphId: string, anchor: CommentAnchor): ResolvedAnchor | null {
  const paragraph = findParagraph(doc, paragraphId);
  if (!paragraph) return null;
  const from = offsetOf(paragraph, anchor.start, doc);
  const to = offsetOf(paragraph, anchor.end, doc);
  if (from === null || to === null) return null;
  const [start, end] = from <= to ? [from, to] : [to, from];
  return { from: start, to: end, text: paragraphText(paragraph).slice(start, end) };
}

/** Whether the letter still has this paragraph. */
export function hasParagraph(doc: Y.Doc, paragraphId: string): boolean {
  return findParagraph(doc, paragraphId) !== null;
}
