import * as awarenessProtocol from 'y-protocols/awareness';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bodyFieldName } from '../../shared/domain/editor-extensions.js';
import { MessageType } from '../../shared/protocol/message-types.js';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import { changeOf, newParagraph } from '../../tests/integration/harness/letter-body.js';
import type { Store } from '../store/store.js';
import { roomPresence, roomPresenceKey } from './room-presence.js';
import { loadTestRoom, testMember, updateFrame } from './test-room.js';

const helena = testMember('6f1f0f7e-0d6b-4b8f-9a51-2f4d5c1b7a10', 'Helena');
const mette = testMember('7a1c2b3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', 'Mette');
const idleMs = 120_000;

/** A store that keeps what is committed, so that the room's stored bytes can be compared with it. */
async function setUp() {
  const stored: Uint8Array[] = [];
  const text = {
    loadText: async () => ({ snapshot: null, updates: [...stored], lastSeq: stored.length, clientOwners: new Map(), generation: 'original' }),
  } as unknown as Store['text'];
  const test = await loadTestRoom({ store: { text }, extensions: [roomPresence] });
  const helenaTab = test.connect(helena);
  const editor = new Y.Doc();
  const send = (change: (body: Y.XmlFragment) => void) => {
    test.room.receive(helenaTab.connection, updateFrame(changeOf(editor, change)));
    test.commitAll((entries) => stored.push(...entries.map((entry) => entry.update)));
  };
  return { ...test, helenaTab, editor, send, stored };
}

function presenceFrame(awareness: awarenessProtocol.Awareness): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.awareness);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]));
  return encoding.toUint8Array(encoder);
}

/** The text a fresh client holds after the sync step 2 messages among `sent`. */
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

describe('an idle room', () => {
  it('SYNC-IDLE1 drops its document after the idle time, keeps text and presence, and the next change revives it exactly', async () => {
    const { room, helenaTab, editor, send, connect } = await setUp();
    send((body) => body.insert(0, [newParagraph('The ministers agree.', 'p1')]));
    const tab = new awarenessProtocol.Awareness(editor);
    tab.setLocalState({ cursor: null });
    room.receive(helenaTab.connection, presenceFrame(tab));
    await new Promise((resolve) => setImmediate(resolve));

    expect(await room.sleep(idleMs, Date.now() + idleMs - 1000)).toBe(false);
    expect(await room.sleep(idleMs, Date.now() + idleMs)).toBe(true);
    expect(room.hasLiveDoc).toBe(false);
    expect(room.extension(roomPresenceKey)!.awareness.getStates().get(tab.clientID)).toMatchObject({ user: { name: 'Helena' } });

    // A joiner meanwhile is served from the kept bytes, and the room stays asleep.
    const joiner = connect(mette);
    const fresh = encoding.createEncoder();
    encoding.writeVarUint(fresh, MessageType.sync);
    syncProtocol.writeSyncStep1(fresh, new Y.Doc());
    room.receive(joiner.connection, encoding.toUint8Array(fresh));
    expect(textFromReply(joiner.sent)).toBe(editor.getXmlFragment(bodyFieldName).toString());
    expect(room.hasLiveDoc).toBe(false);

    // Helena types on: her client id is still hers, and the text comes out as she has it.
    send((body) => ((body.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(4, 'eight '));
    expect(room.hasLiveDoc).toBe(true);
    expect(room.doc.getXmlFragment(bodyFieldName).toString()).toBe(editor.getXmlFragment(bodyFieldName).toString());
    tab.destroy();
  });

  it('SYNC-IDLE2 keeps its document while a change waits for its commit', async () => {
    const { room, helenaTab, editor } = await setUp();
    editor.getXmlFragment(bodyFieldName).insert(0, [newParagraph('Waiting.', 'p1')]);
    room.receive(helenaTab.connection, updateFrame(Y.encodeStateAsUpdate(editor)));
    expect(await room.sleep(idleMs, Date.now() + idleMs)).toBe(false);
    expect(room.hasLiveDoc).toBe(true);
  });
});
