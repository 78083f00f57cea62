import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { bodyFieldName } from '../../shared/domain/editor-extensions.js';
import { MessageType } from '../../shared/protocol/message-types.js';
import { changeOf } from '../../tests/integration/harness/letter-body.js';
import type { Store } from '../store/store.js';
import { ProtocolViolation } from './protocol-violation.js';
import { StoredBytes } from './stored-bytes.js';
import { loadTestRoom, testMember, updateFrame } from './test-room.js';

const helena = testMember('6f1f0f7e-0d6b-4b8f-9a51-2f4d5c1b7a10', 'Helena');
const mette = testMember('7a1c2b3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', 'Mette');

/** A letter stored as a snapshot of two paragraphs and two updates after it, as the store keeps it. */
function storedLetter() {
  const author = new Y.Doc();
  const body = author.getXmlFragment(bodyFieldName);
  const paragraphs = ['p1', 'p2'].map((id) => {
    const element = new Y.XmlElement('paragraph');
    element.setAttribute('id', id);
    element.insert(0, [new Y.XmlText()]);
    return element;
  });
  body.insert(0, paragraphs);
  const snapshot = Y.encodeStateAsUpdate(author);
  const updates = ['The ministers agree.', 'They sign together.'].map((text, index) => changeOf(author, () => (paragraphs[index]!.get(0) as Y.XmlText).insert(0, text)));
  const text = {
    loadText: async () => ({ snapshot, updates, lastSeq: 2, clientOwners: new Map([[author.clientID, 'author']]), generation: 'original' }),
  } as unknown as Store['text'];
  return { author, text };
}

/** A fresh client's sync step 1 (an empty state vector), as y-websocket sends it on connecting. */
function freshSyncStep1(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  syncProtocol.writeSyncStep1(encoder, new Y.Doc());
  return encoding.toUint8Array(encoder);
}

/** The text a fresh client holds after applying the sync step 2 it was sent. */
function textFromReply(sent: Uint8Array[]): string {
  const doc = new Y.Doc();
  for (const message of sent) {
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) !== MessageType.sync) continue;
    if (decoding.readVarUint(decoder) !== syncProtocol.messageYjsSyncStep2) continue;
    Y.applyUpdate(doc, decoding.readVarUint8Array(decoder));
  }
  return doc.getXmlFragment(bodyFieldName).toString();
}

describe('a cold join', () => {
  it('SYNC-COLD1 is served the stored text from its stored bytes, without the room building a document', async () => {
    const { author, text } = storedLetter();
    const { room, connect } = await loadTestRoom({ store: { text } });
    const { connection, sent } = connect(helena);
    room.receive(connection, freshSyncStep1());

    expect(textFromReply(sent)).toBe(author.getXmlFragment(bodyFieldName).toString());
    expect(room.hasLiveDoc).toBe(false);
  });

  it('SYNC-COLD2 builds the document for the first update, which is checked against the stored text', async () => {
    const { author, text } = storedLetter();
    const { room, connect } = await loadTestRoom({ store: { text } });
    const { connection } = connect(helena);
    // Helena writes under the author's client id: only the stored text shows whose it is.
    const update = changeOf(author, (body) => ((body.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Yes. '));
    expect(() => room.receive(connection, updateFrame(update))).toThrow(ProtocolViolation);
    expect(room.hasLiveDoc).toBe(true);
  });

  it('SYNC-COLD3 gets what was committed since the room loaded, from the stored bytes kept current', async () => {
    const { author, text } = storedLetter();
    const { room, connect, commitAll } = await loadTestRoom({ store: { text } });
    const editor = new Y.Doc();
    Y.applyUpdate(editor, (await text.loadText('')).snapshot!);
    for (const update of (await text.loadText('')).updates) Y.applyUpdate(editor, update);
    const writer = connect(helena);
    room.receive(writer.connection, updateFrame(changeOf(editor, (body) => ((body.get(1) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Today '))));
    commitAll();

    const joiner = connect(mette);
    room.receive(joiner.connection, freshSyncStep1());
    expect(textFromReply(joiner.sent)).toBe(editor.getXmlFragment(bodyFieldName).toString());
    expect(textFromReply(joiner.sent)).not.toBe(author.getXmlFragment(bodyFieldName).toString());
  });

  it('SYNC-COLD4 gets every one of many keystrokes committed one by one since the room loaded', async () => {
    const { text } = storedLetter();
    const { room, connect, commitAll } = await loadTestRoom({ store: { text } });
    const editor = new Y.Doc();
    Y.applyUpdate(editor, (await text.loadText('')).snapshot!);
    for (const update of (await text.loadText('')).updates) Y.applyUpdate(editor, update);
    const writer = connect(helena);
    const words = (editor.getXmlFragment(bodyFieldName).get(1) as Y.XmlElement).get(0) as Y.XmlText;
    for (let index = 0; index < 300; index++) {
      const keystroke = changeOf(editor, () => {
        if (index % 4 === 3) words.delete(0, 1);
        else words.insert(0, String(index % 10));
      });
      room.receive(writer.connection, updateFrame(keystroke));
      commitAll();
    }

    const joiner = connect(mette);
    room.receive(joiner.connection, freshSyncStep1());
    expect(textFromReply(joiner.sent)).toBe(editor.getXmlFragment(bodyFieldName).toString());
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** Sync step 1 of a client holding `doc`'s state, as y-websocket sends it on reconnecting. */
  function syncStep1Of(doc: Y.Doc): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.sync);
    syncProtocol.writeSyncStep1(encoder, doc);
    return encoding.toUint8Array(encoder);
  }

  it('SYNC-COLD5 a client that holds part of the text and asks again and again is answered from the document, not by diffing the whole stored letter each time', async () => {
    const { author, text } = storedLetter();
    const { room, connect } = await loadTestRoom({ store: { text } });
    const diffs = vi.spyOn(StoredBytes.prototype, 'missingFrom');
    // Mette's tab holds the letter as it was at the snapshot, and repeats its sync step 1.
    const tab = new Y.Doc();
    Y.applyUpdate(tab, (await text.loadText('')).snapshot!);
    const { connection, sent } = connect(mette);
    for (let ask = 0; ask < 20; ask++) room.receive(connection, syncStep1Of(tab));

    const replies = sent.filter((message) => message[0] === MessageType.sync && message[1] === syncProtocol.messageYjsSyncStep2);
    expect(replies).toHaveLength(20);
    for (const reply of replies) {
      const decoder = decoding.createDecoder(reply);
      decoding.readVarUint(decoder);
      decoding.readVarUint(decoder);
      Y.applyUpdate(tab, decoding.readVarUint8Array(decoder));
    }
    expect(tab.getXmlFragment(bodyFieldName).toString()).toBe(author.getXmlFragment(bodyFieldName).toString());
    expect(diffs).not.toHaveBeenCalled();
  });

  it('SYNC-COLD6 a client whose state vector names none of the letter’s writers gets the stored bytes as they are, without a document or a diff', async () => {
    const { author, text } = storedLetter();
    const { room, connect } = await loadTestRoom({ store: { text } });
    const diffs = vi.spyOn(StoredBytes.prototype, 'missingFrom');
    const stranger = new Y.Doc();
    stranger.getText('elsewhere').insert(0, 'x');
    const { connection, sent } = connect(mette);
    for (let ask = 0; ask < 20; ask++) room.receive(connection, syncStep1Of(stranger));

    expect(textFromReply(sent)).toBe(author.getXmlFragment(bodyFieldName).toString());
    expect(diffs).not.toHaveBeenCalled();
    expect(room.hasLiveDoc).toBe(false);
  });

  it('SYNC-COLD7 a client asking again while others’ updates wait for their commit is answered once they are stored, from the document, never from a diff of the whole letter', async () => {
    const { author, text } = storedLetter();
    const { room, connect, queued } = await loadTestRoom({ store: { text } });
    const diffs = vi.spyOn(StoredBytes.prototype, 'missingFrom');
    const tab = new Y.Doc();
    Y.applyUpdate(tab, (await text.loadText('')).snapshot!);
    const asker = connect(mette);
    room.receive(asker.connection, syncStep1Of(tab));

    // Helena types twice; Mette asks again between her two keystrokes, and the first is stored alone.
    const editor = new Y.Doc();
    Y.applyUpdate(editor, Y.encodeStateAsUpdate(author));
    const writer = connect(helena);
    const words = (editor.getXmlFragment(bodyFieldName).get(1) as Y.XmlElement).get(0) as Y.XmlText;
    const type = (word: string) => {
      room.receive(writer.connection, updateFrame(changeOf(editor, () => words.insert(0, word))));
    };
    type('Today ');
    room.receive(asker.connection, syncStep1Of(tab));
    type('Indeed ');
    const commitFirst = (count: number, seq: number) => room.committed(queued.splice(0, count), [seq]);
    commitFirst(1, 1);
    commitFirst(1, 2);

    const replies = asker.sent.filter((message) => message[0] === MessageType.sync && message[1] === syncProtocol.messageYjsSyncStep2);
    expect(replies).toHaveLength(2);
    const decoder = decoding.createDecoder(replies[1]!);
    decoding.readVarUint(decoder);
    decoding.readVarUint(decoder);
    Y.applyUpdate(tab, decoding.readVarUint8Array(decoder));
    expect(diffs).not.toHaveBeenCalled();
    expect(tab.getXmlFragment(bodyFieldName).toString()).toBe(editor.getXmlFragment(bodyFieldName).toString());
  });
});
