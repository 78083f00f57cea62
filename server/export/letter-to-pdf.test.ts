import { describe, expect, it } from 'vitest';
import { readFixture, snapshotOf } from '../../tests/fixtures/interchange/import-fixture.js';
import { pdfPages } from '../../tests/fixtures/interchange/pdf-text.js';
import { letterToPdf } from './letter-to-pdf.js';

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
