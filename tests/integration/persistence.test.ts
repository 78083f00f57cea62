import { describe, expect, it } from 'vitest';
import { appendParagraph, textParagraphs } from './harness/letter-body.js';
import { startServer, type ServerProcess } from './harness/server-process.js';
import { createLetter, findDemoLetterId, signIn, type Session } from './harness/sign-in.js';
import { connectClient, joinLetter } from './harness/sync-client.js';

/** What the store holds for a letter, read while the server is stopped. */
async function storedTextOf(server: ServerProcess, letterId: string) {
  const store = await server.openStore();
  try {
    return await store.text.loadText(letterId);
  } finally {
    await store.close();
  }
}

/** Two people write, format and delete; resolves once all of it is confirmed saved. */
async function writeTogether(server: ServerProcess, letterId: string, sessions: [Session, Session], label: string): Promise<string> {
  const [first, second] = sessions.map((session) => connectClient(server, session, letterId));
  await Promise.all([first!.whenSynced(), second!.whenSynced()]);
  for (let i = 0; i < 12; i++) {
    appendParagraph(first!.doc, `${label}: first writer, paragraph ${i}.`);
    appendParagraph(second!.doc, `${label}: second writer, paragraph ${i}.`);
  }
  await Promise.all([first!.whenSaved(), second!.whenSaved()]);
  await expect.poll(() => first!.xml === second!.xml).toBe(true);
  const [opening] = textParagraphs(first!.doc);
  opening!.text.format(0, 5, { bold: {} });
  opening!.text.insert(0, 'Amended. ', { italic: {} });
  textParagraphs(second!.doc).at(-1)!.text.delete(0, 5);
  await Promise.all([first!.whenSaved(), second!.whenSaved()]);
  await expect.poll(() => first!.xml === second!.xml).toBe(true);
  const saved = first!.xml;
  first!.destroy();
  second!.destroy();
  return saved;
}

describe('INV-1 what was confirmed saved survives a restart', () => {
  it('after SIGTERM and a start on the same data folder, the letter is exactly what was saved', async () => {
    const server = await startServer();
    const helena = await signIn(server, 'Helena Virtanen');
    const jaanis = await signIn(server, 'Jānis Bērziņš');
    const letterId = await createLetter(server, helena);
    const demoLetterId = await findDemoLetterId(server, helena);
    const demoBefore = (await joinLetter(server, helena, demoLetterId)).xml;
    const saved = await writeTogether(server, letterId, [helena, jaanis], 'Before restart');

    await server.stop();
    await server.start();

    // Sessions live in the store too: the same cookie still works after the restart.
    const reader = await joinLetter(server, helena, letterId);
    expect(reader.xml).toBe(saved);
    expect(reader.xml).toContain('<italic>Amended. </italic><bold>Befor</bold>e restart');
    expect((await joinLetter(server, helena, demoLetterId)).xml).toBe(demoBefore);
  });

  it('with COMPACT_AFTER_UPDATES=5, updates are merged into a snapshot and the letter survives it, twice', async () => {
    const server = await startServer({ env: { COMPACT_AFTER_UPDATES: '5' } });
    const helena = await signIn(server, 'Helena Virtanen');
    const ingrid = await signIn(server, 'Ingrid Løvås');
    const letterId = await createLetter(server, helena);

    const firstRound = await writeTogether(server, letterId, [helena, ingrid], 'First round');
    await server.stop();
    const afterFirst = await storedTextOf(server, letterId);
    expect(afterFirst.snapshot).not.toBeNull();
    expect(afterFirst.updates.length).toBeLessThan(5);
    await server.start();
    expect((await joinLetter(server, helena, letterId)).xml).toBe(firstRound);

    // A second round compacts on top of the first snapshot.
    const secondRound = await writeTogether(server, letterId, [helena, ingrid], 'Second round');
    expect(secondRound).toContain('First round: first writer, paragraph 5.');
    await server.stop();
    const afterSecond = await storedTextOf(server, letterId);
    expect(afterSecond.updates.length).toBeLessThan(5);
    expect(afterSecond.lastSeq).toBeGreaterThan(afterFirst.lastSeq);
    await server.start();
    expect((await joinLetter(server, helena, letterId)).xml).toBe(secondRound);
  });
});
