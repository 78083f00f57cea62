import { describe, expect, it } from 'vitest';
import { canonicalParagraph, paragraphHash } from './paragraph-hash.js';

const paragraph = (text: string, extra: object = {}) => ({
  type: 'paragraph',
  content: [{ type: 'text', text }],
  ...extra,
});

describe('paragraph hash', () => {
  it('ignores the paragraph id', () => {
    const a = paragraph('Joint action is needed.', { attrs: { id: 'a' } });
    const b = paragraph('Joint action is needed.', { attrs: { id: 'b' } });
    expect(paragraphHash(a)).toBe(paragraphHash(b));
  });

  it('treats composed and decomposed diacritics as the same text', () => {
    const composed = paragraph('Läänemets');
    const decomposed = paragraph('La\u0308a\u0308nemets');
    expect(paragraphHash(composed)).toBe(paragraphHash(decomposed));
  });

  it('changes when the text changes by one character', () => {
    expect(paragraphHash(paragraph('Agnė'))).not.toBe(paragraphHash(paragraph('Agne')));
  });

  it('changes when a mark is added, and not when marks are listed in another order', () => {
    const plain = paragraph('urgent');
    const bold = { type: 'paragraph', content: [{ type: 'text', text: 'urgent', marks: [{ type: 'bold' }] }] };
    const boldItalic = {
      type: 'paragraph',
      content: [{ type: 'text', text: 'urgent', marks: [{ type: 'bold' }, { type: 'italic' }] }],
    };
    const italicBold = {
      type: 'paragraph',
      content: [{ type: 'text', text: 'urgent', marks: [{ type: 'italic' }, { type: 'bold' }] }],
    };
    expect(paragraphHash(plain)).not.toBe(paragraphHash(bold));
    expect(paragraphHash(boldItalic)).toBe(paragraphHash(italicBold));
  });

  it('merges adjacent runs with equal marks, so splitting a text node does not count', () => {
    const one = paragraph('Eight ministries');
    const two = { type: 'paragraph', content: [{ type: 'text', text: 'Eight ' }, { type: 'text', text: 'ministries' }] };
    expect(canonicalParagraph(one)).toBe(canonicalParagraph(two));
  });

  it('counts a link target but not its rel attribute', () => {
    const link = (href: string, rel: string) => ({
      type: 'paragraph',
      content: [{ type: 'text', text: 'site', marks: [{ type: 'link', attrs: { href, rel } }] }],
    });
    expect(paragraphHash(link('https://a.example', 'x'))).toBe(paragraphHash(link('https://a.example', 'y')));
    expect(paragraphHash(link('https://a.example', 'x'))).not.toBe(paragraphHash(link('https://b.example', 'x')));
  });

  it('distinguishes a heading from a paragraph and heading levels from each other', () => {
    const h1 = { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Background' }] };
    const h2 = { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Background' }] };
    expect(paragraphHash(h1)).not.toBe(paragraphHash(h2));
    expect(paragraphHash(h1)).not.toBe(paragraphHash(paragraph('Background')));
  });

  it('is a 64-character hex SHA-256', () => {
    expect(paragraphHash(paragraph(''))).toMatch(/^[0-9a-f]{64}$/);
  });
});
