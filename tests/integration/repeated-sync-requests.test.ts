import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MessageType } from '../../shared/protocol/message-types.js';
import { appendParagraph, bodyOf, newParagraph } from './harness/letter-body.js';
import { expectOnlyObserverRefused, openObservedLetter } from './harness/observer-over-budget.js';
import { openRawSocket, type RawSocket } from './harness/raw-socket.js';
import { useSharedServer } from './harness/server-process.js';
import { connectClient, joinLetter } from './harness/sync-client.js';

/** Sync step 1 naming `clientId` at clock 1: whoever sends it is owed nearly all that client wrote. */
function craftedSyncStep1(clientId: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep1);
  encoding.writeVarUint8Array(encoder, Y.encodeStateVector(new Map([[clientId, 1]])));
  return encoding.toUint8Array(encoder);
}

/** The sync step 2 replies a raw socket has received, as updates. */
function repliesTo(raw: RawSocket): Uint8Array[] {
  return raw.received.flatMap((frame) => {
    const decoder = decoding.createDecoder(frame);
    if (decoding.readVarUint(decoder) !== MessageType.sync) return [];
    if (decoding.readVarUint(decoder) !== syncProtocol.messageYjsSyncStep2) return [];
    return [decoding.readVarUint8Array(decoder)];
  });
}

/** SYNC_RESYNC_BYTES_PER_SECOND: README.md, "Configuration", and shared/protocol/PROTOCOL.md, "Budgets". */
describe('INV-13 sync step 1 asked again on one socket draws from that connection’s budget (default budgets)', () => {
  const server = useSharedServer();

  it('a reader repeating sync step 1 with a crafted state vector gets the letter once and is closed with 1013; editors of the letter and of another keep getting their edits; the reader reconnecting gets the letter again', async () => {
    const letter = await openObservedLetter(server());
    const { letterId, writer, observer: janis } = letter;
    // About 300 kB of text by one writer: a state vector naming that writer at clock 1 is owed nearly all of it.
    const paragraphs = Array.from({ length: 150 }, (_, index) => newParagraph(`Paragraph ${index} `.padEnd(2000, 'lorem ipsum ')));
    writer.doc.transact(() => bodyOf(writer.doc).insert(0, paragraphs));
    await writer.whenSaved();
    const colleague = await joinLetter(server(), letter.colleague, letterId);

    const reader = openRawSocket(server(), letterId, { cookie: janis.cookie });
    await reader.opened;
    const crafted = craftedSyncStep1(writer.doc.clientID);
    reader.socket.send(crafted);
    await expect.poll(() => repliesTo(reader).length, { timeout: 10_000 }).toBe(1);
    for (let ask = 0; ask < 50; ask++) reader.socket.send(crafted);

    await expectOnlyObserverRefused(server(), letter, reader, colleague, 'Written while a reader asks again and again.');
    const replies = repliesTo(reader);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.length).toBeGreaterThan(250_000);

    // A new socket's first request is free: a stock client reconnecting gets the whole letter as before.
    const again = connectClient(server(), janis, letterId);
    await again.whenSynced();
    expect(again.xml).toBe(writer.xml);
    appendParagraph(writer.doc, 'Written after the reader came back.');
    await expect.poll(() => again.text, { timeout: 10_000 }).toContain('Written after the reader came back.');
    expect(again.closeCodes).toEqual([]);
  });
});
