import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { appendParagraph, textParagraphs } from './harness/letter-body.js';
import { startServer } from './harness/server-process.js';
import { createLetter, signIn } from './harness/sign-in.js';
import { connectClient, joinLetter } from './harness/sync-client.js';

describe('SHUT shutdown has a deadline', () => {
  it('SHUT-1 SIGTERM while another process holds the SQLite write lock: exit code 1 after the deadline, naming what was pending; nothing confirmed is lost', async () => {
    const server = await startServer({ env: { SHUTDOWN_DEADLINE_SECONDS: '2' } });
    const helena = await signIn(server, 'Helena Virtanen');
    const letterId = await createLetter(server, helena);
    const writer = connectClient(server, helena, letterId);
    onTestFinished(() => writer.destroy());
    await writer.whenSynced();
    appendParagraph(writer.doc, 'Confirmed before the lock.');
    await writer.whenSaved();

    // An operator's backup tool, say, holding the database's write lock.
    const lock = new Database(path.join(server.dataDir, 'jointly.sqlite'));
    onTestFinished(() => {
      lock.close();
    });
    lock.exec('BEGIN IMMEDIATE');
    appendParagraph(writer.doc, 'Typed while the store is locked.');
    await expect
      .poll(() => server.logs.filter((line) => ['the store is busy; the commit waits', 'commit failed; closing room'].includes(line.msg)).length, { timeout: 15_000 })
      .toBeGreaterThan(0);

    expect(await server.stop()).toEqual([1]);
    const deadline = server.logs.find((line) => line.msg.startsWith('shutdown deadline passed'));
    expect(deadline, 'a log line names what was still pending').toMatchObject({ pendingUpdates: 1, letterIds: [letterId] });
    lock.exec('ROLLBACK');
    writer.destroy();

    await server.start();
    const reader = await joinLetter(server, helena, letterId);
    expect(textParagraphs(reader.doc)[0]?.text.toString()).toBe('Confirmed before the lock.');
  });
});
