import { describe, expect, it } from 'vitest';
import { fixtureBytes, readFixture, snapshotOf } from '../../tests/fixtures/interchange/import-fixture.js';
import { letterToMarkdown } from './letter-to-markdown.js';

const markdownOf = async (name: string, bytes?: Uint8Array) => letterToMarkdown(snapshotOf(await readFixture(name, bytes)));

describe('Markdown in, Markdown out', () => {
  it('gives back the very file a letter was imported from', async () => {
    const source = new TextDecoder().decode(fixtureBytes('coastal-patrols.md'));
    expect(await markdownOf('coastal-patrols.md')).toBe(source);
  });

  it('T4 keeps every character of the text, invisible ones and letters of other scripts included, in order', async () => {
    const line = 'Offer: we \u0430ccept the pay\u200Bment of the in\u00ADvoice, EUR 10,000, Zo\u200C\u200D\u00EB\u2060x\uFEFFy.';
    expect(await markdownOf('characters.md', new TextEncoder().encode(`# Characters\n\n${line}\n`))).toContain(`\n${line}\n`);
  });

  it('is stable: exporting an imported export changes nothing, footnotes and odd Markdown included', async () => {
    const once = await markdownOf('notes-and-odd-markdown.md');
    const twice = await markdownOf('again.md', new TextEncoder().encode(once));
    expect(twice).toBe(once);
    expect(once).toContain('## Notes');
    expect(once).toContain('1. Figures of the port authorities, published in March.');
  });

  it('ends a signed letter with each office’s signature and the letter hash', async () => {
    const file = await readFixture('coastal-patrols.md');
    const unsigned = snapshotOf(file);
    const finalSignatures = unsigned.signatories.map((signatory) => ({
      officeId: signatory.office.id,
      letterHash: unsigned.letterHash,
      by: 'Ieva Kalniņa',
      at: '2026-11-20T09:30:00.000Z',
    }));
    const markdown = letterToMarkdown(snapshotOf(file, { status: 'signed', finalSignatures }));
    expect(markdown).toContain('## Record of final signatures');
    expect(markdown).toContain('- **Siseministeerium**: Signed by Ieva Kalniņa, 20 November 2026 at 09:30 UTC');
    expect(markdown).toContain(`Letter hash (SHA-256): \`${unsigned.letterHash}\``);
    expect(letterToMarkdown(unsigned)).not.toContain('Record of final signatures');
  });

  it('reads a signed letter’s export back as the letter, leaving the record of signatures out', async () => {
    const file = await readFixture('coastal-patrols.md');
    const unsigned = snapshotOf(file);
    const finalSignatures = unsigned.signatories.map((signatory) => ({ officeId: signatory.office.id, letterHash: unsigned.letterHash, by: 'Ieva Kalniņa', at: '2026-11-20T09:30:00.000Z' }));
    const signedExport = letterToMarkdown(snapshotOf(file, { status: 'signed', finalSignatures }));
    const again = await markdownOf('signed.md', new TextEncoder().encode(signedExport));
    expect(again).toBe(new TextDecoder().decode(fixtureBytes('coastal-patrols.md')));
  });
});
