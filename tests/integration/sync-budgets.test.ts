import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/protocol/close-codes.js';
import { canaryEchoes, openCanary } from './harness/canary.js';
import { appendParagraph, newParagraph, bodyOf } from './harness/letter-body.js';
import { closeOf, openRawSocket, syncStep1Frame, whenReceived } from './harness/raw-socket.js';
import { useSharedServer } from './harness/server-process.js';
import { createLetter, signIn } from './harness/sign-in.js';
import { connectClient } from './harness/sync-client.js';
import { UpdateFlood } from './harness/update-flood.js';

/**
 * The limits are in README.md, "Configuration", and shared/protocol/PROTOCOL.md, "Budgets". These are
 * the connection's own budgets, so they hold as written on two instances too (`npm run test:scaled`).
 */
describe('INV-13 one connection over its budget is slowed or refused alone (default budgets)', () => {
  const server = useSharedServer();

  it('a client flooding a letter with one-character updates is closed with 1013, while editors of another letter keep working', async () => {
    const canary = await openCanary(server());
    const [helena, erik] = await Promise.all([signIn(server(), 'Helena Virtanen'), signIn(server(), 'Erik Åkesson')]);
    const letterId = await createLetter(server(), helena);
    const flooder = connectClient(server(), erik, letterId);
    await flooder.whenSynced();
    const text = appendParagraph(flooder.doc, '').get(0) as Y.XmlText;
    await flooder.whenSaved();

    let canaryDone = false;
    const flood = new UpdateFlood(flooder, text, () => canaryDone && flooder.closeCodes.length > 0, 60_000);
    await canaryEchoes(canary, 'Written while another letter is flooded.');
    const echoedDuringFlood = flood.isRunning;
    canaryDone = true;
    await flood.done;

    expect(echoedDuringFlood, 'the canary edit arrived only after the flood had ended').toBe(true);
    expect(flooder.closeCodes[0]).toBe(CloseCode.tryAgainLater);
  });
});

/**
 * Asking for the whole letter again and again is the quickest way to fill a socket's buffer; the
 * budget for asking again (SYNC_RESYNC_BYTES_PER_SECOND, see repeated-sync-requests.test.ts) would
 * close the connection first, so it is off here.
 */
describe('INV-13 a socket that does not read is dropped (no budget for asking again)', () => {
  const server = useSharedServer({ env: { SYNC_RESYNC_BYTES_PER_SECOND: '0' } });

  it('a client that stops reading while it asks for the whole letter again and again is dropped, while editors of another letter keep working', async () => {
    const canary = await openCanary(server());
    const [helena, erik] = await Promise.all([signIn(server(), 'Helena Virtanen'), signIn(server(), 'Erik Åkesson')]);
    const letterId = await createLetter(server(), helena);
    const writer = connectClient(server(), helena, letterId);
    await writer.whenSynced();
    // About 300 kB of text, so that each answer to the reader is large.
    const paragraphs = Array.from({ length: 150 }, (_, index) => newParagraph(`Paragraph ${index} `.padEnd(2000, 'lorem ipsum ')));
    writer.doc.transact(() => bodyOf(writer.doc).insert(0, paragraphs));
    await writer.whenSaved();

    const reader = openRawSocket(server(), letterId, { cookie: erik.cookie });
    await whenReceived(reader, 1);
    reader.socket.pause();
    const askForEverything = syncStep1Frame(new Y.Doc());
    for (let i = 0; i < 100; i++) reader.socket.send(askForEverything);

    await Promise.all([
      canaryEchoes(canary, 'Written while a reader does not read.'),
      expect.poll(() => server().logsWith('dropping a connection that does not read').length, { timeout: 10_000 }).toBe(1),
    ]);
    reader.socket.resume();
    // Dropped without a close handshake the client would never have read.
    expect((await closeOf(reader)).code).toBe(1006);
    expect(writer.closeCodes).toEqual([]);
  });
});
