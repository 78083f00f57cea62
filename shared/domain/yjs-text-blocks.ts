import * as Y from 'yjs';
import { paragraphIdAttribute, textBlockTypes } from './editor-extensions.js';
import type { BodyNodeJson } from './letter-hash.js';
import type { InlineJson, TextBlockJson } from './paragraph-hash.js';
import { isWellFormedParagraphId } from './paragraph-id.js';

const isTextBlock = (name: string) => (textBlockTypes as readonly string[]).includes(name);

/** Whether an element is a paragraph (a textblock: paragraph or heading). */
export const isTextBlockElement = (element: Y.XmlElement): boolean => isTextBlock(element.nodeName);

/** A paragraph as stored in Yjs, as the ProseMirror JSON the editor would give for it. */
export function textBlockJson(element: Y.XmlElement): TextBlockJson {
  const content: InlineJson[] = [];
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlText) {
      for (const op of child.toDelta() as { insert: unknown; attributes?: Record<string, Record<string, unknown> | null> }[]) {
        if (typeof op.insert !== 'string') continue;
        const marks = Object.entries(op.attributes ?? {}).map(([type, attrs]) => ({ type, attrs: attrs ?? {} }));
        content.push(marks.length > 0 ? { type: 'text', text: op.insert, marks } : { type: 'text', text: op.insert });
      }
    } else if (child instanceof Y.XmlElement) {
      content.push({ type: child.nodeName });
    }
  }
  return { type: element.nodeName, attrs: element.getAttributes() as Record<string, unknown>, content };
}

/**
 * A letter body as stored in Yjs, as the ProseMirror JSON the editor would give for it: the form
 * the letter hash reads on both sides. Paragraphs as textBlockJson gives them, other nodes with
 * their attributes and children.
 */
export function letterBodyJson(node: Y.XmlFragment | Y.XmlElement): BodyNodeJson {
  if (node instanceof Y.XmlElement && isTextBlock(node.nodeName)) return textBlockJson(node);
  const content = node.toArray().flatMap((child) => (child instanceof Y.XmlElement ? [letterBodyJson(child)] : []));
  return node instanceof Y.XmlElement ? { type: node.nodeName, attrs: node.getAttributes() as Record<string, unknown>, content } : { type: 'doc', content };
}

export interface LocatedTextBlock {
  /**
   * The paragraph's stable id, or null if it has none that is well-formed. The server refuses
   * updates that leave such a paragraph and repairs stored text when it loads it, so null shows
   * only in text that has not been through the server.
   */
  id: string | null;
  element: Y.XmlElement;
}

/** Every textblock of a letter body in reading order, list items included; none is ever skipped. */
export function collectTextBlocks(body: Y.XmlFragment | Y.XmlElement): LocatedTextBlock[] {
  const found: LocatedTextBlock[] = [];
  for (const child of body.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue;
    if (isTextBlock(child.nodeName)) {
      const id = child.getAttribute(paragraphIdAttribute) as unknown;
      found.push({ id: isWellFormedParagraphId(id) ? id : null, element: child });
    } else {
      found.push(...collectTextBlocks(child));
    }
  }
  return found;
}

/** The textblocks (by position in `blocks`) whose id is missing, not well-formed, or taken by an earlier one. */
export function blocksNeedingIds(blocks: readonly LocatedTextBlock[]): number[] {
  const seen = new Set<string>();
  const needing: number[] = [];
  blocks.forEach(({ id }, index) => {
    if (id === null || seen.has(id)) needing.push(index);
    else seen.add(id);
  });
  return needing;
}

/** A body holds a textblock without a well-formed id of its own: it cannot be signed off, hashed or tracked. */
export class ParagraphIdError extends Error {
  constructor(readonly positions: number[]) {
    super(`paragraph ${positions.map((index) => index + 1).join(', ')} of the letter has no well-formed id of its own`);
    this.name = 'ParagraphIdError';
  }
}

/**
 * The paragraphs of a letter body, each with its id: the one enumeration that sign-off, the ready
 * check, the letter hash, history, exports and versions use (invariant 10). Throws ParagraphIdError
 * rather than skip a textblock whose id is missing, malformed or a duplicate.
 */
export function letterTextBlocks(body: Y.XmlFragment | Y.XmlElement): { id: string; element: Y.XmlElement }[] {
  const blocks = collectTextBlocks(body);
  const needing = blocksNeedingIds(blocks);
  if (needing.length > 0) throw new ParagraphIdError(needing);
  return blocks as { id: string; element: Y.XmlElement }[];
}

/** The paragraph an element belongs to (itself, or the paragraph that holds it), if any. */
/* eslint-disable @typescript-eslint/no-explicit-any -- Yjs types are invariant in their event type */
export function enclosingTextBlock(type: Y.AbstractType<any> | null): Y.XmlElement | null {
  for (let current = type; current; current = current.parent as Y.AbstractType<any> | null) {
    if (current instanceof Y.XmlElement && isTextBlock(current.nodeName)) return current;
  }
  return null;
}
/* eslint-enable @typescript-eslint/no-explicit-any */
