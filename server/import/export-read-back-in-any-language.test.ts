import { describe, expect, it } from 'vitest';
import { fixtureOffices } from '../../tests/fixtures/interchange/fixture-offices.js';
import { readFixture, snapshotOf } from '../../tests/fixtures/interchange/import-fixture.js';
import { supportedLanguages } from '../../shared/i18n/languages.js';
import type { LetterSnapshot } from '../export/letter-snapshot.js';
import { letterToDocx } from '../export/letter-to-docx.js';
import { letterToMarkdown } from '../export/letter-to-markdown.js';
import { assembleLetterBody } from './assemble-letter-body.js';
import { readLetterFile } from './read-letter-file.js';

/** A body as JSON without its paragraph ids, which every import gives anew. */
const withoutIds = (body: unknown) => JSON.parse(JSON.stringify(body, (key, value: unknown) => (key === 'id' ? undefined : value))) as unknown;

const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The coastal-patrols letter, dated, signed by every office, written in `language`. */
async function signedLetterIn(language: string): Promise<{ snapshot: LetterSnapshot; unsigned: LetterSnapshot }> {
  const file = await readFixture('coastal-patrols.md');
  const unsigned = { ...snapshotOf(file), letterDate: '2026-11-20', language };
  const finalSignatures = unsigned.signatories.map((signatory) => ({ officeId: signatory.office.id, letterHash: unsigned.letterHash, by: 'Aino Mäkelä', at: '2026-11-20T09:30:00.000Z' }));
  return { snapshot: { ...unsigned, status: 'signed', finalSignatures }, unsigned };
}

describe('an export reads back as the letter in every letter language', () => {
  it('a Finnish Markdown export imports back with its addressees, date, subject and record of signatures recognised', async () => {
    const { snapshot, unsigned } = await signedLetterIn('fi');
    const markdown = letterToMarkdown(snapshot);
    expect(markdown).toContain('## Lopullisten allekirjoitusten kirjaus');
    const file = await readLetterFile({ name: 'kirje.md', type: 'text/markdown', bytes: new TextEncoder().encode(markdown) }, fixtureOffices);
    expect(file.parts.signatureRecord).not.toBeNull();
    expect(file.parts.title?.text).toBe(snapshot.title);
    expect(file.parts.subject?.text).toBe(snapshot.subject);
    expect(file.parts.addressees?.lines).toEqual(snapshot.addressees);
    expect(file.parts.date).not.toBeNull();
    expect(file.parts.signatures?.signatories.map((signatory) => signatory.officeId)).toEqual(snapshot.signatories.map((signatory) => signatory.office.id));
    // Nothing of the record, the labels or the date is left in the text: it is the text that was signed.
    expect(withoutIds(assembleLetterBody(file, { addressees: true, signatories: true }))).toEqual(withoutIds(unsigned.body));
  });

  it('a Finnish Word export imports back with its signature page left out of the text', async () => {
    const { snapshot, unsigned } = await signedLetterIn('fi');
    const bytes = new Uint8Array(await letterToDocx(snapshot));
    const file = await readLetterFile({ name: 'kirje.docx', type: docxType, bytes }, fixtureOffices);
    expect(file.parts.signatureRecord).not.toBeNull();
    expect(file.parts.subject?.text).toBe(snapshot.subject);
    expect(file.parts.addressees?.lines).toEqual(snapshot.addressees);
    const text = JSON.stringify(assembleLetterBody(file, { addressees: true, signatories: true }));
    expect(text).not.toContain('Lopullisten allekirjoitusten kirjaus');
    expect(text).not.toContain('Päivämäärä');
    expect(text).toContain(JSON.stringify(unsigned.body.content?.[0]?.content?.[0]?.text ?? '').slice(1, -1));
  });

  for (const language of supportedLanguages) {
    it(`recognises the fixed labels of a Markdown export written in "${language}"`, async () => {
      const { snapshot } = await signedLetterIn(language);
      const file = await readLetterFile({ name: 'letter.md', type: 'text/markdown', bytes: new TextEncoder().encode(letterToMarkdown(snapshot)) }, fixtureOffices);
      expect(file.parts.signatureRecord).not.toBeNull();
      expect(file.parts.subject?.text).toBe(snapshot.subject);
      expect(file.parts.addressees?.lines).toEqual(snapshot.addressees);
      expect(file.parts.date).not.toBeNull();
      expect(file.parts.title?.text).toBe(snapshot.title);
    });
  }
});
