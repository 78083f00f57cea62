import * as Y from 'yjs';
import type { InlineJson, TextBlockJson } from '../../shared/domain/paragraph-hash.js';

type TextOp = { insert: string; attributes?: Record<string, Record<string, unknown>> };

/**
 * Replaces the words and marks of a paragraph in Yjs with `content`, keeping the paragraph itself
 * (its id, type and place), stored the way the editor's Yjs binding stores text: runs of text
 * with marks as formatting attributes, and a line break as an element of its own.
 */
export function replaceParagraphText(paragraph: Y.XmlElement, content: TextBlockJson): void {
  if (paragraph.length > 0) paragraph.delete(0, paragraph.length);
  let index = 0;
  let run: TextOp[] = [];
  const flushRun = () => {
    if (run.length === 0) return;
    const text = new Y.XmlText();
    paragraph.insert(index++, [text]);
    text.applyDelta(run);
    run = [];
  };
  for (const inline of content.content ?? []) {
    if (inline.type === 'text' && inline.text) {
      run.push(textOp(inline));
      continue;
    }
    if (inline.type === 'text') continue;
    flushRun();
    paragraph.insert(index++, [new Y.XmlElement(inline.type)]);
  }
  flushRun();
}

function textOp(inline: InlineJson): TextOp {
  const marks = inline.marks ?? [];
  if (marks.length === 0) return { insert: inline.text! };
  return { insert: inline.text!, attributes: Object.fromEntries(marks.map((mark) => [mark.type, mark.attrs ?? {}])) };
}
