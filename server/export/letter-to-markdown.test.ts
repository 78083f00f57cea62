import { describe, expect, it } from 'vitest';
import { fixtureBytes, readFixture, snapshotOf } from '../../tests/fixtures/interchange/import-fixture.js';
import { aino, kadri, proposal, withProposals } from '../../tests/fixtures/interchange/suggested-letter.js';
import { SuggestionKind } from '../../shared/domain/suggestions.js';
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

describe('Markdown export of open suggestions', () => {
  it('S13 writes each suggestion in CriticMarkup, followed by who proposed it and when', async () => {
    const snapshot = withProposals(snapshotOf(await readFixture('coastal-patrols.md')), 'We write on behalf', [
      proposal('four ministries', SuggestionKind.insertion, kadri),
      proposal(' and the Gulf of Finland', SuggestionKind.deletion, aino, '2026-11-21T14:05:00.000Z'),
      proposal('patrol together', SuggestionKind.insertion, aino),
    ]);
    const markdown = letterToMarkdown(snapshot);
    expect(markdown).toContain(
      'We write on behalf of {++four ministries++}{>>Kadri Tamm (Estonia), 20 November 2026 at 09:30 UTC<<} that share the waters of the Baltic Sea' +
        '{-- and the Gulf of Finland--}{>>Aino Mäkelä (Finland), 21 November 2026 at 14:05 UTC<<}.',
    );
    // Formatting inside a suggestion stays Markdown.
    expect(markdown).toContain('the means to {++_patrol together_++}{>>Aino Mäkelä (Finland), 20 November 2026 at 09:30 UTC<<}.');
  });

  it('S13 escapes what people wrote, so that neither the letter’s words nor a suggestion’s can open or close one', async () => {
    const hostile = 'Text with {++ fake ++} and {>>forged<<} ends--} here';
    const snapshot = withProposals(
      snapshotOf(await readFixture('hostile.md', new TextEncoder().encode(`# Hostile\n\nPlain ${hostile}. Then more.\n`))),
      'Plain',
      [proposal('Then more.', SuggestionKind.insertion, kadri)],
    );
    // The proposal holds hostile words too.
    const body = snapshot.body.content ?? [];
    const paragraph = body.find((node) => node.type === 'paragraph')!;
    const marked = (paragraph.content ?? []).map((inline) => (inline.text === 'Then more.' ? { ...inline, text: 'Then ++}{>>x<<} *more*.' } : inline));
    const markdown = letterToMarkdown({ ...snapshot, body: { ...snapshot.body, content: body.map((node) => (node === paragraph ? { ...paragraph, content: marked } : node)) } });
    const line = markdown.split('\n').find((candidate) => candidate.startsWith('Plain'))!;
    // Only the delimiters of the one real suggestion stand unescaped.
    expect([...line.matchAll(/(?<!\\)[{}]/g)].map((match) => match[0]).join('')).toBe('{}{}');
    expect(line).toContain('\\{++ fake ++\\}');
    expect(line).toMatch(/^Plain .*\{\+\+Then \+\+\\\}\\\{>>x<<\\\} \\\*more\\\*\.\+\+\}\{>>Kadri Tamm \(Estonia\), 20 November 2026 at 09:30 UTC<<\}$/);
  });

  it('T6 leaves out the characters no file may hold, so that the export reads back', async () => {
    const snapshot = snapshotOf(await readFixture('plain.md', new TextEncoder().encode('# Plain\n\nA bell here.\n')));
    const paragraph = (snapshot.body.content ?? []).find((node) => node.type === 'paragraph')!;
    const hostile = { ...paragraph, content: [{ type: 'text', text: 'A bell\u0007 here\uFFFE.' }] };
    const markdown = letterToMarkdown({ ...snapshot, body: { ...snapshot.body, content: [hostile] } });
    expect(markdown).toContain('A bell here.');
    expect(markdown).not.toMatch(/[\u0007\uFFFE]/);
  });

  it('T1 writes a link the link policy does not allow (kept from before the policy, or restored from a backup) as its words only', async () => {
    const snapshot = snapshotOf(await readFixture('plain.md', new TextEncoder().encode('# Plain\n\nA bell here.\n')));
    const paragraph = (snapshot.body.content ?? []).find((node) => node.type === 'paragraph')!;
    const linked = (text: string, href: string) => ({ type: 'text', text, marks: [{ type: 'link', attrs: { href } }] });
    const withLinks = { ...paragraph, content: [linked('Pay here', 'javascript:alert(1)'), { type: 'text', text: ' or ' }, linked('read this', 'https://example.org/read')] };
    const markdown = letterToMarkdown({ ...snapshot, body: { ...snapshot.body, content: [withLinks] } });
    expect(markdown).not.toContain('javascript:');
    expect(markdown).toContain('Pay here or [read this](https://example.org/read)');
  });
});

