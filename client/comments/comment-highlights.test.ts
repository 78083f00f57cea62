import { prosemirrorJSONToYDoc, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import type { ThreadEntry } from '../../shared/api/comments.js';
import { anchorPassage } from '../../shared/domain/comment-anchor.js';
import { bodyFieldName } from '../../shared/domain/editor-extensions.js';
import { letterSchema } from '../../shared/domain/letter-schema.js';
import { highlightDecorations } from './comment-highlights.js';

const schema = letterSchema();
const paragraph = (id: string, text: string) => ({ type: 'paragraph', attrs: { id }, content: [{ type: 'text', text }] });

function thread(id: string, paragraphId: string, anchor: ThreadEntry['anchor'], status: ThreadEntry['status'] = 'open'): ThreadEntry {
  return { id, paragraphId, anchor, quote: '', status, resolvedBy: null, resolvedAt: null, createdAt: '2026-11-22T12:00:00.000Z', version: 1, comments: [] };
}

describe('highlightDecorations', () => {
  it('marks the words of open threads where the text has them now, and a paragraph thread at its end; not resolved ones', () => {
    const doc = prosemirrorJSONToYDoc(schema, { type: 'doc', content: [paragraph('p1', 'We guard the border together.'), paragraph('p2', 'We ask for funds.')] }, bodyFieldName);
    const from = 'We guard the '.length;
    const onBorder = anchorPassage(doc, 'p1', from, from + 'border'.length)!;
    const onGuard = anchorPassage(doc, 'p1', 3, 8)!;
    // Someone types before the words: the mark follows them.
    const text = (doc.getXmlFragment(bodyFieldName).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    text.insert(0, 'Today ');
    const view = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(bodyFieldName), schema);
    const threads = [thread('t1', 'p1', onBorder), thread('t2', 'p1', onGuard, 'resolved'), thread('t3', 'p2', null)];
    const found = highlightDecorations(view, { threads, doc }).find();
    const inline = found.filter((decoration) => decoration.from !== decoration.to);
    expect(inline.map((decoration) => view.textBetween(decoration.from, decoration.to))).toEqual(['border']);
    expect((inline[0]!.spec as { threadId: string }).threadId).toBe('t1');
    const widgets = found.filter((decoration) => decoration.from === decoration.to);
    const secondEnd = view.child(0).nodeSize + view.child(1).nodeSize - 1;
    expect(widgets.map((decoration) => decoration.from)).toEqual([secondEnd]);
  });

  it('marks nothing for words that were deleted', () => {
    const doc = prosemirrorJSONToYDoc(schema, { type: 'doc', content: [paragraph('p1', 'We guard the border.')] }, bodyFieldName);
    const anchor = anchorPassage(doc, 'p1', 13, 19)!;
    ((doc.getXmlFragment(bodyFieldName).get(0) as Y.XmlElement).get(0) as Y.XmlText).delete(13, 6);
    const view = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(bodyFieldName), schema);
    expect(highlightDecorations(view, { threads: [thread('t1', 'p1', anchor)], doc }).find()).toEqual([]);
  });
});
