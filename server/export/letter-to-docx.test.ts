import type { JSONContent } from '@tiptap/core';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { readFixture, snapshotOf } from '../../tests/fixtures/interchange/import-fixture.js';
import { assembleLetterBody } from '../import/assemble-letter-body.js';
import { readLetterFile } from '../import/read-letter-file.js';
import { fixtureOffices } from '../../tests/fixtures/interchange/fixture-offices.js';
import { commentedText, docxPart, wordComments, wordText } from '../../tests/fixtures/interchange/docx-parts.js';
import { aino, kadri, proposal, withProposals } from '../../tests/fixtures/interchange/suggested-letter.js';
import { SuggestionKind } from '../../shared/domain/suggestions.js';
import { DOMParser } from '@xmldom/xmldom';
import type { LetterAnnotations } from './letter-annotations.js';
import { letterToDocx } from './letter-to-docx.js';

/** Type, level, text and marks of every block, without ids. */
function withoutIds(node: JSONContent): unknown {
  const { attrs, content, ...rest } = node;
  const { id: _id, ...visible } = attrs ?? {};
  return { ...rest, ...(Object.keys(visible).length > 0 ? { attrs: visible } : {}), ...(content ? { content: content.map(withoutIds) } : {}) };
}

describe('Word export', () => {
  it('reads back, with mammoth, into the same paragraphs, headings, lists and marks', async () => {
    const snapshot = snapshotOf(await readFixture('coastal-patrols.md'));
    const bytes = await letterToDocx(snapshot);
    const readBack = await readLetterFile({ name: 'export.docx', type: '', bytes }, fixtureOffices);
    const body = assembleLetterBody(readBack, { addressees: true, signatories: true });
    expect(body.content?.map(withoutIds)).toEqual(snapshot.body.content?.map(withoutIds));
    expect(readBack.parts.title?.text).toBe(snapshot.title);
    expect(readBack.parts.subject?.text).toBe(snapshot.subject);
    expect(readBack.parts.addressees?.lines).toEqual(snapshot.addressees);
    expect(readBack.parts.signatures?.signatories.map((signatory) => signatory.signerName)).toEqual(snapshot.signatories.map((s) => s.signerName));
  });

  it('embeds the font and shows the letterhead, the signature blocks and, when signed, the record with the hash', async () => {
    const file = await readFixture('coastal-patrols.md');
    const unsigned = snapshotOf(file);
    const finalSignatures = unsigned.signatories.map((signatory) => ({ officeId: signatory.office.id, letterHash: unsigned.letterHash, by: 'Paweł Wiśniewski', at: '2026-11-21T08:00:00Z' }));
    const bytes = await letterToDocx(snapshotOf(file, { status: 'signed', finalSignatures }));
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    expect(text.indexOf('Sisäministeriö')).toBeLessThan(text.indexOf('To:'));
    expect(text).toContain('Record of final signatures');
    expect(text).toContain('Signed by Paweł Wiśniewski, 21 November 2026 at 08:00 UTC');
    expect(text).toContain(unsigned.letterHash);
    expect(Buffer.from(bytes).includes(Buffer.from('word/fonts/'))).toBe(true);
  });

  it('T4 keeps every character of the text, invisible ones and letters of other scripts included, in order', async () => {
    const line = 'Offer: we \u0430ccept the pay\u200Bment of the in\u00ADvoice, EUR 10,000, Zo\u200C\u200D\u00EB\u2060x\uFEFFy.';
    const snapshot = snapshotOf(await readFixture('characters.md', new TextEncoder().encode(`# Characters\n\n${line}\n`)));
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(await letterToDocx(snapshot)) });
    expect(text).toContain(line);
  });
});

describe('Word export with the open comments', () => {
  /** The snapshot with annotations: a passage across an emphasis, a whole paragraph, a deleted paragraph. */
  async function annotatedSnapshot() {
    const snapshot = snapshotOf(await readFixture('coastal-patrols.md'));
    const paragraphs = (snapshot.body.content ?? []).filter((node) => node.type === 'paragraph');
    const opening = paragraphs[1]!;
    const text = (opening.content ?? []).map((inline) => inline.text ?? '').join('');
    const from = text.indexOf('means to patrol');
    const annotations: LetterAnnotations = {
      threads: [
        {
          paragraphId: String(opening.attrs?.['id']),
          paragraphNumber: 2,
          passage: { from, to: from + 'means to patrol'.length },
          quote: 'means to patrol',
          isOnDeletedText: false,
          comments: [
            { author: 'Kadri Tamm (Estonia)', at: '2026-11-20T09:30:00.000Z', body: 'Which means? <w:t>not markup</w:t> & more' },
            { author: 'Helena Virtanen (Finland)', at: '2026-11-20T10:00:00.000Z', body: 'Vessels and aircraft.\nSee the annex.' },
          ],
        },
        {
          paragraphId: String(paragraphs[0]!.attrs?.['id']),
          paragraphNumber: 1,
          passage: null,
          quote: 'Dear Commissioner',
          isOnDeletedText: false,
          comments: [{ author: 'Rūta Žemaitytė (Lithuania)', at: '2026-11-20T11:00:00.000Z', body: 'Add the Agency’s deputy.' }],
        },
        {
          paragraphId: null,
          paragraphNumber: null,
          passage: null,
          quote: 'a removed sentence',
          isOnDeletedText: true,
          comments: [{ author: 'Bjørn Åsheim (Norway)', at: '2026-11-20T12:00:00.000Z', body: 'Why was this dropped?' }],
        },
      ],
      reservations: [],
    };
    return { snapshot: { ...snapshot, annotations }, openingText: text };
  }

  it('writes each open comment as a Word comment by "Name (Office)", anchored on its passage, its paragraph or the title', async () => {
    const { snapshot } = await annotatedSnapshot();
    const bytes = await letterToDocx(snapshot);
    const comments = wordComments((await docxPart(bytes, 'word/comments.xml'))!);
    const document = (await docxPart(bytes, 'word/document.xml'))!;
    expect(comments.map((comment) => [comment.author, comment.text])).toEqual([
      ['Kadri Tamm (Estonia)', 'Which means? <w:t>not markup</w:t> & more'],
      ['Helena Virtanen (Finland)', 'Vessels and aircraft.\nSee the annex.'],
      ['Rūta Žemaitytė (Lithuania)', 'Add the Agency’s deputy.'],
      ['Bjørn Åsheim (Norway)', 'On deleted text: “a removed sentence”\nWhy was this dropped?'],
    ]);
    expect(commentedText(document, comments[0]!.id)).toBe('means to patrol');
    expect(commentedText(document, comments[1]!.id)).toBe('means to patrol');
    expect(commentedText(document, comments[2]!.id)).toBe('Dear Commissioner, dear Executive Director,');
    expect(commentedText(document, comments[3]!.id)).toBe(snapshot.title);
    // The reply is threaded under the comment that opened the thread.
    expect(await docxPart(bytes, 'word/commentsExtended.xml')).toMatch(/w15:paraIdParent=/);
  });

  it('keeps the letter itself as it was: mammoth reads the same text, and without the option there are no comments', async () => {
    const { snapshot } = await annotatedSnapshot();
    const plain = await mammoth.extractRawText({ buffer: Buffer.from(await letterToDocx({ ...snapshot, annotations: null })) });
    const annotated = await mammoth.extractRawText({ buffer: Buffer.from(await letterToDocx(snapshot)) });
    expect(annotated.value.replace(/\[[A-Z]+\d+\]/g, '')).toBe(plain.value);
    expect(await docxPart(await letterToDocx({ ...snapshot, annotations: null }), 'word/comments.xml')).toBeNull();
  });
});

describe('Word export with open suggestions', () => {
  async function suggestedSnapshot() {
    return withProposals(snapshotOf(await readFixture('coastal-patrols.md')), 'We write on behalf', [
      proposal('four ministries', SuggestionKind.insertion, kadri),
      proposal(' and the Gulf of Finland', SuggestionKind.deletion, aino, '2026-11-21T14:05:00.000Z'),
    ]);
  }

  it('S13 writes each open suggestion as a Word tracked change: w:ins and w:del by "Name (Country)" with its date', async () => {
    const document = (await docxPart(await letterToDocx(await suggestedSnapshot()), 'word/document.xml'))!;
    expect(document).toMatch(/<w:ins w:id="\d+" w:author="Kadri Tamm \(Estonia\)" w:date="2026-11-20T09:30:00Z"><w:r>(?:<w:rPr>[^]*?<\/w:rPr>)?<w:t xml:space="preserve">four ministries<\/w:t><\/w:r><\/w:ins>/);
    expect(document).toMatch(
      /<w:del w:id="\d+" w:author="Aino Mäkelä \(Finland\)" w:date="2026-11-21T14:05:00Z"><w:r>(?:<w:rPr>[^]*?<\/w:rPr>)?<w:delText xml:space="preserve"> and the Gulf of Finland<\/w:delText><\/w:r><\/w:del>/,
    );
    // Word's reading with every change accepted: the proposed words in, the deleted ones out.
    expect(wordText(document)).toContain('We write on behalf of four ministries that share the waters of the Baltic Sea. Our coast guards');
  });

  it('S13 names the proposer from the server’s records, not from the name the mark carries', async () => {
    const snapshot = await suggestedSnapshot();
    const renamed = { ...snapshot, suggestionAuthors: { ...snapshot.suggestionAuthors, 'user-kadri ee-interior': 'Kadri Tamm-Saar (Estonia)' } };
    const document = (await docxPart(await letterToDocx(renamed), 'word/document.xml'))!;
    expect(document).toContain('w:author="Kadri Tamm-Saar (Estonia)"');
    expect(document).not.toContain('w:author="Kadri Tamm (Estonia)"');
  });

  it('keeps comments on their words when suggestions split the runs, and gives comments and changes ids of their own', async () => {
    const snapshot = await suggestedSnapshot();
    const opening = (snapshot.body.content ?? []).find((node) => (node.content ?? []).some((inline) => inline.text?.startsWith('We write on behalf')))!;
    const text = (opening.content ?? []).map((inline) => inline.text ?? '').join('');
    const from = text.indexOf('behalf of four');
    const annotations: LetterAnnotations = {
      threads: [
        {
          paragraphId: String(opening.attrs?.['id']),
          paragraphNumber: 2,
          passage: { from, to: from + 'behalf of four ministries that'.length },
          quote: 'behalf of four ministries that',
          isOnDeletedText: false,
          comments: [{ author: 'Ilze Bērziņa (Latvia)', at: '2026-11-20T09:30:00.000Z', body: 'And Latvia?' }],
        },
      ],
      reservations: [],
    };
    const bytes = await letterToDocx({ ...snapshot, annotations });
    const document = (await docxPart(bytes, 'word/document.xml'))!;
    const [comment] = wordComments((await docxPart(bytes, 'word/comments.xml'))!);
    expect(commentedText(document, comment!.id)).toBe('behalf of four ministries that');
    expect(commentedText(document, comment!.id)).not.toBeNull();
    const changeIds = [...document.matchAll(/<w:(?:ins|del) w:id="(\d+)"/g)].map((match) => match[1]);
    expect(changeIds).toHaveLength(2);
    expect(changeIds).not.toContain(comment!.id);
  });

  it('T6 writes no character XML forbids, wherever it stood: the file stays a Word document', async () => {
    const hostile = 'Bell\u0007, form feed\u000C, \uFFFE\uFFFF and half a pair \uD800 here';
    const snapshot = await suggestedSnapshot();
    const hostileSnapshot = withProposals({ ...snapshot, title: `Title ${hostile}`, body: { ...snapshot.body, content: [...(snapshot.body.content ?? []), { type: 'paragraph', attrs: { id: 'p-hostile' }, content: [{ type: 'text', text: hostile }] }] } }, 'Bell', [
      proposal('form feed', SuggestionKind.insertion, kadri),
    ]);
    const bytes = await letterToDocx(hostileSnapshot);
    for (const part of ['word/document.xml', 'docProps/core.xml']) {
      const xml = (await docxPart(bytes, part))!;
      expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDFFF]/);
      expect(() => new DOMParser({ errorHandler: { error: (message) => { throw new Error(message); }, fatalError: (message) => { throw new Error(message); } } }).parseFromString(xml, 'text/xml')).not.toThrow();
    }
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    expect(text).toContain('Bell, form feed,  and half a pair  here');
  });

  it('T1 writes a link the link policy does not allow as its words only: Word gets no script or data address to open', async () => {
    const snapshot = await suggestedSnapshot();
    const linked = (text: string, href: string) => ({ type: 'text', text, marks: [{ type: 'link', attrs: { href } }] });
    const paragraph = { type: 'paragraph', attrs: { id: 'p-links' }, content: [linked('Pay here', 'javascript:alert(1)'), { type: 'text', text: ' or ' }, linked('see', 'data:text/html,x'), { type: 'text', text: ' and ' }, linked('read this', 'https://example.org/read')] };
    const bytes = await letterToDocx({ ...snapshot, body: { ...snapshot.body, content: [...(snapshot.body.content ?? []), paragraph] } });
    const relations = (await docxPart(bytes, 'word/_rels/document.xml.rels'))!;
    expect(relations).not.toMatch(/javascript:|data:/);
    expect(relations).toContain('https://example.org/read');
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    expect(text).toContain('Pay here or see and read this');
  });
});

