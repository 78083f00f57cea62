import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureBytes } from '../../tests/fixtures/interchange/import-fixture.js';
import { useInterchangeApp } from '../../tests/fixtures/interchange/interchange-app.js';
import { letterDetailSchema } from '../../shared/api/letters.js';
import { threadResponseSchema } from '../../shared/api/comments.js';
import { anchorPassage } from '../../shared/domain/comment-anchor.js';
import { currentParagraphs } from '../../shared/domain/current-paragraphs.js';
import { commentedText, docxPart, wordComments } from '../../tests/fixtures/interchange/docx-parts.js';
import { pdfPages } from '../../tests/fixtures/interchange/pdf-text.js';

const app = useInterchangeApp();
let letterId: string;

beforeAll(async () => {
  const form = new FormData();
  form.append('file', new File([fixtureBytes('coastal-patrols.md') as Uint8Array<ArrayBuffer>], 'coastal-patrols.md', { type: 'text/markdown' }));
  form.append('options', JSON.stringify({ title: 'Yhteiset partiot Itämerellä', takeAddressees: true, takeSignatories: true }));
  const response = await app.services.app.request('/api/imports', { method: 'POST', body: form, headers: { cookie: app.cookies.finland } });
  letterId = letterDetailSchema.parse(await response.json()).id;
});

const download = (query: string, cookie = app.cookies.finland) => app.services.app.request(`/api/letters/${letterId}/export${query}`, { headers: { cookie } });

describe('GET /api/letters/:letterId/export', () => {
  it('downloads Word, PDF and Markdown, named after the title, and tells the audit trail each time', async () => {
    app.exported.length = 0;
    const expected = [
      ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx', [0x50, 0x4b]],
      ['pdf', 'application/pdf', 'pdf', [0x25, 0x50, 0x44, 0x46]],
      ['markdown', 'text/markdown; charset=utf-8', 'md', [0x53]],
    ] as const;
    for (const [format, contentType, extension, magic] of expected) {
      const response = await download(`?format=${format}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(contentType);
      expect(response.headers.get('content-disposition')).toBe(
        `attachment; filename="Yhteiset partiot Itamerella.${extension}"; filename*=UTF-8''${encodeURIComponent(`Yhteiset partiot Itämerellä.${extension}`)}`,
      );
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect(Array.from(bytes.slice(0, magic.length))).toEqual(magic);
    }
    expect(app.exported.map((event) => [event.letterId, event.format, event.user.id, event.versionId])).toEqual([
      [letterId, 'docx', app.userIds.finland, undefined],
      [letterId, 'pdf', app.userIds.finland, undefined],
      [letterId, 'markdown', app.userIds.finland, undefined],
    ]);
  });

  it('exports the current text: the Markdown holds the imported body and signature blocks', async () => {
    const markdown = await (await download('?format=markdown')).text();
    expect(markdown).toContain('# Yhteiset partiot Itämerellä');
    expect(markdown).toContain('Rūta Žemaitytė-Šilienė\\\nMinister of the Interior of the Republic of Lithuania');
  });

  it('exports a saved version the same way, and says which one it is', async () => {
    app.exported.length = 0;
    const saved = await app.services.app.request(`/api/letters/${letterId}/versions`, {
      method: 'POST',
      headers: { cookie: app.cookies.finland, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Sent to capitals' }),
    });
    expect(saved.status).toBe(201);
    const { id: versionId } = (await saved.json()) as { id: string };
    const markdown = await (await download(`?format=markdown&version=${versionId}`)).text();
    expect(markdown).toContain('_Saved version “Sent to capitals”_');
    expect(markdown).toContain('Dear Commissioner, dear Executive Director,');
    expect((await download(`?format=pdf&version=${versionId}`)).status).toBe(200);
    expect(app.exported.map((event) => [event.format, event.versionId])).toEqual([
      ['markdown', versionId],
      ['pdf', versionId],
    ]);
  });

  it('refuses a second export by the same person while the first runs: 503 export_busy with Retry-After', async () => {
    app.exported.length = 0;
    const answers = await Promise.all([download('?format=pdf'), download('?format=docx')]);
    const refused = answers.filter((response) => response.status === 503);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await refused[0]!.json()).error.code).toBe('export_busy');
    expect(answers.filter((response) => response.status === 200)).toHaveLength(1);
    expect(app.exported).toHaveLength(1);
    // Once the first is done, the person may export again.
    expect((await download('?format=markdown')).status).toBe(200);
  });

  it('refuses an unknown format, a version that does not exist, and people who cannot read the letter', async () => {
    app.exported.length = 0;
    expect((await download('?format=odt')).status).toBe(400);
    expect((await download('')).status).toBe(400);
    const version = await download('?format=pdf&version=sent-to-capitals');
    expect(version.status).toBe(404);
    expect((await version.json()).error.message).toMatch(/version/);
    expect((await download('?format=pdf', app.cookies.latvia)).status).toBe(404);
    expect((await download('?format=pdf', '')).status).toBe(401);
    expect(app.exported).toEqual([]);
  });
});

describe('GET /api/letters/:letterId/export?comments=include', () => {
  const post = (path: string, body: unknown) =>
    app.services.app.request(`/api/letters/${letterId}${path}`, { method: 'POST', headers: { cookie: app.cookies.finland, 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('carries the open threads as Word comments and a PDF appendix; Markdown and resolved threads stay out', async () => {
    const { paragraph, anchor } = await app.services.registry.readText(letterId, (doc) => {
      const opening = currentParagraphs(doc).find((candidate) => candidate.text.startsWith('We write on behalf'))!;
      const from = opening.text.indexOf('four ministries');
      return { paragraph: opening, anchor: anchorPassage(doc, opening.id, from, from + 'four ministries'.length)! };
    });
    const thread = threadResponseSchema.parse(await (await post('/threads', { paragraphId: paragraph.id, anchor, body: 'Five, with Latvia? <b>&amp;</b>' })).json()).thread;
    expect((await post(`/threads/${thread.id}/comments`, { body: 'Latvia joins later.' })).status).toBe(201);
    const resolved = threadResponseSchema.parse(await (await post('/threads', { paragraphId: paragraph.id, body: 'A settled question' })).json()).thread;
    const settled = await app.services.app.request(`/api/letters/${letterId}/threads/${resolved.id}/status`, {
      method: 'PUT',
      headers: { cookie: app.cookies.finland, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'resolved' }),
    });
    expect(settled.status).toBe(200);

    const docx = new Uint8Array(await (await download('?format=docx&comments=include')).arrayBuffer());
    const comments = wordComments((await docxPart(docx, 'word/comments.xml'))!);
    expect(comments.map((comment) => [comment.author, comment.text])).toEqual([
      ['Aino Mäkelä (Finland)', 'Five, with Latvia? <b>&amp;</b>'],
      ['Aino Mäkelä (Finland)', 'Latvia joins later.'],
    ]);
    expect(commentedText((await docxPart(docx, 'word/document.xml'))!, comments[0]!.id)).toBe('four ministries');
    expect(await docxPart(new Uint8Array(await (await download('?format=docx')).arrayBuffer()), 'word/comments.xml')).toBeNull();

    const pages = await pdfPages(new Uint8Array(await (await download('?format=pdf&comments=include')).arrayBuffer()));
    const appendix = pages.at(-1)!;
    expect(appendix).toContain('Open comments and reservations');
    expect(appendix).toContain(`On words in paragraph ${paragraph.number}`);
    expect(appendix).toContain('“four ministries”');
    expect(appendix).toContain('Five, with Latvia? <b>&amp;</b>');
    expect(appendix).not.toContain('A settled question');

    const markdown = await (await download('?format=markdown&comments=include')).text();
    expect(markdown).not.toContain('Five, with Latvia?');
    expect((await download('?format=pdf&comments=everything')).status).toBe(400);
  });
});
