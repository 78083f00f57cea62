import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { anchorPassage, resolveAnchor } from './comment-anchor.js';
import { bodyFieldName } from './editor-extensions.js';

function letterWith(...paragraphs: [string, string][]): { doc: Y.Doc; texts: Y.XmlText[] } {
  const doc = new Y.Doc();
  const body = doc.getXmlFragment(bodyFieldName);
  const texts = paragraphs.map(([id, words]) => {
    const element = new Y.XmlElement('paragraph');
    element.setAttribute('id', id);
    const text = new Y.XmlText();
    text.insert(0, words);
    element.insert(0, [text]);
    body.push([element]);
    return text;
  });
  return { doc, texts };
}

const sync = (from: Y.Doc, to: Y.Doc) => Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));

describe('K4 anchors of comments on a passage', () => {
  it('K4 follows the passage while someone else edits before and inside it', () => {
    const { doc, texts } = letterWith(['p-aaaaaaaa', 'The quick brown fox jumps.']);
    const anchor = anchorPassage(doc, 'p-aaaaaaaa', 10, 19)!;
    expect(resolveAnchor(doc, 'p-aaaaaaaa', anchor)?.text).toBe('brown fox');

    const other = new Y.Doc();
    sync(doc, other);
    const otherText = (other.getXmlFragment(bodyFieldName).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    otherText.insert(0, 'Indeed, ');
    texts[0]!.insert(16, 'red ');
    sync(other, doc);
    sync(doc, other);

    for (const copy of [doc, other]) expect(resolveAnchor(copy, 'p-aaaaaaaa', anchor)).toEqual({ from: 18, to: 31, text: 'brown red fox' });
  });

  it('K4 collapses when the passage is deleted, and answers null for a paragraph that is gone', () => {
    const { doc, texts } = letterWith(['p-aaaaaaaa', 'Keep this. Drop that.'], ['p-bbbbbbbb', 'Other.']);
    const anchor = anchorPassage(doc, 'p-aaaaaaaa', 11, 21)!;
    texts[0]!.delete(11, 10);
    expect(resolveAnchor(doc, 'p-aaaaaaaa', anchor)?.text).toBe('');
    doc.getXmlFragment(bodyFieldName).delete(0, 1);
    expect(resolveAnchor(doc, 'p-aaaaaaaa', anchor)).toBeNull();
  });

  it('K4 refuses an anchor that belongs to another paragraph or to no letter at all', () => {
    const { doc } = letterWith(['p-aaaaaaaa', 'First.'], ['p-bbbbbbbb', 'Second.']);
    const elsewhere = anchorPassage(doc, 'p-bbbbbbbb', 0, 3)!;
    expect(resolveAnchor(doc, 'p-aaaaaaaa', elsewhere)).toBeNull();
    expect(resolveAnchor(doc, 'p-aaaaaaaa', { start: 'AAAA', end: 'not base64 at all' })).toBeNull();
    const foreign = letterWith(['p-aaaaaaaa', 'First.']);
    expect(resolveAnchor(doc, 'p-aaaaaaaa', anchorPassage(foreign.doc, 'p-aaaaaaaa', 0, 2)!)).toBeNull();
    expect(anchorPassage(doc, 'p-aaaaaaaa', 2, 99)).toBeNull();
  });
});
