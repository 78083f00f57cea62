import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkPresenceCursor } from './presence-state.js';

const bodyName = 'default';

function letterDoc(): { doc: Y.Doc; text: Y.XmlText } {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  text.insert(0, 'Agreed text.');
  paragraph.insert(0, [text]);
  doc.getXmlFragment(bodyName).insert(0, [paragraph]);
  return { doc, text };
}

const asJson = (position: Y.RelativePosition): unknown => JSON.parse(JSON.stringify(position));

describe('checkPresenceCursor', () => {
  it('keeps a caret inside the body, as the caret plugin encodes it', () => {
    const { doc, text } = letterDoc();
    const cursor = { anchor: asJson(Y.createRelativePositionFromTypeIndex(text, 2)), head: asJson(Y.createRelativePositionFromTypeIndex(text, 5)) };
    expect(checkPresenceCursor(cursor, doc, bodyName)).toEqual(cursor);
  });

  it.each([
    ['junk', { anchor: { junk: true }, head: { junk: true } }],
    ['numbers', { anchor: 1, head: 1 }],
    ['an extra field', { anchor: { type: null, tname: bodyName, item: null, assoc: 0 }, head: { type: null, tname: bodyName, item: null, assoc: 0, x: 1 } }],
    ['another root type', { anchor: { type: null, tname: 'comments', item: null, assoc: 0 }, head: { type: null, tname: bodyName, item: null, assoc: 0 } }],
    ['an unknown item', { anchor: { type: null, tname: null, item: { client: 9, clock: 1 }, assoc: 0 }, head: { type: null, tname: bodyName, item: null, assoc: 0 } }],
    ['no type at all', { anchor: { type: null, tname: null, item: null }, head: { type: null, tname: bodyName, item: null } }],
  ])('refuses %s', (_name, cursor) => {
    const { doc } = letterDoc();
    expect(checkPresenceCursor(cursor, doc, bodyName)).toBeNull();
  });

  it('never creates the root type a position names', () => {
    const { doc } = letterDoc();
    checkPresenceCursor({ anchor: { type: null, tname: 'comments', item: null, assoc: 0 }, head: { type: null, tname: 'comments', item: null, assoc: 0 } }, doc, bodyName);
    expect(Array.from(doc.share.keys())).toEqual([bodyName]);
  });
});
