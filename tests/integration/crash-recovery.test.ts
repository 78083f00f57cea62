import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { appendParagraph, isCoveredBy, textParagraphs } from './harness/letter-body.js';
import { startServer } from './harness/server-process.js';
import { createLetter, signIn } from './harness/sign-in.js';
import { connectClient, joinLetter } from './harness/sync-client.js';
import { WriteBurst, burstServerEnv, whenConnectionLost } from './harness/write-burst.js';

/**
 * Tokens written but not yet confirmed, at most: enough that the server always goes down with
 * updates in flight, few enough that a busy machine's server is not buried under a backlog.
 */
const maxInFlight = 300;

/** Confirmed tokens to wait for before the server goes down, so that it dies in the middle of a burst. */
const confirmedBeforeStop = 200;

function stateVectorOf(doc: Y.Doc): Map<number, number> {
  return Y.decodeStateVector(Y.encodeStateVector(doc));
}

describe('INV-1 a server that dies mid-burst loses nothing it confirmed or broadcast', () => {
  it.each(['SIGKILL', 'SIGTERM'] as const)('%s while a client writes many small updates', async (signal) => {
    const server = await startServer({ env: burstServerEnv });
    const helena = await signIn(server, 'Helena Virtanen');
    const kadri = await signIn(server, 'Kadri Tamm');
    const letterId = await createLetter(server, helena);
    const writer = connectClient(server, kadri, letterId);
    const observer = connectClient(server, helena, letterId);
    await Promise.all([writer.whenSynced(), observer.whenSynced()]);
    const text = appendParagraph(writer.doc, '').get(0) as Y.XmlText;
    await writer.whenSaved();

    const burst = new WriteBurst(writer, text, { maxInFlight: maxInFlight });
    await burst.confirmed(confirmedBeforeStop);
    const lost = Promise.all([whenConnectionLost(writer), whenConnectionLost(observer)]);
    await (signal === 'SIGKILL' ? server.kill() : server.stop());
    // Frames the server sent before it died may still be in flight: read them before judging.
    await lost;
    await burst.stop();
    const observed = { stateVector: stateVectorOf(observer.doc), text: observer.text };
    expect(burst.written.length, 'the server went down with updates in flight').toBeGreaterThan(burst.confirmedTokens);
    // Scaled out, the client may reconnect to another instance that is going down too: only the first close is clean.
    if (signal === 'SIGTERM') expect(writer.closeCodes[0]).toBe(1001);
    writer.destroy();
    observer.destroy();

    await server.start();
    const reader = await joinLetter(server, helena, letterId);
    const recovered = textParagraphs(reader.doc)[0]!.text.toString();
    expect(isCoveredBy(burst.confirmedStateVector, stateVectorOf(reader.doc)), 'the last confirmed state vector is covered').toBe(true);
    expect(isCoveredBy(observed.stateVector, stateVectorOf(reader.doc)), 'everything broadcast is covered').toBe(true);
    expect(recovered.startsWith(burst.confirmedText), 'every confirmed token is there, in order').toBe(true);
    expect(recovered.startsWith(observed.text), 'everything the observer saw is there').toBe(true);
    expect(burst.writtenText.startsWith(recovered), 'nothing else is there, and nothing is missing in between').toBe(true);
  });
});
