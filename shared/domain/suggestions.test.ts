import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { canonicalParagraph, paragraphHash, type TextBlockJson } from './paragraph-hash.js';
import {
  SuggestionDecision,
  SuggestionKind,
  newSuggestionAttributes,
  openSuggestions,
  paragraphsWithOpenSuggestions,
  settleSuggestions,
  suggestionAttributesSchema,
  suggestionNoteLength,
} from './suggestions.js';
import { textBlockJson } from './yjs-text-blocks.js';

const kadri = { userId: 'user-kadri', name: 'Kadri Tamm', officeId: 'ee-interior' };
const aino = { userId: 'user-aino', name: 'Aino Mäkelä', officeId: 'fi-interior' };

const plain: TextBlockJson = { type: 'paragraph', attrs: { id: 'p1' }, content: [{ type: 'text', text: 'We agree fully.' }] };

function suggested(author: typeof kadri, kind: string = SuggestionKind.insertion): TextBlockJson {
  return {
    type: 'paragraph',
    attrs: { id: 'p1' },
    content: [
      { type: 'text', text: 'We agree' },
      { type: 'text', text: ' fully', marks: [{ type: kind, attrs: newSuggestionAttributes(author) }] },
      { type: 'text', text: '.' },
    ],
  };
}

describe('suggestions in the paragraph hash and the sign-off rule', () => {
  it('S13 a paragraph without suggestions hashes as it always did, so existing approvals stay current', () => {
    expect(canonicalParagraph(plain)).toBe(JSON.stringify(['paragraph', [], [['We agree fully.', []]]]));
  });

  it('S13 the hash covers suggestion marks: the same words with a proposal, or another office’s proposal, hash otherwise', () => {
    const byKadri = suggested(kadri);
    expect(paragraphHash(byKadri)).not.toBe(paragraphHash(plain));
    expect(paragraphHash(byKadri)).not.toBe(paragraphHash(suggested(aino)));
    expect(paragraphHash(byKadri)).not.toBe(paragraphHash(suggested(kadri, SuggestionKind.deletion)));
  });

  it('S13 lists a paragraph’s open suggestions and names the paragraphs that hold some', () => {
    expect(openSuggestions('p1', suggested(kadri))).toMatchObject([{ kind: SuggestionKind.insertion, officeId: 'ee-interior', text: ' fully' }]);
    expect(paragraphsWithOpenSuggestions([{ number: 1, suggestions: [] }, { number: 2, suggestions: openSuggestions('p1', suggested(kadri)) }])).toEqual([2]);
  });

  it('S13 accepting keeps a proposed insertion’s words and removes proposed deletions; rejecting does the opposite', () => {
    for (const [decision, expected] of [
      [SuggestionDecision.accept, 'We fully agree.'],
      [SuggestionDecision.reject, 'We agree firmly.'],
    ] as const) {
      const doc = new Y.Doc();
      const paragraph = new Y.XmlElement('paragraph');
      doc.getXmlFragment('default').insert(0, [paragraph]);
      const text = new Y.XmlText();
      paragraph.insert(0, [text]);
      const insertion = newSuggestionAttributes(kadri);
      const deletion = newSuggestionAttributes(kadri);
      text.insert(0, 'We agree firmly.');
      text.insert(2, ' fully', { [SuggestionKind.insertion]: insertion });
      text.format('We fully agree'.length, ' firmly'.length, { [SuggestionKind.deletion]: deletion });
      settleSuggestions(paragraph, new Set([insertion.id, deletion.id]), decision);
      const block = textBlockJson(paragraph);
      expect((block.content ?? []).map((inline) => inline.text).join('')).toBe(expected);
      expect(openSuggestions('p1', block)).toEqual([]);
    }
  });
});

describe('what a suggestion mark may carry', () => {
  it('S13 every attribute is bounded and holds nothing XML cannot carry: C0 controls, U+FFFE, U+FFFF, halves of a surrogate pair', () => {
    const base = newSuggestionAttributes({ ...aino, name: 'Aino Mäkelä 🇫🇮' });
    expect(suggestionAttributesSchema.safeParse(base).success).toBe(true);
    const refused = [
      ...['\u0000', '\u0009', '\u001F', '\uFFFE', '\uFFFF', '\uD800', '\uDFFF', 'x\uD83Dy'].flatMap((character) => [
        { ...base, authorName: `Aino${character}` },
        { ...base, authorId: `${character}user` },
        { ...base, officeId: `fi${character}` },
      ]),
      { ...base, authorName: 'A'.repeat(201) },
      { ...base, authorId: 'u'.repeat(65) },
      { ...base, officeId: 'o'.repeat(65) },
      { ...base, id: 's'.repeat(65) },
      { ...base, time: `2026-12-01T10:00:00.${'0'.repeat(40)}Z` },
    ];
    for (const attributes of refused) expect(suggestionAttributesSchema.safeParse(attributes).success, JSON.stringify(attributes)).toBe(false);
    });
  });

describe('the note a suggestion carries', () => {
  it('S13 is plain text of one line, bounded, or absent: an imported Word author fits, control and direction characters do not', () => {
    const attrs = newSuggestionAttributes(kadri);
    const accepts = (note: unknown) => suggestionAttributesSchema.safeParse({ ...attrs, note }).success;
    expect(suggestionAttributesSchema.safeParse(attrs).success).toBe(true);
    expect(accepts(null)).toBe(true);
    expect(accepts('Tracked change in Word by Kadri Tamm (Estonia), 2026-11-20')).toBe(true);
    expect(accepts('x'.repeat(suggestionNoteLength))).toBe(true);
    expect(accepts('x'.repeat(suggestionNoteLength + 1))).toBe(false);
    expect(accepts('two\nlines')).toBe(false);
    expect(accepts('by \u202Eevil')).toBe(false);
    expect(accepts(42)).toBe(false);
  });
});
