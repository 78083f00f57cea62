/* eslint-disable @typescript-eslint/no-explicit-any -- ProseMirror JSON is untyped nesting */
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { bodyFieldName } from './editor-extensions.js';
import { letterSchema } from './letter-schema.js';
import { paragraphHash } from './paragraph-hash.js';
import { collectTextBlocks, enclosingTextBlock, textBlockJson } from './yjs-text-blocks.js';

const letter: { type: string; content: any[] } = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { id: 'h1', level: 2 }, content: [{ type: 'text', text: 'Sisäministeriö' }] },
    {
      type: 'paragraph',
      attrs: { id: 'p1' },
      content: [
        { type: 'text', text: 'Bold ', marks: [{ type: 'bold' }] },
        { type: 'text', text: 'link', marks: [{ type: 'link', attrs: { href: 'https://example.org', rel: 'noopener' } }] },
        { type: 'hardBreak' },
        { type: 'text', text: 'Ø' },
      ],
    },
    {
      type: 'bulletList',
      content: [{ type: 'listItem', content: [{ type: 'paragraph', attrs: { id: 'p2' }, content: [{ type: 'text', text: 'point' }] }] }],
    },
  ],
};

describe('paragraphs in Yjs', () => {
  const doc = prosemirrorJSONToYDoc(letterSchema(), letter, bodyFieldName);
  const blocks = collectTextBlocks(doc.getXmlFragment(bodyFieldName));

  it('lists every paragraph in reading order, list items included', () => {
    expect(blocks.map((block) => block.id)).toEqual(['h1', 'p1', 'p2']);
  });

  it('hashes a paragraph read from Yjs exactly as the editor hashes its own node', () => {
    const editorBlocks = [letter.content[0], letter.content[1], letter.content[2].content[0].content[0]];
    blocks.forEach((block, index) => {
      expect(paragraphHash(textBlockJson(block.element))).toBe(paragraphHash(editorBlocks[index] as never));
    });
  });

  it('finds the paragraph that holds a piece of text', () => {
    const text = blocks[1]!.element.get(0) as Y.XmlText;
    expect(enclosingTextBlock(text)).toBe(blocks[1]!.element);
    expect(enclosingTextBlock(doc.getXmlFragment(bodyFieldName))).toBeNull();
  });
});
