import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { appendParagraph, textParagraphs } from './harness/letter-body.js';
import { startServer } from './harness/server-process.js';
import { createLetter, signIn } from './harness/sign-in.js';
import { connectClient, joinLetter } from './harness/sync-client.js';

describe('BUSY a store locked by another process', () => {
  it('BUSY-1 an edit made while the SQLite write lock is held waits, and is confirmed once the lock goes, on the same connection', async () => {
    const server = await startServer();
    const helena = await signIn(server, 'Helena Virtanen');
    const letterId = await createLetter(server, helena);
    const writer = connectClient(server, helena, letterId);
    onTestFinished(() => writer.destroy());
    await writer.whenSynced();

    const lock = new Database(path.join(server.dataDir, 'jointly.sqlite'));
    onTestFinished(() => {
      lock.close();
    });
    lock.exec('BEGIN IMMEDIATE');
    appendParagraph(writer.doc, 'Typed while the store is locked.');
    await expect
      .poll(() => server.logs.filter((line) => ['the database is locked by another writer; store calls wait for it', 'commit failed; closing room'].includes(line.msg)).length, { timeout: 15_000 })
      .toBeGreaterThan(0);
    lock.exec('ROLLBACK');

    await writer.whenSaved();
    expect(writer.closeCodes, 'the connection was not closed for it').toEqual([]);
    const reader = await joinLetter(server, helena, letterId);
    expect(textParagraphs(reader.doc).map(({ text }) => text.toString())).toEqual(['Typed while the store is locked.']);
  });
});
