import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bodyFieldName } from '../../shared/domain/editor-extensions.js';
import { CloseCode } from '../../shared/protocol/close-codes.js';
import { MessageType } from '../../shared/protocol/message-types.js';
import type { Store } from '../store/store.js';
import { changeOf, newParagraph } from '../../tests/integration/harness/letter-body.js';
import { letterSchema } from '../../shared/domain/letter-schema.js';
import { roomPresence } from './room-presence.js';
import { deriveSchemaRules } from './schema-rules.js';
import { loadTestRoom, syncFrame, testMember, updateFrame } from './test-room.js';
import { updateAdmission } from './update-admission.js';

const helena = testMember('6f1f0f7e-0d6b-4b8f-9a51-2f4d5c1b7a10', 'Helena');
const kadri = testMember('0c7d8a52-3f0e-4c8e-b4a7-5d1e2f3a4b5c', 'Kadri');
const mette = testMember('a3b1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d', 'Mette');

/** A store's log of one letter that another instance appends to, counting whole reads. */
function sharedLog() {
  const log = { snapshot: null as Uint8Array | null, snapshotThrough: 0, updates: [] as { seq: number; update: Uint8Array }[], wholeReads: 0, nextSeq: 1 };
  const owners = new Map<number, string>();
  const text = {
    loadText: async () => {
      log.wholeReads++;
      return {
        snapshot: log.snapshot,
        snapshotStateVector: null,
        updates: log.updates.map((entry) => entry.update),
        lastSeq: log.updates.at(-1)?.seq ?? log.snapshotThrough,
        clientOwners: new Map(owners),
        generation: 'original',
      };
    },
    loadTextSince: async (_letterId: string, afterSeq: number) => {
      if (log.snapshotThrough > afterSeq) return null;
      const later = log.updates.filter((entry) => entry.seq > afterSeq);
      return { updates: later.map((entry) => entry.update), lastSeq: later.at(-1)?.seq ?? afterSeq, clientOwners: new Map(owners) };
    },
  } as unknown as Store['text'];
  /** Stores `update`, written by `writer` if it is the first under its client id. */
  const append = (update: Uint8Array, writer?: { clientId: number; userId: string }) => {
    log.updates.push({ seq: log.nextSeq++, update });
    if (writer && !owners.has(writer.clientId)) owners.set(writer.clientId, writer.userId);
  };
  /** Another instance's compaction: everything so far becomes the snapshot. */
  const compact = (state: Uint8Array) => {
    log.snapshot = state;
    log.snapshotThrough = log.updates.at(-1)?.seq ?? log.snapshotThrough;
    log.updates = [];
  };
  return { log, text, append, compact };
}

/** A room of one instance among several (the store may be ahead of it), on a store holding one paragraph. */
async function roomBesideAnotherInstance() {
  const shared = sharedLog();
  const start = new Y.Doc();
  shared.append(changeOf(start, (body) => body.insert(0, [newParagraph('The ministers agree.', 'p1')])));
  const test = await loadTestRoom({
    store: { text: shared.text },
    extensions: [roomPresence, (loaded) => updateAdmission(loaded, { rules: deriveSchemaRules(letterSchema()), storeMayBeAhead: true })],
  });
  /** A tab's sync answer to this room: what the tab holds that the room lacks, pending text included. */
  const answerOf = (tab: Y.Doc) => syncFrame(syncProtocol.messageYjsSyncStep2, Y.encodeStateAsUpdate(tab, Y.encodeStateVector(test.room.doc)));
  /** A new tab holding the stored paragraph. */
  const tabFromStart = () => {
    const tab = new Y.Doc();
    Y.applyUpdate(tab, Y.encodeStateAsUpdate(start));
    return tab;
  };
  return { ...test, ...shared, start, answerOf, tabFromStart };
}

const bodyXml = (doc: Y.Doc) => doc.getXmlFragment(bodyFieldName).toString();
const textOf = (body: Y.XmlFragment, index: number) => (body.get(index) as Y.XmlElement).get(0) as Y.XmlText;

/** The frames confirmed as saved (message 100) among what a connection was sent. */
function savedFrames(sent: Uint8Array[]): number[] {
  return sent.flatMap((message) => {
    const decoder = decoding.createDecoder(message);
    return decoding.readVarUint(decoder) === MessageType.saved ? [decoding.readVarUint(decoder)] : [];
  });
}

/** The text updates among what a connection was sent. */
function updatesIn(sent: Uint8Array[]): Uint8Array[] {
  return sent.flatMap((message) => {
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) !== MessageType.sync) return [];
    return decoding.readVarUint(decoder) === syncProtocol.messageYjsUpdate ? [decoding.readVarUint8Array(decoder)] : [];
  });
}

describe('a room catching up with the store', () => {
  it('reads only what was stored after its last read, and passes it on to its connections', async () => {
    const { log, text, append } = sharedLog();
    const elsewhere = new Y.Doc();
    append(changeOf(elsewhere, (body) => body.insert(0, [newParagraph('The ministers agree.', 'p1')])));
    const { room, connect } = await loadTestRoom({ store: { text } });
    const tab = connect(helena);
    expect(room.doc.getXmlFragment(bodyFieldName).toString()).toContain('The ministers agree.');

    // Another instance stores two changes this one never heard of (its relay message was lost).
    append(changeOf(elsewhere, (body) => body.insert(1, [newParagraph('They sign together.', 'p2')])));
    append(changeOf(elsewhere, (body) => body.insert(2, [newParagraph('Done at Tallinn.', 'p3')])));
    await room.catchUp();
    await room.catchUp();

    expect(room.doc.getXmlFragment(bodyFieldName).toString()).toBe(elsewhere.getXmlFragment(bodyFieldName).toString());
    expect(log.wholeReads).toBe(1);
    const client = new Y.Doc();
    Y.applyUpdate(client, log.updates[0]!.update);
    for (const update of updatesIn(tab.sent)) Y.applyUpdate(client, update);
    expect(client.getXmlFragment(bodyFieldName).toString()).toBe(elsewhere.getXmlFragment(bodyFieldName).toString());
  });

  it('holds a sync answer that builds on text another instance committed but did not relay, reads the store, then applies and confirms it', async () => {
    const { room, connect, commitAll, append, start: elsewhere, answerOf, tabFromStart } = await roomBesideAnotherInstance();
    // Kadri's tab, on the other instance, got Mette's words in a paragraph before the paragraph
    // itself: Yjs holds them pending, and her next sync answer sends them along.
    const kadrisTab = tabFromStart();
    append(changeOf(elsewhere, (body) => body.insert(1, [newParagraph('', 'p2')])));
    const wordsUpdate = changeOf(elsewhere, (body) => textOf(body, 1).insert(0, 'They sign together.'));
    append(wordsUpdate);
    Y.applyUpdate(kadrisTab, wordsUpdate);
    expect(kadrisTab.store.pendingStructs).not.toBeNull();

    // Her socket reconnects here, before the other instance's relay message arrives (or it is lost).
    const { connection, sent, closes } = connect(kadri);
    room.receive(connection, answerOf(kadrisTab));
    await room.catchUp();
    commitAll();

    expect(closes).toEqual([]);
    expect(bodyXml(room.doc)).toBe(bodyXml(elsewhere));
    expect(savedFrames(sent)).toEqual([1]);
  });

  it('holds a sync answer carrying text under a client id it has not heard of until the store says whose it is: it stays the writer’s, and nobody else may write under it', async () => {
    const { room, connect, commitAll, append, answerOf, tabFromStart } = await roomBesideAnotherInstance();
    // Mette writes her first words through the other instance; they are stored, not relayed yet.
    const mettesTab = tabFromStart();
    append(
      changeOf(mettesTab, (body) => body.insert(1, [newParagraph('They sign together.', 'p2')])),
      { clientId: mettesTab.clientID, userId: mette.id },
    );
    // Kadri's tab got them there, and reconnects here.
    const kadrisTab = new Y.Doc();
    Y.applyUpdate(kadrisTab, Y.encodeStateAsUpdate(mettesTab));

    const kadriHere = connect(kadri);
    room.receive(kadriHere.connection, answerOf(kadrisTab));
    await room.catchUp();
    const committed = commitAll();

    expect(kadriHere.closes).toEqual([]);
    expect(committed.flatMap((entry) => entry.newClientIds)).not.toContain(mettesTab.clientID);
    expect(room.clientIdOwners.get(mettesTab.clientID)).toBe(mette.id);
    expect(bodyXml(room.doc)).toBe(bodyXml(mettesTab));

    // Writing on under Mette's id is still refused, once the store was read (4403).
    const posing = new Y.Doc();
    Y.applyUpdate(posing, Y.encodeStateAsUpdate(mettesTab));
    posing.clientID = mettesTab.clientID;
    const kadriAgain = connect(kadri);
    room.receive(kadriAgain.connection, syncFrame(syncProtocol.messageYjsSyncStep2, new Uint8Array([0, 0])));
    room.receive(kadriAgain.connection, updateFrame(changeOf(posing, (body) => textOf(body, 1).insert(0, 'Not: '))));
    await room.catchUp();

    expect(kadriAgain.closes).toEqual([CloseCode.forbidden]);
    expect(bodyXml(room.doc)).not.toContain('Not: ');
  });

  it('applies a change typed while reconnecting that came ahead of the sync answer it builds on, when that answer waits for a read of the store', async () => {
    const { room, connect, commitAll, answerOf, tabFromStart } = await roomBesideAnotherInstance();
    // Kadri's new tab wrote offline; its next change goes out as soon as the socket opens, ahead of
    // the sync answer with the offline words, whose new client id this instance has not heard of.
    const kadrisTab = tabFromStart();
    const typeAtStart = (words: string) => changeOf(kadrisTab, (body) => textOf(body, 0).insert(0, words));
    typeAtStart('Offline, ');
    const typedWhileReconnecting = typeAtStart('Then: ');
    const { connection, sent, closes } = connect(kadri);

    room.receive(connection, updateFrame(typedWhileReconnecting));
    room.receive(connection, answerOf(kadrisTab));
    await room.catchUp();
    commitAll();

    expect(closes).toEqual([]);
    expect(bodyXml(room.doc)).toBe(bodyXml(kadrisTab));
    expect(savedFrames(sent)).toEqual([2]);
  });

  it('reads the whole text again when a compaction merged what it lacks into the snapshot', async () => {
    const { log, text, append, compact } = sharedLog();
    const elsewhere = new Y.Doc();
    append(changeOf(elsewhere, (body) => body.insert(0, [newParagraph('The ministers agree.', 'p1')])));
    const { room } = await loadTestRoom({ store: { text } });
    append(changeOf(elsewhere, (body) => body.insert(1, [newParagraph('They sign together.', 'p2')])));
    compact(Y.encodeStateAsUpdate(elsewhere));

    await room.catchUp();

    expect(log.wholeReads).toBe(2);
    expect(room.doc.getXmlFragment(bodyFieldName).toString()).toBe(elsewhere.getXmlFragment(bodyFieldName).toString());
  });
});
