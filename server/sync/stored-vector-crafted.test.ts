import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/protocol/close-codes.js';
import { MessageType } from '../../shared/protocol/message-types.js';
import { bodyXml, changeOf, newParagraph } from '../../tests/integration/harness/letter-body.js';
import type { Store } from '../store/store.js';
import { ProtocolViolation } from './protocol-violation.js';
import { loadTestRoom, testMember, updateFrame } from './test-room.js';

const helena = testMember('6f1f0f7e-0d6b-4b8f-9a51-2f4d5c1b7a10', 'Helena');
const kadri = testMember('3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a98', 'Kadri');
const mette = testMember('7a1c2b3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', 'Mette');
const idleMs = 120_000;

function syncFrame(step: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** The state vector of the server's sync step 1 among `sent`. */
function serverStep1(sent: Uint8Array[]): Uint8Array {
  for (const message of sent) {
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) !== MessageType.sync) continue;
    if (decoding.readVarUint(decoder) === syncProtocol.messageYjsSyncStep1) return decoding.readVarUint8Array(decoder);
  }
  throw new Error('no sync step 1 was sent');
}

/** An update, written by hand, of one GC range of `client` from `clock`: what no editor sends. */
function gcRange(client: number, clock: number, length: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1); // one client
  encoding.writeVarUint(encoder, 1); // one struct
  encoding.writeVarUint(encoder, client);
  encoding.writeVarUint(encoder, clock);
  encoding.writeUint8(encoder, 0); // GC
  encoding.writeVarUint(encoder, length);
  encoding.writeVarUint(encoder, 0); // no deletions
  return encoding.toUint8Array(encoder);
}

describe('the state vector the server tells joiners, against crafted updates', () => {
  it('SYNC-SV1 updates with skipped ranges, ranges out of order or GC ranges beyond the text are refused, and not kept when relayed; after sleeping, the vector is what is stored and an offline edit arrives whole', async () => {
    const stored: Uint8Array[] = [];
    const text = {
      loadText: async () => ({ snapshot: null, updates: [...stored], lastSeq: stored.length, clientOwners: new Map(), generation: 'original' }),
      loadTextSince: async (_letterId: string, afterSeq: number) => ({ updates: stored.slice(afterSeq), lastSeq: stored.length, clientOwners: new Map() }),
    } as unknown as Store['text'];
    const { room, connect, commitAll } = await loadTestRoom({ store: { text } });
    const commit = () => commitAll((entries) => stored.push(...entries.map((entry) => entry.update)));
    const helenaTab = connect(helena);
    const editor = new Y.Doc();
    room.receive(helenaTab.connection, updateFrame(changeOf(editor, (body) => body.insert(0, [newParagraph('The ministers agree.', 'p1')]))));
    commit();

    // Kadri's tab holds the letter and edits offline.
    const offline = new Y.Doc();
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(editor));
    changeOf(offline, (body) => ((body.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Today '));

    // Mette writes three changes and sends crafted mixes of them.
    const hers = new Y.Doc();
    Y.applyUpdate(hers, Y.encodeStateAsUpdate(editor));
    const changes = ['one ', 'two ', 'three '].map((word) => changeOf(hers, (body) => ((body.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, word)));
    const crafted = [
      Y.mergeUpdates([changes[0]!, changes[2]!]),
      changes[2]!,
      gcRange(hers.clientID, 40, 5),
      gcRange(editor.clientID, Y.getState(room.doc.store, editor.clientID) + 3, 1_000),
    ];
    const refusals = crafted.map((update) => {
      const socket = connect(mette);
      room.receive(socket.connection, syncFrame(syncProtocol.messageYjsSyncStep2, Y.encodeStateAsUpdate(new Y.Doc())));
      try {
        room.receive(socket.connection, updateFrame(update));
        return null;
      } catch (error) {
        return error instanceof ProtocolViolation ? error.code : error;
      }
    });
    expect(refusals).toEqual(crafted.map(() => CloseCode.updateRefused));
    commit();
    // The same mixes relayed as if another instance had committed them: not kept, the store is read instead.
    for (const update of crafted) room.applyCommitted(update, []);
    await room.catchUp();

    expect(await room.sleep(idleMs, Date.now() + idleMs)).toBe(true);
    const kadriSocket = connect(kadri);
    const vector = serverStep1(kadriSocket.sent);
    const storedDoc = new Y.Doc();
    for (const update of stored) Y.applyUpdate(storedDoc, update);
    expect(Y.decodeStateVector(vector)).toEqual(Y.decodeStateVector(Y.encodeStateVector(storedDoc)));

    room.receive(kadriSocket.connection, syncFrame(syncProtocol.messageYjsSyncStep2, Y.encodeStateAsUpdate(offline, vector)));
    commit();
    const after = new Y.Doc();
    for (const update of stored) Y.applyUpdate(after, update);
    expect(bodyXml(after)).toBe(bodyXml(offline));
  });
});
