import { describe, expect, it } from 'vitest';
import { appendParagraph, textParagraphs } from './harness/letter-body.js';
import { editRandomly } from './harness/random-edit.js';
import { SeededRandom } from './harness/seeded-random.js';
import { useSharedServer } from './harness/server-process.js';
import { createLetter, signIn } from './harness/sign-in.js';
import { connectClient, joinLetter, type SyncClient } from './harness/sync-client.js';
import { yieldToEventLoop } from './harness/wait-for.js';

/**
 * The seed fixes the edit script and the disconnects; how frames interleave on the wire still
 * varies from run to run. Replay a failing script with JOINTLY_SEED=<seed shown in the test name>.
 */
const seeds = process.env.JOINTLY_SEED ? [Number(process.env.JOINTLY_SEED)] : [20_240_611, 7_919, 424_242];
const rounds = 120;
const editorNames = ['Mette Sørensen', 'Kadri Tamm', 'Jānis Bērziņš', 'Rūta Kazlauskienė'];

function expectNoRefusals(clients: SyncClient[]): void {
  for (const client of clients) expect(client.closeCodes).toEqual([]);
}

describe('INV-1 concurrent editing', () => {
  const server = useSharedServer();

  it.each(seeds)('four editors with dropped connections converge, and a late joiner sees the same letter (seed %i)', async (seed) => {
    const random = new SeededRandom(seed);
    const coordinator = await signIn(server(), 'Helena Virtanen');
    const letterId = await createLetter(server(), coordinator);
    const sessions = await Promise.all(editorNames.map((name) => signIn(server(), name)));
    const clients = sessions.map((session) => connectClient(server(), session, letterId));
    await Promise.all(clients.map((client) => client.whenSynced()));
    for (let i = 0; i < 3; i++) appendParagraph(clients[0]!.doc, `Opening paragraph ${i}. `);
    await clients[0]!.whenSaved();

    for (let round = 0; round < rounds; round++) {
      for (const client of clients) {
        const edits = random.int(3);
        if (random.chance(0.2)) client.doc.transact(() => Array.from({ length: edits + 1 }, () => editRandomly(client.doc, random)));
        else for (let i = 0; i < edits; i++) editRandomly(client.doc, random);
        if (client.provider.shouldConnect && random.chance(0.04)) client.disconnect();
        else if (!client.provider.shouldConnect && random.chance(0.25)) client.connect();
      }
      // Let frames cross on the wire so that edits are concurrent, not serialised.
      await yieldToEventLoop();
      if (round % 15 === 14) {
        const online = clients.filter((client) => client.isSynced);
        if (online.length > 0) await random.pick(online).whenSaved();
      }
    }

    for (const client of clients) client.connect();
    await Promise.all(clients.map((client) => client.whenSynced()));
    await Promise.all(clients.map((client) => client.whenSaved()));
    // Every client holds its own edits confirmed; now each must also have received everyone else's.
    await expect.poll(() => new Set(clients.map((client) => client.xml)).size, { timeout: 10_000 }).toBe(1);
    const converged = clients[0]!.xml;

    const lateJoiner = await joinLetter(server(), coordinator, letterId);
    expect(lateJoiner.xml).toBe(converged);
    expect(textParagraphs(lateJoiner.doc).length).toBeGreaterThan(3);
    // The server's reasons first: they say more than the close codes a failure would show alone.
    expect(server().logsWith('closing connection').filter((line) => line.letterId === letterId)).toEqual([]);
    expectNoRefusals([...clients, lateJoiner]);
  });
});
