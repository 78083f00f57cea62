import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/protocol/close-codes.js';
import { canaryEchoes, openCanary } from './harness/canary.js';
import { appendParagraph, newParagraph, bodyOf } from './harness/letter-body.js';
import { closeOf, openRawSocket, type RawSocket, syncStep1Frame, whenReceived } from './harness/raw-socket.js';
import { useSharedServer } from './harness/server-process.js';
import { createLetter, signIn } from './harness/sign-in.js';
import { connectClient } from './harness/sync-client.js';
import { UpdateFlood } from './harness/update-flood.js';

/** The limits are in README.md, "Configuration", and shared/protocol/PROTOCOL.md, "Budgets". */
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

/** Whether the server let a socket in (it sent the letter's first message) or closed it, and with which code. */
async function outcomeOf(raw: RawSocket): Promise<'admitted' | number> {
  return Promise.race([whenReceived(raw, 1).then(() => 'admitted' as const), closeOf(raw).then(({ code }) => code)]);
}

describe('INV-13 websockets per session and per person are limited', () => {
  const server = useSharedServer({ env: { SYNC_MAX_CONNECTIONS_PER_SESSION: '3', SYNC_MAX_CONNECTIONS_PER_PERSON: '5' } });

  it('a session that opens more sockets than allowed has the extra ones closed with 4429, and gets one again once it closes one', async () => {
    const canary = await openCanary(server());
    const [helena, erik] = await Promise.all([signIn(server(), 'Helena Virtanen'), signIn(server(), 'Erik Åkesson')]);
    const letterId = await createLetter(server(), helena);
    const sockets = Array.from({ length: 3 }, () => openRawSocket(server(), letterId, { cookie: erik.cookie }));
    expect(await Promise.all(sockets.map(outcomeOf))).toEqual(['admitted', 'admitted', 'admitted']);

    const extra = Array.from({ length: 20 }, () => openRawSocket(server(), letterId, { cookie: erik.cookie }));
    const [outcomes] = await Promise.all([Promise.all(extra.map(outcomeOf)), canaryEchoes(canary, 'Written while sockets pile up.')]);
    expect(new Set(outcomes)).toEqual(new Set([CloseCode.tooManyConnections]));

    sockets[0]!.socket.close();
    await closeOf(sockets[0]!);
    // The server counts the socket out when it sees it close, which the client may learn of first.
    await expect.poll(() => outcomeOf(openRawSocket(server(), letterId, { cookie: erik.cookie }))).toBe('admitted');
  });

  it('a person with several sessions is limited across them', async () => {
    const canary = await openCanary(server());
    const helena = await signIn(server(), 'Helena Virtanen');
    const [first, second] = await Promise.all([signIn(server(), 'Jānis Bērziņš'), signIn(server(), 'Jānis Bērziņš')]);
    const letterId = await createLetter(server(), helena);
    const opened = [
      ...Array.from({ length: 3 }, () => openRawSocket(server(), letterId, { cookie: first.cookie })),
      ...Array.from({ length: 2 }, () => openRawSocket(server(), letterId, { cookie: second.cookie })),
    ];
    expect(await Promise.all(opened.map(outcomeOf))).toEqual(Array.from({ length: 5 }, () => 'admitted'));

    const sixth = openRawSocket(server(), letterId, { cookie: second.cookie });
    const [outcome] = await Promise.all([outcomeOf(sixth), canaryEchoes(canary, 'Written while one person opens too many.')]);
    expect(outcome).toBe(CloseCode.tooManyConnections);
  });
});

describe('INV-13 websockets per network address are limited', () => {
  const server = useSharedServer({ env: { SYNC_MAX_CONNECTIONS_PER_ADDRESS: '4' } });

  it('sockets beyond the limit of one address are closed with 4429, and those already open keep working', async () => {
    const canary = await openCanary(server());
    const helena = await signIn(server(), 'Helena Virtanen');
    const letterId = await createLetter(server(), helena);
    const people = await Promise.all(['Erik Åkesson', 'Jānis Bērziņš', 'Rūta Kazlauskienė'].map((name) => signIn(server(), name)));
    // The canary's two sockets and one more fill three of the four places.
    const third = openRawSocket(server(), letterId, { cookie: helena.cookie });
    expect(await outcomeOf(third)).toBe('admitted');
    const others = people.map((person) => openRawSocket(server(), letterId, { cookie: person.cookie }));
    const outcomes = await Promise.all(others.map(outcomeOf));
    expect(outcomes.filter((outcome) => outcome === 'admitted')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === CloseCode.tooManyConnections)).toHaveLength(2);
    await canaryEchoes(canary, 'Written while the address is full.');
  });
});
