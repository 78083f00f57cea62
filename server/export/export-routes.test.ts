import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureBytes } from '../../tests/fixtures/interchange/import-fixture.js';
import { useInterchangeApp } from '../../tests/fixtures/interchange/interchange-app.js';
import { letterDetailSchema } from '../../shared/api/letters.js';

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
