import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { appendParagraph, bodyXml, isCoveredBy, textParagraphs } from './harness/letter-body.js';
import { Balancing } from './harness/load-balancer.js';
import { editRandomly } from './harness/random-edit.js';
import { startLoadBalancer, useScaledDeployment } from './harness/scaled-deployment.js';
import { SeededRandom } from './harness/seeded-random.js';
import { createLetter, signIn } from './harness/sign-in.js';
import { connectClient, type SyncClient } from './harness/sync-client.js';
import { readStoredLetter, readStoredLetterOnceItReads } from './harness/stored-letter.js';
import { yieldToEventLoop } from './harness/wait-for.js';
import { WriteBurst, burstServerEnv, whenConnectionLost } from './harness/write-burst.js';

/**
 * Tokens written but not yet confirmed, at most: enough that the server always goes down with
 * updates in flight, few enough that a busy machine's server is not buried under a backlog.
 */
const maxInFlight = 300;

const confirmedBeforeKill = 200;

function stateVectorOf(doc: Y.Doc): Map<number, number> {
  return Y.decodeStateVector(Y.encodeStateVector(doc));
}

function expectConverged(clients: SyncClient[]): Promise<void> {
  return expect.poll(() => new Set(clients.map((client) => client.xml)).size, { timeout: 15_000 }).toBe(1);
}

// Each test starts its own two instances (they are broken on purpose), which takes a while on a busy machine.
describe('SCALE faults: an instance or Redis goes away', { timeout: 120_000 }, () => {
  const deploy = useScaledDeployment();

  it('SCALE-5 an instance killed mid-burst loses nothing it confirmed; its clients carry on through the other instance', async () => {
    const { instances, databaseUrl } = await deploy(2, burstServerEnv);
    const [doomed, survivor] = instances as [typeof instances[0], typeof instances[0]];
    const helena = await signIn(survivor, 'Helena Virtanen');
    const kadri = await signIn(survivor, 'Kadri Tamm');
    const mette = await signIn(survivor, 'Mette Sørensen');
    const letterId = await createLetter(survivor, helena);
    // Through the balancer, every connection goes to the first instance while it lives.
    const balancer = await startLoadBalancer(instances, Balancing.firstAvailable);
    const writer = connectClient(doomed, kadri, letterId, { syncUrl: balancer.syncUrl });
    const neighbour = connectClient(doomed, mette, letterId, { syncUrl: balancer.syncUrl });
    const observer = connectClient(survivor, helena, letterId);
    await Promise.all([writer, neighbour, observer].map((client) => client.whenSynced()));
    const text = appendParagraph(writer.doc, '').get(0) as Y.XmlText;
    await writer.whenSaved();

    const burst = new WriteBurst(writer, text, { maxInFlight: maxInFlight });
    await burst.confirmed(confirmedBeforeKill);
    const lost = Promise.all([whenConnectionLost(writer), whenConnectionLost(neighbour)]);
    await doomed.kill();
    await lost;
    // Hold the writer back until the store has been read: its own resending must not hide a loss.
    writer.disconnect();
    await burst.stop();
    expect(burst.written.length, 'the instance died with updates in flight').toBeGreaterThan(burst.confirmedTokens);

    const stored = await readStoredLetter(databaseUrl, letterId);
    const storedText = textParagraphs(stored)[0]!.text.toString();
    expect(isCoveredBy(burst.confirmedStateVector, stateVectorOf(stored)), 'every confirmed update is in PostgreSQL').toBe(true);
    expect(storedText.startsWith(burst.confirmedText), 'every confirmed token is stored, in order').toBe(true);
    expect(isCoveredBy(stateVectorOf(observer.doc), stateVectorOf(stored)), 'the other instance relayed only stored text').toBe(true);

    writer.connect();
    await Promise.all([writer.whenSynced(), neighbour.whenSynced()]);
    await writer.whenSaved();
    await expectConverged([writer, neighbour, observer]);
    expect(textParagraphs(observer.doc)[0]!.text.toString()).toBe(burst.writtenText);
  });

  it('SCALE-6 edits made while Redis restarts converge once it is back, and none is refused', async () => {
    const { instances, redis, databaseUrl } = await deploy(2);
    const [first, second] = instances as [typeof instances[0], typeof instances[0]];
    const helena = await signIn(first, 'Helena Virtanen');
    const letterId = await createLetter(first, helena);
    const sessions = await Promise.all(['Kadri Tamm', 'Mette Sørensen', 'Jānis Bērziņš', 'Rūta Kazlauskienė'].map((name) => signIn(first, name)));
    const clients = sessions.map((session, i) => connectClient(i % 2 === 0 ? first : second, session, letterId));
    await Promise.all(clients.map((client) => client.whenSynced()));
    appendParagraph(clients[0]!.doc, 'Opening paragraph. ');
    await clients[0]!.whenSaved();

    const random = new SeededRandom(424_242);
    const editFor = async (rounds: number) => {
      for (let round = 0; round < rounds; round++) {
        for (const client of clients) for (let i = random.int(3); i > 0; i--) editRandomly(client.doc, random);
        await yieldToEventLoop();
      }
      await Promise.all(clients.map((client) => client.whenSaved()));
    };
    await editFor(20);
    await redis.stop();
    await editFor(30);
    await redis.start();
    await editFor(20);

    await expectConverged(clients);
    const stored = await readStoredLetterOnceItReads(databaseUrl, letterId, clients[0]!.xml);
    expect(bodyXml(stored), 'the store holds the converged letter').toBe(clients[0]!.xml);
    for (const client of clients) expect(client.closeCodes).toEqual([]);
  });
});
