/** The parts of ProseMirror JSON that plain text needs; Tiptap's JSONContent fits it. */
export interface BlockJson {
  type?: string;
  text?: string;
  content?: BlockJson[];
}

/**
 * A block's words as plain text: a line break stays a line break, and the paragraphs of a list
 * are one line each.
 */
export function blockText(block: BlockJson): string {
  if (block.type === 'text') return block.text ?? '';
  if (block.type === 'hardBreak') return '\n';
  const children = block.content ?? [];
  const isTextBlock = block.type === 'paragraph' || block.type === 'heading';
  return children.map(blockText).join(isTextBlock ? '' : '\n').normalize('NFC');
}
