import type { JSONContent } from '@tiptap/core';

/** A stretch of text with one set of marks, or a line break: what every exporter writes inline. */
export type InlineRun =
  | { kind: 'text'; text: string; isBold: boolean; isItalic: boolean; href: string | null }
  | { kind: 'break' };

/** The inline content of a paragraph or heading as runs. */
export function inlineRuns(block: JSONContent): InlineRun[] {
  return (block.content ?? []).flatMap((node): InlineRun[] => {
    if (node.type === 'hardBreak') return [{ kind: 'break' }];
    if (node.type !== 'text' || !node.text) return [];
    const marks = node.marks ?? [];
    const link = marks.find((mark) => mark.type === 'link');
    return [
      {
        kind: 'text',
        text: node.text,
        isBold: marks.some((mark) => mark.type === 'bold'),
        isItalic: marks.some((mark) => mark.type === 'italic'),
        href: typeof link?.attrs?.['href'] === 'string' ? link.attrs['href'] : null,
      },
    ];
  });
}
