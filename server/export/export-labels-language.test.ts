import { describe, expect, it } from 'vitest';
import { supportedLanguages } from '../../shared/i18n/languages.js';
import { readFixture, snapshotOf } from '../../tests/fixtures/interchange/import-fixture.js';
import { pdfPages } from '../../tests/fixtures/interchange/pdf-text.js';
import { exportLabelsIn } from './letter-layout.js';
import { letterToPdf } from './letter-to-pdf.js';

describe('export labels in the letter’s language', () => {
  for (const language of supportedLanguages) {
    it(`L3 a signed letter written in "${language}" prints its PDF's fixed labels in that language`, async () => {
      const file = await readFixture('coastal-patrols.md');
      const unsigned = snapshotOf(file);
      const finalSignatures = unsigned.signatories.map((signatory) => ({ officeId: signatory.office.id, letterHash: unsigned.letterHash, by: 'Ilze Bērziņa', at: '2026-11-20T09:30:00.000Z' }));
      const pages = await pdfPages(await letterToPdf({ ...snapshotOf(file, { status: 'signed', finalSignatures }), language }));
      const labels = exportLabelsIn(language);
      const last = pages.at(-1)!;
      expect(last).toContain(labels.signatureRecord);
      expect(last).toContain(`${labels.signedBy} Ilze Bērziņa`);
      expect(last).toContain(labels.letterHash);
    });
  }
});
