import { describe, expect, it } from 'vitest';
import type { VersionParagraph } from '../api/versions.js';
import { compareParagraphs } from './compare-paragraphs.js';

const p = (id: string, text: string): VersionParagraph => ({ id, blockType: 'paragraph', text, hash: `hash of ${text}` });

describe('compareParagraphs', () => {
  it('marks added, deleted, changed and unchanged paragraphs in the later order', () => {
    const before = [p('a', 'One'), p('b', 'Two'), p('c', 'Three')];
    const after = [p('a', 'One'), p('c', 'Three, amended'), p('d', 'Four')];
    expect(compareParagraphs(before, after).map((entry) => [entry.paragraphId, entry.change])).toEqual([
      ['a', 'unchanged'],
      ['b', 'deleted'],
      ['c', 'changed'],
      ['d', 'added'],
    ]);
  });

  it('calls a paragraph moved only when it left the order the others kept', () => {
    const before = [p('a', 'One'), p('b', 'Two'), p('c', 'Three'), p('d', 'Four')];
    const after = [p('a', 'One'), p('c', 'Three'), p('d', 'Four'), p('b', 'Two, changed')];
    expect(compareParagraphs(before, after).map((entry) => [entry.paragraphId, entry.change])).toEqual([
      ['a', 'unchanged'],
      ['c', 'unchanged'],
      ['d', 'unchanged'],
      ['b', 'moved_and_changed'],
    ]);
  });

  it('puts paragraphs deleted at the start first, and keeps both sides of a change', () => {
    const result = compareParagraphs([p('x', 'Gone'), p('a', 'Old words')], [p('a', 'New words')]);
    expect(result.map((entry) => entry.change)).toEqual(['deleted', 'changed']);
    expect(result[1]).toMatchObject({ before: { text: 'Old words' }, after: { text: 'New words' } });
  });
});
