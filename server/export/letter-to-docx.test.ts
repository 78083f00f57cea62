import type { JSONContent } from '@tiptap/core';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { readFixture, snapshotOf } from '../../tests/fixtures/interchange/import-fixture.js';
import { assembleLetterBody } from '../import/assemble-letter-body.js';
import { readLetterFile } from '../import/read-letter-file.js';
import { fixtureOffices } from '../../tests/fixtures/interchange/fixture-offices.js';
import { commentedText, docxPart, wordComments } from '../../tests/fixtures/interchange/docx-parts.js';
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
