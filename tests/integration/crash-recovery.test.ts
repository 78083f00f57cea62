import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { appendParagraph, isCoveredBy, textParagraphs } from './harness/letter-body.js';
import { startServer } from './harness/server-process.js';
import { createLetter, signIn } from './harness/sign-in.js';
import { connectClient, joinLetter, type SyncClient } from './harness/sync-client.js';
import { withTimeout, yieldToEventLoop } from './harness/wait-for.js';

/** Confirmed tokens to wait for before the server goes down, so that it dies in the middle of a burst. */
const confirmedBeforeStop = 200;
const tokensPerTick = 5;

function stateVectorOf(doc: Y.Doc): Map<number, number> {
  return Y.decodeStateVector(Y.encodeStateVector(doc));
}

/** Resolves when the client's current socket has been closed by the other side. */
function whenConnectionLost(client: SyncClient): Promise<void> {
  const closes = client.closeCodes.length;
  return withTimeout(
    new Promise<void>((resolve) => {
      const check = () => {
        if (client.closeCodes.length === closes) return;
        client.provider.off('connection-close', check);
        resolve();
      };
      client.provider.on('connection-close', check);
    }),
    10_000,
    'the connection to drop',
  );
}

describe('INV-1 a server that dies mid-burst loses nothing it confirmed or broadcast', () => {
  it.each(['SIGKILL', 'SIGTERM'] as const)('%s while a client writes many small updates', async (signal) => {
    const server = await startServer();
    const helena = await signIn(server, 'Helena Virtanen');
    const kadri = await signIn(server, 'Kadri Tamm');
    const letterId = await createLetter(server, helena);
    const writer = connectClient(server, kadri, letterId);
    const observer = connectClient(server, helena, letterId);
    await Promise.all([writer.whenSynced(), observer.whenSynced()]);
    const text = appendParagraph(writer.doc, '').get(0) as Y.XmlText;
    await writer.whenSaved();

    // Each token is one update; `clock` is the writer's clock once it is in the document.
    const written: { token: string; clock: number }[] = [];
    let confirmedStateVector = new Map<number, number>();
    let confirmedTokens = 0;
    let reachedTarget: () => void = () => {};
    const targetReached = new Promise<void>((resolve) => (reachedTarget = resolve));
    writer.onSaved((stateVector) => {
      confirmedStateVector = new Map(stateVector);
      const clock = stateVector.get(writer.doc.clientID) ?? 0;
      while (confirmedTokens < written.length && written[confirmedTokens]!.clock <= clock) confirmedTokens++;
      if (confirmedTokens >= confirmedBeforeStop) reachedTarget();
    });
    let writing = true;
    const burst = (async () => {
      for (let i = 0; writing; i++) {
        for (let k = 0; k < tokensPerTick; k++) {
          const token = `w${i * tokensPerTick + k} `;
          text.insert(text.length, token);
          written.push({ token, clock: Y.getState(writer.doc.store, writer.doc.clientID) });
        }
        await yieldToEventLoop();
      }
    })();

    await withTimeout(targetReached, 15_000, `${confirmedBeforeStop} confirmed tokens`);
    const lost = Promise.all([whenConnectionLost(writer), whenConnectionLost(observer)]);
    await (signal === 'SIGKILL' ? server.kill() : server.stop());
    // Frames the server sent before it died may still be in flight: read them before judging.
    await lost;
    writing = false;
    await burst;
    const observed = { stateVector: stateVectorOf(observer.doc), text: observer.text };
    const writtenText = written.map(({ token }) => token).join('');
    const confirmedText = written.slice(0, confirmedTokens).map(({ token }) => token).join('');
    expect(written.length, 'the server went down with updates in flight').toBeGreaterThan(confirmedTokens);
    if (signal === 'SIGTERM') expect(writer.closeCodes).toEqual([1001]);
    writer.destroy();
    observer.destroy();

    await server.start();
    const reader = await joinLetter(server, helena, letterId);
    const recovered = textParagraphs(reader.doc)[0]!.text.toString();
    expect(isCoveredBy(confirmedStateVector, stateVectorOf(reader.doc)), 'the last confirmed state vector is covered').toBe(true);
    expect(isCoveredBy(observed.stateVector, stateVectorOf(reader.doc)), 'everything broadcast is covered').toBe(true);
    expect(recovered.startsWith(confirmedText), 'every confirmed token is there, in order').toBe(true);
    expect(recovered.startsWith(observed.text), 'everything the observer saw is there').toBe(true);
    expect(writtenText.startsWith(recovered), 'nothing else is there, and nothing is missing in between').toBe(true);
  });
});
