import type { JSONContent } from '@tiptap/core';
import { stripReorderingCharacters } from '../../shared/domain/text-policy.js';

/** Blocks with every direction control taken out of their text and attribute values (rule T1). */
export interface StrippedBlocks {
  blocks: JSONContent[];
  notes: JSONContent[][];
  removed: number;
}

/**
 * Takes bidirectional formatting characters out of an imported letter: the server would refuse
 * them in the text (4422), and they could make the imported text read in another order on paper.
 */
export function stripDirectionControls(blocks: JSONContent[], notes: JSONContent[][]): StrippedBlocks {
  let removed = 0;
  const clean = (value: string): string => {
    const stripped = stripReorderingCharacters(value);
    removed += stripped.removed;
    return stripped.text;
  };
  const cleanAttributes = (attrs: Record<string, unknown>): Record<string, unknown> =>
    Object.fromEntries(Object.entries(attrs).map(([key, value]) => [key, typeof value === 'string' ? clean(value) : value]));
  const cleanNode = (node: JSONContent): JSONContent => ({
    ...node,
    ...(node.text !== undefined ? { text: clean(node.text) } : {}),
    ...(node.attrs ? { attrs: cleanAttributes(node.attrs) } : {}),
    ...(node.marks ? { marks: node.marks.map((mark) => (mark.attrs ? { ...mark, attrs: cleanAttributes(mark.attrs) } : mark)) } : {}),
    // A text node left empty is dropped: ProseMirror has no empty text nodes.
    ...(node.content ? { content: node.content.map(cleanNode).filter((child) => child.type !== 'text' || child.text) } : {}),
  });
  return { blocks: blocks.map(cleanNode), notes: notes.map((note) => note.map(cleanNode)), removed };
}

/** The preview's note about what was taken out. */
export function directionControlsWarning(removed: number): string {
  const count = removed === 1 ? 'One invisible direction control character was' : `${removed} invisible direction control characters were`;
  return `${count} removed (such as U+202E): they can make text read in another order on screen than on paper.`;
}
