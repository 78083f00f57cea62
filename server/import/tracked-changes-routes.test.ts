import { describe, expect, it } from 'vitest';
import { readFixture, snapshotOf } from '../../tests/fixtures/interchange/import-fixture.js';
import { useInterchangeApp } from '../../tests/fixtures/interchange/interchange-app.js';
import { docxPart } from '../../tests/fixtures/interchange/docx-parts.js';
import { pdfPages } from '../../tests/fixtures/interchange/pdf-text.js';
import { aino, kadri, proposal, withProposals } from '../../tests/fixtures/interchange/suggested-letter.js';
import { importPreviewSchema } from '../../shared/api/interchange.js';
import { letterDetailSchema } from '../../shared/api/letters.js';
import { currentParagraphs } from '../../shared/domain/current-paragraphs.js';
import { SuggestionKind } from '../../shared/domain/suggestions.js';
import { letterToDocx } from '../export/letter-to-docx.js';

const app = useInterchangeApp();
// An exported Word file carries its font: a few megabytes.
app.maxImportBytes = 8 * 1024 * 1024;
const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A Word file as another office sends it: three tracked changes by two people. */
async function trackedWordFile(): Promise<File> {
  const snapshot = withProposals(snapshotOf(await readFixture('coastal-patrols.md')), 'We write on behalf', [
    proposal('four ministries', SuggestionKind.insertion, kadri),
    proposal(' and the Gulf of Finland', SuggestionKind.deletion, aino, '2026-11-21T14:05:00.000Z'),
    proposal('patrol together', SuggestionKind.insertion, kadri),
  ]);
  return new File([(await letterToDocx(snapshot)) as Uint8Array<ArrayBuffer>], 'tracked.docx', { type: docxType });
}

function upload(path: string, file: File, options?: unknown) {
  const form = new FormData();
  form.append('file', file);
  if (options !== undefined) form.append('options', JSON.stringify(options));
  return app.services.app.request(path, { method: 'POST', body: form, headers: { cookie: app.cookies.finland } });
}

describe('Word tracked changes through the import and export routes', () => {
  it('S13 the preview counts them; the import makes them the importer’s suggestions; every export shows them', async () => {
    const file = await trackedWordFile();
    const preview = importPreviewSchema.parse(await (await upload('/api/imports/preview', file)).json());
    expect(preview.suggestionCount).toBe(3);

    const created = await upload('/api/imports', file, { title: 'Coastal patrols', takeAddressees: true, takeSignatories: true });
    expect(created.status).toBe(201);
    const letterId = letterDetailSchema.parse(await created.json()).id;
    const stored = await app.services.registry.readText(letterId, (doc) => currentParagraphs(doc).flatMap((paragraph) => paragraph.suggestions ?? []));
    expect(stored.map(({ kind, text, authorId, officeId, note }) => ({ kind, text, authorId, officeId, note }))).toEqual([
      { kind: SuggestionKind.insertion, text: 'four ministries', authorId: app.userIds.finland, officeId: 'fi-interior', note: 'Tracked change in Word by Kadri Tamm (Estonia), 2026-11-20' },
      { kind: SuggestionKind.deletion, text: ' and the Gulf of Finland', authorId: app.userIds.finland, officeId: 'fi-interior', note: 'Tracked change in Word by Aino Mäkelä (Finland), 2026-11-21' },
      { kind: SuggestionKind.insertion, text: 'patrol together', authorId: app.userIds.finland, officeId: 'fi-interior', note: 'Tracked change in Word by Kadri Tamm (Estonia), 2026-11-20' },
    ]);

    const download = async (format: string) => app.services.app.request(`/api/letters/${letterId}/export?format=${format}`, { headers: { cookie: app.cookies.finland } });
    const document = (await docxPart(new Uint8Array(await (await download('docx')).arrayBuffer()), 'word/document.xml'))!;
    const authors = [...document.matchAll(/<w:(ins|del) w:id="\d+" w:author="([^"]*)"/g)].map((match) => [match[1], match[2]]);
    expect(authors).toEqual([
      ['ins', 'Aino Mäkelä (Finland)'],
      ['del', 'Aino Mäkelä (Finland)'],
      ['ins', 'Aino Mäkelä (Finland)'],
    ]);
    const markdown = await (await download('markdown')).text();
    expect(markdown).toMatch(/\{\+\+four ministries\+\+\}\{>>Aino Mäkelä \(Finland\), .+ UTC; Tracked change in Word by Kadri Tamm \(Estonia\), 2026-11-20<<\}/);
    const pages = await pdfPages(new Uint8Array(await (await download('pdf')).arrayBuffer()));
    expect(pages.some((page) => page.includes('Open suggestions') && page.includes('“four ministries”'))).toBe(true);
    // Two readings of a Word file and three exports, each in a worker thread: slow on a busy machine.
  }, 120_000);
});
