import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { appendParagraph, bodyOf, newParagraph, textParagraphs } from './harness/letter-body.js';
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

/** One random edit of the kinds the editor makes: typing, deleting, new paragraphs, marks and links. */
function editRandomly(doc: Y.Doc, random: SeededRandom): void {
  const paragraphs = textParagraphs(doc);
  const roll = random.next();
  if (paragraphs.length === 0 || roll < 0.12) {
    bodyOf(doc).insert(random.int(bodyOf(doc).length + 1), [newParagraph(`${random.word()} `)]);
    return;
  }
  const { paragraph, text } = random.pick(paragraphs);
  if (roll < 0.55) {
    text.insert(random.int(text.length + 1), `${random.word()} `);
  } else if (roll < 0.75) {
    if (text.length === 0) return;
    const start = random.int(text.length);
    text.delete(start, 1 + random.int(Math.min(8, text.length - start)));
  } else if (roll < 0.85) {
    if (text.length === 0) return;
    const start = random.int(text.length);
    const mark = random.pick(['bold', 'italic'] as const);
    text.format(start, 1 + random.int(text.length - start), { [mark]: random.chance(0.7) ? {} : null });
  } else if (roll < 0.93) {
    text.insert(random.int(text.length + 1), random.word(), { link: { href: `https://example.eu/${random.word()}` } });
  } else if (paragraphs.length > 2) {
    const body = bodyOf(doc);
    body.delete(body.toArray().indexOf(paragraph), 1);
  }
}

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
    expectNoRefusals([...clients, lateJoiner]);
    expect(server().logsWith('closing connection').filter((line) => line.letterId === letterId)).toEqual([]);
  });
});
