import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { AuditVerification, LetterAudit } from '../../shared/api/audit.js';
import type { ParagraphHistory } from '../../shared/api/history.js';
import { appendParagraph } from './harness/letter-body.js';
import { runOperatorCommand } from './harness/operator-command.js';
import { startServer, type ServerProcess } from './harness/server-process.js';
import { apiRequest, createLetter, signIn } from './harness/sign-in.js';
import { connectClient } from './harness/sync-client.js';


/** Runs `npm run verify-audit` as an operator would, on the server's data folder. */
function runVerifier(server: ServerProcess): Promise<{ code: number | null; output: string }> {
  return runOperatorCommand('verify-audit', { DATA_DIR: server.dataDir });
}

describe('the audit trail', () => {
  it('records who did what, and the verifier names the first event changed in the database', async () => {
    const server = await startServer();
    const helena = await signIn(server, 'Helena Virtanen');
    const mette = await signIn(server, 'Mette Sørensen');
    const letterId = await createLetter(server, helena, ['fi-interior', 'dk-immigration']);
    const writer = connectClient(server, helena, letterId);
    await writer.whenSynced();
    appendParagraph(writer.doc, 'The ministers agree.', 'p-audit');
    await writer.whenSaved();
    const history = (await (await apiRequest(server, mette, 'GET', `/api/letters/${letterId}/paragraphs/p-audit/history`)).json()) as ParagraphHistory;
    const approve = { action: 'approve', hash: history.current!.hash };
    expect((await apiRequest(server, mette, 'POST', `/api/letters/${letterId}/paragraphs/p-audit/signoffs`, approve)).status).toBe(201);
    expect((await apiRequest(server, helena, 'POST', `/api/letters/${letterId}/status`, { to: 'in_review' })).status).toBe(200);

    const trail = (await (await apiRequest(server, helena, 'GET', `/api/letters/${letterId}/audit`)).json()) as LetterAudit;
    // Newest first, as the audit page shows them.
    expect(trail.events.map((event) => [event.kind, event.actor?.name])).toEqual([
      ['version_saved', 'Helena Virtanen'],
      ['status_changed', 'Helena Virtanen'],
      ['signoff_recorded', 'Mette Sørensen'],
      ['letter_created', 'Helena Virtanen'],
    ]);
    expect(trail.events[2]!.detail).toMatchObject({ paragraphId: 'p-audit', officeId: 'dk-immigration', action: 'approve' });
    expect(trail.verification).toMatchObject({ intact: true, firstBroken: null });
    expect((await apiRequest(server, mette, 'GET', `/api/letters/${letterId}/audit`)).status).toBe(403);
    const csv = await apiRequest(server, helena, 'GET', `/api/letters/${letterId}/audit.csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(await csv.text()).toContain('signoff_recorded');
    expect((await runVerifier(server)).code).toBe(0);

    // Someone with access to the database file changes one byte of a stored event.
    await server.stop();
    const db = new Database(path.join(server.dataDir, 'jointly.sqlite'));
    const row = db.prepare("SELECT seq, detail FROM audit_events WHERE kind = 'signoff_recorded'").get() as { seq: number; detail: string };
    db.prepare('UPDATE audit_events SET detail = ? WHERE seq = ?').run(row.detail.replace('approve', 'apprové'), row.seq);
    db.close();

    const verifier = await runVerifier(server);
    expect(verifier.code).toBe(1);
    expect(verifier.output).toContain(`broken at event ${row.seq}`);

    await server.start();
    const admin = await signIn(server, 'Olli Korhonen');
    const answer = (await (await apiRequest(server, admin, 'GET', '/api/admin/audit/verify')).json()) as AuditVerification;
    expect(answer).toMatchObject({ intact: false, firstBroken: { seq: row.seq } });
    expect(answer.checked).toBe(row.seq - 1);
    expect((await apiRequest(server, helena, 'GET', '/api/admin/audit/verify')).status).toBe(403);
    await server.dispose();
  });

  it('notices an event removed from the middle of the chain', async () => {
    const server = await startServer();
    await signIn(server, 'Helena Virtanen');
    await signIn(server, 'Mette Sørensen');
    await signIn(server, 'Kadri Tamm');
    await server.stop();
    const db = new Database(path.join(server.dataDir, 'jointly.sqlite'));
    db.prepare('DELETE FROM audit_events WHERE seq = 2').run();
    db.close();
    const verifier = await runVerifier(server);
    expect(verifier.code).toBe(1);
    expect(verifier.output).toContain('event 2 is missing');
    await server.dispose();
  });

  it('records every export of a letter, and of a saved version, before handing it out', async () => {
    const server = await startServer();
    const helena = await signIn(server, 'Helena Virtanen');
    const kadri = await signIn(server, 'Kadri Tamm');
    const letterId = await createLetter(server, helena, ['fi-interior', 'ee-interior']);
    const saved = await apiRequest(server, helena, 'POST', `/api/letters/${letterId}/versions`, { name: 'Draft for capitals' });
    const version = (await saved.json()) as { id: string };
    expect((await apiRequest(server, kadri, 'GET', `/api/letters/${letterId}/export?format=markdown`)).status).toBe(200);
    expect((await apiRequest(server, kadri, 'GET', `/api/letters/${letterId}/export?format=pdf&version=${version.id}`)).status).toBe(200);
    const trail = (await (await apiRequest(server, helena, 'GET', `/api/letters/${letterId}/audit`)).json()) as LetterAudit;
    const exports = trail.events.filter((event) => event.kind === 'letter_exported');
    expect(exports.map((event) => [event.actor?.name, event.detail])).toEqual([
      ['Kadri Tamm', { format: 'pdf', versionId: version.id }],
      ['Kadri Tamm', { format: 'markdown' }],
    ]);
    await server.dispose();
  });
});
