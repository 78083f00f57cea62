import type { JSONContent } from '@tiptap/core';
import { prosemirrorJSONToYDoc, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import { bodyFieldName } from '../../shared/domain/editor-extensions.js';
import { letterHash } from '../../shared/domain/letter-hash.js';
import { letterSchema } from '../../shared/domain/letter-schema.js';
import { letterBodyJson } from '../../shared/domain/yjs-text-blocks.js';
import { demoLetterBody } from '../workspace/demo-letter.js';

const paragraph = (id: string, text: string) => ({ type: 'paragraph', attrs: { id }, content: [{ type: 'text', text }] });
const listed = (type: string, attrs: Record<string, unknown>, ...paragraphs: ReturnType<typeof paragraph>[]) => ({
  type,
  attrs,
  content: paragraphs.map((item) => ({ type: 'listItem', content: [item] })),
});

describe('letter snapshot', () => {
  it.each([
    ['the demo letter', demoLetterBody() as JSONContent],
    ['a numbered list inside a bullet list', { type: 'doc', content: [paragraph('a', 'One.'), listed('bulletList', {}, paragraph('b', 'Two.')), listed('orderedList', { start: 7 }, paragraph('c', 'Three.'))] }],
  ])('F1 hashes %s from ProseMirror JSON exactly as the sign-off hashes the shared document', (_name, json) => {
    const doc = prosemirrorJSONToYDoc(letterSchema(), json, bodyFieldName);
    const body = yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(bodyFieldName)) as JSONContent;
    expect(letterHash(body, [])).toBe(letterHash(letterBodyJson(doc.getXmlFragment(bodyFieldName)), []));
  });

  it('F1 the letter hash changes when paragraphs move into a list or a list is renumbered, though no paragraph hash does', () => {
    const flat = { type: 'doc', content: [paragraph('a', 'One.'), paragraph('b', 'Two.')] };
    const bulleted = { type: 'doc', content: [paragraph('a', 'One.'), listed('bulletList', {}, paragraph('b', 'Two.'))] };
    const numbered = { type: 'doc', content: [paragraph('a', 'One.'), listed('orderedList', {}, paragraph('b', 'Two.'))] };
    const fromSeven = { type: 'doc', content: [paragraph('a', 'One.'), listed('orderedList', { start: 7 }, paragraph('b', 'Two.'))] };
    const hashes = [flat, bulleted, numbered, fromSeven].map((body) => letterHash(body, []));
    expect(new Set(hashes).size).toBe(4);
    // A default the stored text leaves out is the default the editor shows.
    expect(letterHash({ type: 'doc', content: [paragraph('a', 'One.'), listed('orderedList', { start: 1, type: null }, paragraph('b', 'Two.'))] }, [])).toBe(hashes[2]);
  });
});
