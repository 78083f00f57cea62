import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bodyFieldName } from '../../shared/domain/editor-extensions.js';
import { copyToMarkdown } from './copy-to-markdown.js';

function textblock(name: string, delta: object[], attributes: Record<string, string> = {}): Y.XmlElement {
  const element = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  const text = new Y.XmlText();
  element.insert(0, [text]);
  text.applyDelta(delta);
  return element;
}

describe('copyToMarkdown', () => {
  it('writes the title, headings, paragraphs with marks and links, and lists', () => {
    const doc = new Y.Doc();
    const body = doc.getXmlFragment(bodyFieldName);
    const list = new Y.XmlElement('bulletList');
    const item = new Y.XmlElement('listItem');
    list.insert(0, [item]);
    body.insert(0, [
      textblock('heading', [{ insert: 'Background' }], { level: '2' }),
      textblock('paragraph', [{ insert: 'The ministers ' }, { insert: 'agree', attributes: { bold: {} } }, { insert: ' on ' }, { insert: 'this', attributes: { link: { href: 'https://example.org/' } } }, { insert: '.' }]),
      list,
    ]);
    item.insert(0, [textblock('paragraph', [{ insert: 'First point' }])]);
    expect(copyToMarkdown(doc, 'Joint letter')).toBe(
      '# Joint letter\n\n## Background\n\nThe ministers **agree** on [this](https://example.org/).\n\n- First point\n',
    );
  });
});
