import { describe, expect, it } from 'vitest';
import { readFixture, snapshotOf } from '../../tests/fixtures/interchange/import-fixture.js';
import { pdfPages } from '../../tests/fixtures/interchange/pdf-text.js';
import type { LetterAnnotations } from './letter-annotations.js';
import { letterToPdf } from './letter-to-pdf.js';
import { aino, kadri, proposal, withProposals } from '../../tests/fixtures/interchange/suggested-letter.js';
import { SuggestionKind } from '../../shared/domain/suggestions.js';

describe('PDF export', () => {
  it('holds every signatory name with its diacritics, in signing order, and the body text', async () => {
    const snapshot = snapshotOf(await readFixture('coastal-patrols.md'));
    const text = (await pdfPages(await letterToPdf(snapshot))).join('\n');
    const names = snapshot.signatories.map((signatory) => signatory.signerName);
    expect(names).toEqual(['Säde Määttä-Öhman', 'Tõnis Õunapuu', 'Rūta Žemaitytė-Šilienė', 'Bjørn Åsheim']);
    const positions = names.map((name) => text.indexOf(name));
    for (const position of positions) expect(position).toBeGreaterThanOrEqual(0);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).toContain('Joint letter on shared coastal patrols in the Baltic Sea');
    expect(text).toContain('Vidaus reikalų ministerija');
    expect(text).toContain('Klaipėda, Bodø and Åland');
  });

  it('T4 draws the text as a browser shows it: every visible character in order, nothing for invisible ones', async () => {
    const line = 'Offer: we \u0430ccept the pay\u200Bment of the in\u00ADvoice, EUR 10,000, Zo\u200C\u200D\u00EB\u2060x\uFEFFy.';
    const snapshot = snapshotOf(await readFixture('characters.md', new TextEncoder().encode(`# Characters\n\n${line}\n`)));
    const text = (await pdfPages(await letterToPdf(snapshot))).join('\n');
    expect(text).toContain('Offer: we \u0430ccept the payment of the invoice, EUR 10,000, Zo\u00EBxy.');
  });

  it('ends a signed letter with a page of final signatures (who, when) and the letter hash', async () => {
    const file = await readFixture('coastal-patrols.md');
    const unsigned = snapshotOf(file);
    const finalSignatures = unsigned.signatories.map((signatory, index) => ({
      officeId: signatory.office.id,
      letterHash: unsigned.letterHash,
      by: ['Ilze Bērziņa', 'Kärt Šõmer', 'Gintarė Jūrų', 'Ingrid Løvås'][index]!,
      at: '2026-11-20T09:30:00.000Z',
    }));
    const pages = await pdfPages(await letterToPdf(snapshotOf(file, { status: 'signed', finalSignatures })));
    const last = pages.at(-1)!;
    expect(last).toContain('Record of final signatures');
    for (const signature of finalSignatures) expect(last).toContain(`Signed by ${signature.by}, 20 November 2026 at 09:30 UTC`);
    expect(last.replace(/\s/g, '')).toContain(unsigned.letterHash);
    expect(pages.slice(0, -1).join('')).not.toContain('Record of final signatures');
  });
});

describe('PDF export with the open comments', () => {
  const annotations: LetterAnnotations = {
    threads: [
      {
        paragraphId: 'p-2',
        paragraphNumber: 2,
        passage: { from: 3, to: 8 },
        quote: 'write',
        isOnDeletedText: false,
        comments: [
          { author: 'Kadri Tamm (Estonia)', at: '2026-11-20T09:30:00.000Z', body: 'Is “write” right? <b>not bold</b>' },
          { author: 'Helena Virtanen (Finland)', at: '2026-11-20T10:00:00.000Z', body: 'Yes, @Estonia.' },
        ],
      },
    ],
    reservations: [
      { paragraphId: 'p-3', paragraphNumber: 3, office: 'Lithuania', kind: 'scrutiny', reason: 'Vilnius is checking the figures.', by: 'Rūta Žemaitytė', at: '2026-11-20T11:00:00.000Z' },
    ],
  };

  it('lists the open reservations and threads on an appendix page before the record of signatures', async () => {
    const file = await readFixture('coastal-patrols.md');
    const unsigned = snapshotOf(file);
    const finalSignatures = unsigned.signatories.map((signatory) => ({ officeId: signatory.office.id, letterHash: unsigned.letterHash, by: 'Ilze Bērziņa', at: '2026-11-21T08:00:00Z' }));
    const pages = await pdfPages(await letterToPdf({ ...snapshotOf(file, { status: 'signed', finalSignatures }), annotations }));
    const appendix = pages.at(-2)!;
    expect(pages.at(-1)).toContain('Record of final signatures');
    expect(appendix).toContain('Open comments and reservations');
    expect(appendix).toContain('Paragraph 3: Scrutiny reservation of Lithuania');
    expect(appendix).toContain('Rūta Žemaitytė, 20 November 2026 at 11:00 UTC');
    expect(appendix).toContain('Vilnius is checking the figures.');
    expect(appendix).toContain('On words in paragraph 2');
    expect(appendix).toContain('“write”');
    expect(appendix).toContain('Kadri Tamm (Estonia), 20 November 2026 at 09:30 UTC');
    expect(appendix).toContain('Is “write” right? <b>not bold</b>');
    expect(appendix.indexOf('Kadri Tamm')).toBeLessThan(appendix.indexOf('Helena Virtanen (Finland)'));
    expect(pages.slice(0, -2).join('')).not.toContain('Open comments and reservations');
  });

  it('says when nothing is open, and prints no appendix unless asked', async () => {
    const snapshot = snapshotOf(await readFixture('coastal-patrols.md'));
    const withEmpty = await pdfPages(await letterToPdf({ ...snapshot, annotations: { threads: [], reservations: [] } }));
    expect(withEmpty.at(-1)).toContain('No thread is open and no office holds a reservation.');
    expect((await pdfPages(await letterToPdf(snapshot))).join('')).not.toContain('Open comments and reservations');
  });
});

describe('PDF export of a letter with open suggestions', () => {
  it('S13 prints the text as it stands without them, and lists each on a page of open suggestions', async () => {
    const snapshot = withProposals(snapshotOf(await readFixture('coastal-patrols.md')), 'We write on behalf', [
      proposal('four ministries', SuggestionKind.insertion, kadri),
      proposal(' and the Gulf of Finland', SuggestionKind.deletion, aino, '2026-11-21T14:05:00.000Z'),
    ]);
    const pages = await pdfPages(await letterToPdf(snapshot));
    const appendixAt = pages.findIndex((page) => page.includes('Open suggestions'));
    expect(appendixAt).toBeGreaterThan(0);
    const letter = pages.slice(0, appendixAt).join('\n').replace(/\s+/g, ' ');
    // The proposed words are not in the letter yet; the words proposed for deletion still are.
    expect(letter).toContain('We write on behalf of that share the waters of the Baltic Sea and the Gulf of Finland.');
    const appendix = pages[appendixAt]!.replace(/\s+/g, ' ');
    expect(appendix).toContain('Paragraph 2: Proposed insertion “four ministries” Kadri Tamm (Estonia), 20 November 2026 at 09:30 UTC');
    expect(appendix).toContain('Paragraph 2: Proposed deletion “ and the Gulf of Finland” Aino Mäkelä (Finland), 21 November 2026 at 14:05 UTC');
  });

  it('S13 has no such page when nothing is proposed', async () => {
    const pages = await pdfPages(await letterToPdf(snapshotOf(await readFixture('coastal-patrols.md'))));
    expect(pages.join('\n')).not.toContain('Open suggestions');
  });

  it('writes a paragraph of one very long word about as fast as the same length in words, and every character of it', async () => {
    const snapshot = snapshotOf(await readFixture('plain.md', new TextEncoder().encode('# Plain\n\nA bell here.\n')));
    const paragraph = (snapshot.body.content ?? []).find((node) => node.type === 'paragraph')!;
    const letterOf = (text: string) => ({ ...snapshot, body: { ...snapshot.body, content: Array.from({ length: 4 }, () => ({ ...paragraph, content: [{ type: 'text', text }] })) } });
    const timed = async (text: string) => {
      const start = performance.now();
      const bytes = await letterToPdf(letterOf(text));
      return { ms: performance.now() - start, bytes };
    };
    // A drafter may write up to PARAGRAPH_MAX_CHARACTERS (20,000) without a space: the PDF must not take minutes for it.
    const inWords = await timed('abcdefghi '.repeat(2_000));
    const oneWord = await timed('abcdefghij'.repeat(2_000));
    expect(oneWord.ms).toBeLessThan(Math.max(5 * inWords.ms, 1_000));
    // One letter carrying 19,999 combining marks is as long a word.
    const oneCharacter = await timed(`a${'\u0301'.repeat(19_999)}`);
    expect(oneCharacter.ms).toBeLessThan(Math.max(5 * inWords.ms, 1_000));
    // The word's lines, without the page numbers and headers between them.
    const lines = (await pdfPages(oneWord.bytes)).flatMap((page) => page.split('\n')).filter((line) => /^[a-j]+$/.test(line.trim()));
    expect(lines.join('').replace(/\s+/g, '')).toBe('abcdefghij'.repeat(2_000 * 4));
  });
});

