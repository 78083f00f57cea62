import { describe, expect, it } from 'vitest';
import { ErrorCode, errorResponseSchema } from '../../shared/api/errors.js';
import { letterDetailSchema } from '../../shared/api/letters.js';
import { startServer, type ServerProcess } from './harness/server-process.js';
import { signIn, type Session } from './harness/sign-in.js';

/** Paragraphs of the long letter: enough that writing its PDF takes the server seconds, within what an import accepts. */
const paragraphCount = 4_000;

/** Creates a letter of `paragraphCount` paragraphs by importing it as Markdown. */
async function importLongLetter(server: ServerProcess, session: Session): Promise<string> {
  const paragraphs = Array.from({ length: paragraphCount }, (_, i) => `Paragraph ${i + 1}: the parties share patrol schedules every week.`);
  const markdown = `# A very long letter\n\n${paragraphs.join('\n\n')}\n`;
  const form = new FormData();
  form.append('file', new File([markdown], 'long-letter.md', { type: 'text/markdown' }));
  form.append('options', JSON.stringify({ title: 'A very long letter', takeAddressees: false, takeSignatories: false }));
  const response = await fetch(`${server.httpUrl}/api/imports`, { method: 'POST', body: form, headers: { cookie: session.cookie, origin: server.httpUrl } });
  if (response.status !== 201) throw new Error(`POST /api/imports answered ${response.status}: ${await response.text()}`);
  return letterDetailSchema.parse(await response.json()).id;
}

describe('an export runs off the event loop', () => {
  it('while a long letter is written as PDF, a second export by the same person gets 503 and health checks keep answering', async () => {
    const server = await startServer();
    const session = await signIn(server);
    const letterId = await importLongLetter(server, session);
    const exportPdf = () => fetch(`${server.httpUrl}/api/letters/${letterId}/export?format=pdf`, { headers: { cookie: session.cookie } });

    const pending = new Set<Promise<Response>>();
    const track = (request: Promise<Response>) => {
      pending.add(request);
      void request.finally(() => pending.delete(request)).catch(() => undefined);
      return request;
    };
    const exports = [track(exportPdf()), track(exportPdf())];
    // The first answer is the refusal: the other export is still being written.
    const refused = await Promise.race(exports);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(errorResponseSchema.parse(await refused.json()).error.code).toBe(ErrorCode.exportBusy);

    const health = await fetch(`${server.httpUrl}/api/health`);
    expect(health.status).toBe(200);
    // The health check answered before the export did.
    expect(pending.size).toBe(1);

    const written = await Promise.all(exports).then((answers) => answers.find((answer) => answer !== refused)!);
    expect(written.status).toBe(200);
    const bytes = new Uint8Array(await written.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
  }, 120_000); // A long letter on a shared machine may take a while to write: the order is what counts.
});
