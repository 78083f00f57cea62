import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bodyFieldName } from '../../shared/domain/editor-extensions.js';
import { MessageType } from '../../shared/protocol/message-types.js';
import type { Store } from '../store/store.js';
import { changeOf, newParagraph } from '../../tests/integration/harness/letter-body.js';
import { loadTestRoom, testMember } from './test-room.js';

const helena = testMember('6f1f0f7e-0d6b-4b8f-9a51-2f4d5c1b7a10', 'Helena');

/** A store's log of one letter that another instance appends to, counting whole reads. */
function sharedLog() {
  const log = { snapshot: null as Uint8Array | null, snapshotThrough: 0, updates: [] as { seq: number; update: Uint8Array }[], wholeReads: 0, nextSeq: 1 };
  const text = {
    loadText: async () => {
      log.wholeReads++;
      return {
        snapshot: log.snapshot,
        snapshotStateVector: null,
        updates: log.updates.map((entry) => entry.update),
        lastSeq: log.updates.at(-1)?.seq ?? log.snapshotThrough,
        clientOwners: new Map(),
        generation: 'original',
      };
    },
    loadTextSince: async (_letterId: string, afterSeq: number) => {
      if (log.snapshotThrough > afterSeq) return null;
      const later = log.updates.filter((entry) => entry.seq > afterSeq);
      return { updates: later.map((entry) => entry.update), lastSeq: later.at(-1)?.seq ?? afterSeq, clientOwners: new Map() };
    },
  } as unknown as Store['text'];
  const append = (update: Uint8Array) => log.updates.push({ seq: log.nextSeq++, update });
  /** Another instance's compaction: everything so far becomes the snapshot. */
  const compact = (state: Uint8Array) => {
    log.snapshot = state;
    log.snapshotThrough = log.updates.at(-1)?.seq ?? log.snapshotThrough;
    log.updates = [];
  };
  return { log, text, append, compact };
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
