import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import { fixtureBytes } from '../../tests/fixtures/interchange/import-fixture.js';
import { useInterchangeApp } from '../../tests/fixtures/interchange/interchange-app.js';
import { importPreviewSchema } from '../../shared/api/interchange.js';
import { letterDetailSchema } from '../../shared/api/letters.js';
import { blockText } from '../../shared/domain/block-text.js';
import { bodyFieldName } from '../../shared/domain/editor-extensions.js';

const app = useInterchangeApp();

function upload(path: string, file: { name: string; type: string; bytes: Uint8Array }, options?: unknown, cookie = app.cookies.finland) {
  const form = new FormData();
  form.append('file', new File([file.bytes as Uint8Array<ArrayBuffer>], file.name, { type: file.type }));
  if (options !== undefined) form.append('options', JSON.stringify(options));
  return app.services.app.request(path, { method: 'POST', body: form, headers: { cookie } });
}

const fixture = () => ({ name: 'coastal-patrols.md', type: 'text/markdown', bytes: fixtureBytes('coastal-patrols.md') });
const letterCount = async () => (await app.store.letters.listLetters()).length;

describe('POST /api/imports/preview', () => {
  it('says what letter the file would make and creates nothing', async () => {
    const before = await letterCount();
    const response = await upload('/api/imports/preview', fixture());
    expect(response.status).toBe(200);
    const preview = importPreviewSchema.parse(await response.json());
    expect(preview.title).toBe('Joint letter on shared coastal patrols in the Baltic Sea');
    expect(preview.addressees).toHaveLength(2);
    expect(preview.signatories.map((signatory) => signatory.officeId)).toEqual(['fi-interior', 'ee-interior', 'lt-interior', 'no-justice']);
    expect(preview.excerpt[0]).toBe('Dear Commissioner, dear Executive Director,');
    expect(await letterCount()).toBe(before);
  });

  it('names the first line as title, counts bullet lines as list items and warns of paragraphs too long to sign off one by one', async () => {
    const response = await upload('/api/imports/preview', { name: 'ministry-bullets.md', type: 'text/markdown', bytes: fixtureBytes('ministry-bullets.md') });
    const preview = importPreviewSchema.parse(await response.json());
    expect(preview.title).toBe('Joint letter on the instrumentalisation of migration at the external border');
    expect(preview.subject).toBe('Protecting the external border against hybrid attacks');
    // 1 long paragraph, 3 lead-ins, 7 list items, 1 closing paragraph.
    expect(preview.paragraphCount).toBe(12);
    expect(preview.longParagraphs).toEqual([{ number: 1, characters: 1268, opening: 'Over the past months the external border of…' }]);
    expect(preview.signatories.map((signatory) => [signatory.officeId, signatory.signerName])).toEqual([['fi-interior', 'Aino Lehtonen'], ['ee-interior', 'Kaido Mets']]);
    const short = await upload('/api/imports/preview', fixture());
    expect(importPreviewSchema.parse(await short.json()).longParagraphs).toEqual([]);
  });

  it('needs a signed-in person', async () => {
    expect((await upload('/api/imports/preview', fixture(), undefined, '')).status).toBe(401);
  });

  it('refuses a second file from the same person while the first is read: 503 import_busy with Retry-After', async () => {
    const answers = await Promise.all([upload('/api/imports/preview', fixture()), upload('/api/imports/preview', fixture())]);
    const refused = answers.filter((response) => response.status === 503);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await refused[0]!.json()).error.code).toBe('import_busy');
    expect(answers.filter((response) => response.status === 200)).toHaveLength(1);
    // Once the first is read, the person may send another.
    expect((await upload('/api/imports/preview', fixture())).status).toBe(200);
  });
});

describe('POST /api/imports', () => {
  it('creates the letter with the addressees and signatories taken from the file, and the rest as its text', async () => {
    const response = await upload('/api/imports', fixture(), { title: 'Coastal patrols', subject: 'Patrols', takeAddressees: true, takeSignatories: true });
    expect(response.status).toBe(201);
    const letter = letterDetailSchema.parse(await response.json());
    expect(letter.title).toBe('Coastal patrols');
    expect(letter.addressees).toEqual(['The Commissioner for Internal Affairs and Migration', 'The Executive Director of the European Border and Coast Guard Agency']);
    expect(letter.signatories.map((signatory) => [signatory.office.id, signatory.signerName])).toEqual([
      ['fi-interior', 'Säde Määttä-Öhman'],
      ['ee-interior', 'Tõnis Õunapuu'],
      ['lt-interior', 'Rūta Žemaitytė-Šilienė'],
      ['no-justice', 'Bjørn Åsheim'],
    ]);
    expect(letter.myRoles).toEqual(['coordinator']);
    const body = await app.services.registry.readText(letter.id, (doc) => yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(bodyFieldName)));
    const texts = (body.content as { type: string }[]).map((block) => blockText(block));
    expect(texts[0]).toBe('Dear Commissioner, dear Executive Director,');
    expect(texts.at(-1)).toBe('Yours sincerely,');
    // Each imported paragraph's history opens with the person who imported it.
    const revisions = await app.store.history.latestRevisions(letter.id);
    expect(revisions.length).toBeGreaterThan(8);
    expect(new Set(revisions.map((revision) => revision.userId))).toEqual(new Set([app.userIds.finland]));
  });

  it('writes the heading above a file’s footnotes in the language of the person importing, which is the new letter’s', async () => {
    await app.store.accounts.setLanguage(app.userIds.latvia, 'lv');
    try {
      const file = { name: 'notes-and-odd-markdown.md', type: 'text/markdown', bytes: fixtureBytes('notes-and-odd-markdown.md') };
      const response = await upload('/api/imports', file, { title: 'Ferries', subject: '', takeAddressees: true, takeSignatories: true }, app.cookies.latvia);
      expect(response.status).toBe(201);
      const letter = letterDetailSchema.parse(await response.json());
      expect(letter.language).toBe('lv');
      const body = await app.services.registry.readText(letter.id, (doc) => yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(bodyFieldName)));
      const headings = (body.content as { type: string }[]).filter((block) => block.type === 'heading').map((block) => blockText(block));
      expect(headings).toContain('Piezīmes');
      expect(headings).not.toContain('Notes');
    } finally {
      await app.store.accounts.setLanguage(app.userIds.latvia, 'en');
    }
  });

  it('leaves addressees and signature blocks in the text when the person declines the offer', async () => {
    const response = await upload('/api/imports', fixture(), { title: 'Coastal patrols, as written' });
    const letter = letterDetailSchema.parse(await response.json());
    expect([letter.addressees, letter.signatories]).toEqual([[], []]);
    const body = await app.services.registry.readText(letter.id, (doc) => yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(bodyFieldName)));
    expect(blockText(body)).toContain('Bjørn Åsheim');
  });

  it('answers broken, oversized and mislabelled files with a clear error and creates nothing', async () => {
    const before = await letterCount();
    const options = { title: 'Should not exist' };
    const broken = await upload('/api/imports', { name: 'letter.docx', type: '', bytes: Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]) }, options);
    expect(broken.status).toBe(422);
    expect((await broken.json()).error.code).toBe('broken_file');
    const mislabelled = await upload('/api/imports', { name: 'letter.docx', type: '', bytes: fixtureBytes('coastal-patrols.md') }, options);
    expect(mislabelled.status).toBe(415);
    expect((await mislabelled.json()).error).toEqual({ code: 'unsupported_file', message: 'The file is named .docx but is not a Word document.' });
    const oversized = await upload('/api/imports', { name: 'long.md', type: 'text/markdown', bytes: new Uint8Array(app.maxImportBytes + 1).fill(0x61) }, options);
    expect(oversized.status).toBe(413);
    expect((await oversized.json()).error.message).toMatch(/The file is too large: at most 0\.1 MB/);
    const noTitle = await upload('/api/imports', fixture(), { title: '' });
    expect(noTitle.status).toBe(400);
    const noFile = await app.services.app.request('/api/imports', { method: 'POST', body: new FormData(), headers: { cookie: app.cookies.finland } });
    expect(noFile.status).toBe(400);
    expect(await letterCount()).toBe(before);
  });

  it('still limits every other request to the small body size', async () => {
    const response = await app.services.app.request('/api/letters', {
      method: 'POST',
      headers: { cookie: app.cookies.finland, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'x'.repeat(10_000) }),
    });
    expect(response.status).toBe(413);
  });
});
