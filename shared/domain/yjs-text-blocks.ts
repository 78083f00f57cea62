import * as Y from 'yjs';
import { paragraphIdAttribute, textBlockTypes } from './editor-extensions.js';
import type { InlineJson, TextBlockJson } from './paragraph-hash.js';

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

export interface LocatedTextBlock {
  /** The paragraph's stable id; null for one the editor has not given an id yet. */
  id: string | null;
  element: Y.XmlElement;
}

/** Every paragraph of a letter body in reading order, list items included. */
export function collectTextBlocks(body: Y.XmlFragment | Y.XmlElement): LocatedTextBlock[] {
  const found: LocatedTextBlock[] = [];
  for (const child of body.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue;
    if (isTextBlock(child.nodeName)) {
      const id = child.getAttribute(paragraphIdAttribute);
      found.push({ id: typeof id === 'string' && id.length > 0 ? id : null, element: child });
    } else {
      found.push(...collectTextBlocks(child));
    }
  }
  return found;
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
