import { describe, expect, it } from 'vitest';
import { SuggestionKind } from '../../shared/domain/suggestions.js';
import { readFixture, snapshotOf } from '../../tests/fixtures/interchange/import-fixture.js';
import { pdfPages } from '../../tests/fixtures/interchange/pdf-text.js';
import { aino, proposal, withProposals } from '../../tests/fixtures/interchange/suggested-letter.js';
import type { LetterAnnotations } from './letter-annotations.js';
import type { LetterSnapshot } from './letter-snapshot.js';
import { letterToDocx } from './letter-to-docx.js';
import { letterToMarkdown } from './letter-to-markdown.js';
import { letterToPdf } from './letter-to-pdf.js';
import mammoth from 'mammoth';

const annotations: LetterAnnotations = {
  threads: [
    {
      paragraphId: 'p-2',
      paragraphNumber: 2,
      passage: null,
      quote: '',
      isOnDeletedText: false,
      comments: [{ author: 'Kadri Tamm (Estonia)', at: '2026-11-20T09:30:00.000Z', body: 'Agreed.' }],
    },
  ],
  reservations: [],
};

/** The coastal-patrols letter dated 20 November 2026, signed by every office at 09:30 UTC, in `language`. */
async function signedLetterIn(language: string, extra: Partial<LetterSnapshot> = {}): Promise<LetterSnapshot> {
  const file = await readFixture('coastal-patrols.md');
  const unsigned = { ...snapshotOf(file), letterDate: '2026-11-20', language };
  const finalSignatures = unsigned.signatories.map((signatory) => ({ officeId: signatory.office.id, letterHash: unsigned.letterHash, by: 'Aino Mäkelä', at: '2026-11-20T09:30:00.000Z' }));
  return { ...unsigned, status: 'signed', finalSignatures, ...extra };
}

describe('L7 dates inside exports follow the letter’s language', () => {
  it('L7 a Finnish Markdown export writes the letter date and each signature time in Finnish, signatures in UTC', async () => {
    const markdown = letterToMarkdown(await signedLetterIn('fi'));
    expect(markdown).toContain('Päivämäärä: 20. marraskuuta 2026');
    expect(markdown).toContain(': Allekirjoittaja Aino Mäkelä, 20. marraskuuta 2026 klo 09.30 UTC');
    expect(markdown).not.toContain('November');
  });

  it('L7 a suggestion’s time in a Swedish Markdown export is Swedish, in UTC', async () => {
    const file = await readFixture('coastal-patrols.md');
    const snapshot = withProposals({ ...snapshotOf(file), language: 'sv' }, 'We write on behalf', [proposal('four ministries', SuggestionKind.insertion, aino)]);
    expect(letterToMarkdown(snapshot)).toContain('Aino Mäkelä (Finland), 20 november 2026 kl. 09:30 UTC');
  });

  it('L7 a Polish PDF prints the date, the appendix’s comment times and the signature times in Polish', async () => {
    const pages = await pdfPages(await letterToPdf(await signedLetterIn('pl', { annotations })));
    expect(pages[0]).toContain('20 listopada 2026');
    expect(pages.at(-2)).toContain('Kadri Tamm (Estonia), 20 listopada 2026 09:30 UTC');
    expect(pages.at(-1)).toContain('20 listopada 2026 09:30 UTC');
    expect(pages.join('\n')).not.toContain('November');
  });

  it('L7 a Latvian Word export writes the letter date in Latvian', async () => {
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(await letterToDocx(await signedLetterIn('lv'))) });
    expect(value).toContain('Datums: 2026. gada 20. novembris');
    expect(value).toContain('2026. gada 20. novembris 09:30 UTC');
  });

  it('names a saved version in the letter’s language', async () => {
    const file = await readFixture('coastal-patrols.md');
    expect(letterToMarkdown({ ...snapshotOf(file), language: 'fi', version: { id: 'v-1', name: 'Pääkaupunkeihin' } })).toContain('_Tallennettu versio ”Pääkaupunkeihin”_');
  });

  it('L7 English keeps day, month and year, with the zone', async () => {
    const markdown = letterToMarkdown(await signedLetterIn('en'));
    expect(markdown).toContain('Date: 20 November 2026');
    expect(markdown).toContain('Signed by Aino Mäkelä, 20 November 2026 at 09:30 UTC');
  });
});
