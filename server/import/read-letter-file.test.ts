import { Document, ExternalHyperlink, FootnoteReferenceRun, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { fixtureOffices } from '../../tests/fixtures/interchange/fixture-offices.js';
import { readFixture } from '../../tests/fixtures/interchange/import-fixture.js';
import { blockText } from '../../shared/domain/block-text.js';
import { ImportWarningCode } from '../../shared/api/import-warnings.js';
import { assembleLetterBody, letterBodyUpdate, notesHeading } from './assemble-letter-body.js';
import { readLetterFile } from './read-letter-file.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function textBlocks(node: JSONContent): JSONContent[] {
  if (node.type === 'paragraph' || node.type === 'heading') return [node];
  return (node.content ?? []).flatMap(textBlocks);
}

/** Type and text of every block, without ids: what a reader sees. */
function outline(blocks: JSONContent[]): string[] {
  return blocks.map((block) => `${block.type}${block.attrs?.['level'] ? block.attrs['level'] : ''}: ${blockText(block)}`);
}

describe('reading a Markdown letter', () => {
  it('recognises letterhead, addressees, title, subject and signature blocks, each signature matched to its office', async () => {
    const file = await readFixture('coastal-patrols.md');
    expect(file.format).toBe('markdown');
    expect(file.parts.letterhead?.officeIds).toEqual(['fi-interior', 'ee-interior', 'lt-interior', 'no-justice']);
    expect(file.parts.addressees?.lines).toEqual([
      'The Commissioner for Internal Affairs and Migration',
      'The Executive Director of the European Border and Coast Guard Agency',
    ]);
    expect(file.parts.title?.text).toBe('Joint letter on shared coastal patrols in the Baltic Sea');
    expect(file.parts.subject?.text).toBe('Pooling patrol vessels and aircraft along the northern maritime border');
    expect(file.parts.signatures?.signatories.map(({ officeId, signerName, capacity }) => [officeId, signerName, capacity])).toEqual([
      ['fi-interior', 'Säde Määttä-Öhman', 'Minister of the Interior of the Republic of Finland'],
      ['ee-interior', 'Tõnis Õunapuu', 'Minister of the Interior of the Republic of Estonia'],
      ['lt-interior', 'Rūta Žemaitytė-Šilienė', 'Minister of the Interior of the Republic of Lithuania'],
      ['no-justice', 'Bjørn Åsheim', 'Minister of Justice and Public Security of the Kingdom of Norway'],
    ]);
  });

  it('keeps addressees and signatures as text when they are not taken; title and subject always leave the body', async () => {
    const file = await readFixture('coastal-patrols.md');
    const kept = outline(assembleLetterBody(file, { addressees: false, signatories: false }).content ?? []);
    expect(kept[0]).toMatch(/^paragraph: Sisäministeriö/);
    expect(kept).toContain('paragraph: To:');
    expect(kept.at(-1)).toMatch(/^paragraph: Bjørn Åsheim/);
    expect(kept.join('\n')).not.toContain('Joint letter on shared coastal patrols');
    const taken = outline(assembleLetterBody(file, { addressees: true, signatories: true }).content ?? []);
    expect(taken[0]).toBe('paragraph: Dear Commissioner, dear Executive Director,');
    expect(taken.at(-1)).toBe('paragraph: Yours sincerely,');
  });

  it('gives every imported paragraph and heading its own id, as typed ones have', async () => {
    const body = assembleLetterBody(await readFixture('coastal-patrols.md'), { addressees: true, signatories: true });
    const ids = textBlocks(body).map((block) => block.attrs?.['id']);
    expect(ids.length).toBeGreaterThan(8);
    for (const id of ids) expect(id).toMatch(uuid);
    expect(new Set(ids).size).toBe(ids.length);
    expect(letterBodyUpdate(body).byteLength).toBeGreaterThan(0);
  });

  it('turns footnotes into numbered notes at the end, and what a letter cannot hold into text or nothing, with warnings', async () => {
    const file = await readFixture('notes-and-odd-markdown.md');
    const body = assembleLetterBody(file, { addressees: true, signatories: true });
    const lines = outline(body.content ?? []);
    expect(lines[0]).toBe('paragraph: The ferry operators reported 4 112 crossings last winter[1], most of them on the Tallinn–Helsinki line.[2]');
    expect(lines).toContain('paragraph: Quoted from the operators\' own report: crossings rose by a fifth.');
    expect(lines).toContain('paragraph: Code such as Q4 stays as text, and is left out.');
    expect(lines).toContain('paragraph: A link that runs a script becomes plain text.');
    expect(lines.slice(-2)).toEqual([
      `heading2: ${notesHeading()}`,
      'orderedList: Figures of the port authorities, published in March.\nThe line carries both passengers and freight; see the port\'s page.',
    ]);
    expect(outline(assembleLetterBody(file, { addressees: true, signatories: true }, 'fi').content ?? []).at(-2)).toBe('heading2: Alaviitteet');
    expect(outline(assembleLetterBody(file, { addressees: true, signatories: true }, 'pl').content ?? []).at(-2)).toBe('heading2: Przypisy');
    expect(JSON.stringify(body)).not.toContain('javascript:');
    expect(JSON.stringify(body)).toContain('https://example.org/port');
    expect(file.warnings).toEqual(
      expect.arrayContaining([{ code: ImportWarningCode.quotationsFlattened }, { code: ImportWarningCode.imagesLeftOut }, { code: ImportWarningCode.linksMadePlain }]),
    );
  });
});

describe('T1 direction controls in an imported letter', () => {
  it('T1 strips every direction control from text, title and links, keeps zero-width characters, and says so in the preview', async () => {
    const markdown = [
      '# Joint \u202Eletter\u202C',
      '',
      'We \u202Eaccept\u202C the offer of EUR \u206610,000\u2069 and pay\u200Bment.',
      '',
      'See [the plan\u200F](https://example.org/\u202Eplan).',
    ].join('\n');
    const file = await readLetterFile({ name: 'letter.md', type: 'text/markdown', bytes: new TextEncoder().encode(markdown) }, fixtureOffices);
    expect(file.parts.title?.text).toBe('Joint letter');
    const body = assembleLetterBody(file, { addressees: true, signatories: true });
    expect(outline(body.content ?? [])).toEqual(['paragraph: We accept the offer of EUR 10,000 and pay\u200Bment.', 'paragraph: See the plan.']);
    expect(JSON.stringify(body)).toContain('"href":"https://example.org/plan"');
    expect(file.warnings).toContainEqual({ code: ImportWarningCode.directionControlsRemoved, count: 8 });
  });
});

describe('reading a Word letter', () => {
  it('reads the title (Title style), headings, emphasis, lists, links and footnotes into the same blocks as Markdown', async () => {
    const document = new Document({
      footnotes: { 1: { children: [new Paragraph('Agreed by the ministers in Riga.')] } },
      sections: [
        {
          children: [
            new Paragraph({ text: 'Kopīga vēstule par robežu', heading: HeadingLevel.TITLE }),
            new Paragraph({ text: 'Subject: Joint training of border guards' }),
            new Paragraph({ children: [new TextRun('We write '), new TextRun({ text: 'together', bold: true }), new FootnoteReferenceRun(1), new TextRun(' today.')] }),
            new Paragraph({ text: 'What we ask', heading: HeadingLevel.HEADING_2 }),
            new Paragraph({ text: 'Common courses', bullet: { level: 0 } }),
            new Paragraph({ text: 'Shared equipment', bullet: { level: 0 } }),
            new Paragraph({ children: [new ExternalHyperlink({ link: 'https://example.org/plan', children: [new TextRun({ text: 'The plan', italics: true })] })] }),
            new Paragraph({ children: [new TextRun('Jānis Ozoliņš'), new TextRun({ text: 'Minister of the Interior of the Republic of Latvia', break: 1 })] }),
          ],
        },
      ],
    });
    const bytes = new Uint8Array(await Packer.toBuffer(document));
    const file = await readLetterFile({ name: 'vēstule.docx', type: '', bytes }, fixtureOffices);
    expect(file.format).toBe('docx');
    expect(file.parts.title?.text).toBe('Kopīga vēstule par robežu');
    expect(file.parts.subject?.text).toBe('Joint training of border guards');
    expect(file.parts.signatures?.signatories).toEqual([
      expect.objectContaining({ officeId: 'lv-interior', signerName: 'Jānis Ozoliņš', capacity: 'Minister of the Interior of the Republic of Latvia' }),
    ]);
    const body = assembleLetterBody(file, { addressees: true, signatories: true });
    expect(outline(body.content ?? [])).toEqual([
      'paragraph: We write together[1] today.',
      'heading2: What we ask',
      'bulletList: Common courses\nShared equipment',
      'paragraph: The plan',
      `heading2: ${notesHeading()}`,
      'orderedList: Agreed by the ministers in Riga.',
    ]);
    const link = body.content?.[3]?.content?.[0];
    expect(link?.marks).toEqual(expect.arrayContaining([{ type: 'italic' }, { type: 'link', attrs: { href: 'https://example.org/plan' } }]));
    expect(body.content?.[0]?.content?.[1]).toEqual({ type: 'text', text: 'together', marks: [{ type: 'bold' }] });
  });
});

describe('reading a ministry text written without Markdown headings or lists', () => {
  it('turns lines that start with a bullet character into list items, and takes the first line as the title', async () => {
    const file = await readFixture('ministry-bullets.md');
    expect(file.parts.title).toEqual({ text: 'Joint letter on the instrumentalisation of migration at the external border', index: 0 });
    expect(file.parts.subject?.text).toBe('Protecting the external border against hybrid attacks');
    const body = assembleLetterBody(file, { addressees: true, signatories: true });
    const lists = (body.content ?? []).filter((block) => block.type === 'bulletList');
    const items = (list: JSONContent) => (list.content ?? []).map((item) => blockText(item));
    expect(lists.map(items)).toEqual([
      [
        'present a legal framework that allows Member States to respond to instrumentalisation swiftly;',
        'make funding available for fences, surveillance and staff at the affected sections of the border;',
        'support the return of persons without a right to stay.',
      ],
      ['share information on routes and organisers every week;', 'second border guards to the most affected sections.'],
      ['coordinate visa policy towards the countries of transit;'],
      ['review the list of carriers that bring people to the border.'],
    ]);
    const paragraphs = (body.content ?? []).filter((block) => block.type === 'paragraph').map((block) => blockText(block));
    expect(paragraphs).toContain('We propose that the Commission:');
    expect(paragraphs).toContain('Our ministries will in turn:');
    expect(paragraphs.some((text) => /[•‣–]/.test(text.charAt(0)))).toBe(false);
    expect(body.content?.[0]?.type).toBe('paragraph');
    expect(blockText(body.content![0]!)).toMatch(/^Over the past months/);
  });

  it('takes the opening heading as the title when there is no level-1 heading, the opening words of a long first paragraph without removing it, never a salutation', async () => {
    const read = (source: string) => readFixture('letter.md', new TextEncoder().encode(source));
    const headed = await read('## Joint position on visa policy\n\nThe ministers agree.\n');
    expect(headed.parts.title).toEqual({ text: 'Joint position on visa policy', index: 0 });
    const opening = 'The ministers of the interior of eight states write to the Commission about the situation at the external border, '.repeat(3);
    const prose = await read(`${opening}\nwhich has worsened.\n\nSecond paragraph.\n`);
    expect(prose.parts.title?.index).toBeNull();
    expect(prose.parts.title?.text).toMatch(/^The ministers of the interior of eight states write to the Commission about the situation at the external border, The ministers .*…$/);
    expect(prose.parts.title!.text.length).toBeLessThanOrEqual(200);
    expect(blockText(assembleLetterBody(prose, { addressees: true, signatories: true }).content![0]!)).toMatch(/^The ministers .* which has worsened\.$/);
    // A salutation is never a title.
    const greeting = await read('Dear Commissioner,\n\nWe write to you.\n');
    expect(greeting.parts.title).toBeNull();
    expect(blockText(assembleLetterBody(greeting, { addressees: true, signatories: true }).content![0]!)).toBe('Dear Commissioner,');
  });

  it('keeps paragraphs and lists apart when each bullet line is a paragraph of its own, as Word files and e-mails have them', async () => {
    const file = await readFixture('letter.md', new TextEncoder().encode('# Title\n\nWe ask for:\n\n•\tmore staff;\n\n• more vehicles.\n\nThank you.\n'));
    const body = assembleLetterBody(file, { addressees: true, signatories: true });
    expect(outline(body.content ?? [])).toEqual(['paragraph: We ask for:', 'bulletList: more staff;\nmore vehicles.', 'paragraph: Thank you.']);
  });
});
