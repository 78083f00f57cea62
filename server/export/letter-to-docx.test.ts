import type { JSONContent } from '@tiptap/core';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { readFixture, snapshotOf } from '../../tests/fixtures/interchange/import-fixture.js';
import { assembleLetterBody } from '../import/assemble-letter-body.js';
import { readLetterFile } from '../import/read-letter-file.js';
import { fixtureOffices } from '../../tests/fixtures/interchange/fixture-offices.js';
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
