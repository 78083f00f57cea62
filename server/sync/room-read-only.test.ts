import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { SessionUser } from '../../shared/api/session.js';
import { bodyFieldName } from '../../shared/domain/editor-extensions.js';
import { letterSchema } from '../../shared/domain/letter-schema.js';
import { CloseCode } from '../../shared/protocol/close-codes.js';
import { MessageType } from '../../shared/protocol/message-types.js';
import { createLogger } from '../logger.js';
import type { Store } from '../store/store.js';
import type { CommitQueue } from './commit-queue.js';
import { Connection } from './connection.js';
import { Room } from './room.js';
import { deriveSchemaRules } from './schema-rules.js';

const reader: SessionUser = {
  id: '6f1f0f7e-0d6b-4b8f-9a51-2f4d5c1b7a10',
  name: 'Reader',
  email: 'reader@example.org',
  isOfficeAdmin: false,
  isAdmin: false,
  office: {
    id: 'fi-interior',
    name: 'Sisäministeriö',
    nameEn: 'Ministry of the Interior',
    country: 'Finland',
    ministerName: 'Minister',
    ministerTitle: 'Minister of the Interior',
    color: '#0b4f6c',
  },
};

/** A letter body with one paragraph whose text was partly deleted: its delete set is not empty. */
function storedText(): Uint8Array {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.setAttribute('id', 'p1');
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  doc.getXmlFragment(bodyFieldName).insert(0, [paragraph]);
  text.insert(0, 'Dear President, dear Commissioner,');
  text.delete(0, 5);
  return Y.encodeStateAsUpdate(doc);
}

async function loadRoom(initial: Uint8Array): Promise<Room> {
  const store = {
    text: { loadText: async () => ({ snapshot: initial, updates: [], lastSeq: 0, clientOwners: new Map(), generation: 'original' }) },
    letters: { getLetter: async () => undefined },
    history: { latestRevisions: async () => [], appendRevisions: async () => undefined },
  } as unknown as Store;
  return Room.load('0b7e1c1e-7d3a-4a59-9a34-2f0f1b9f3b11', {
    store,
    commits: { enqueue: () => undefined } as unknown as CommitQueue,
    rules: deriveSchemaRules(letterSchema()),
    logger: createLogger('silent'),
    onEmpty: () => undefined,
    onBroken: () => undefined,
  });
}

function readOnlyConnection(): Connection {
  return new Connection({ send: () => undefined, close: () => undefined, isOpen: true }, reader, 'session', false);
}

/** What a y-websocket client answers to the server's sync step 1: everything the server lacks, plus its whole delete set. */
function syncStep2From(doc: Y.Doc, serverStateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  syncProtocol.writeSyncStep2(encoder, doc, serverStateVector);
  return encoding.toUint8Array(encoder);
}

describe('a read-only connection', () => {
  it('may answer sync step 1 with a copy of the text it already got (a reconnect after a role change)', async () => {
    const initial = storedText();
    const room = await loadRoom(initial);
    const tab = new Y.Doc();
    Y.applyUpdate(tab, initial);

    const frame = syncStep2From(tab, Y.encodeStateVector(room.doc));
    expect(() => room.receive(readOnlyConnection(), frame)).not.toThrow();
  });

  it('is closed with 4403 when it sends anything new', async () => {
    const initial = storedText();
    const room = await loadRoom(initial);
    const tab = new Y.Doc();
    Y.applyUpdate(tab, initial);
    const serverState = Y.encodeStateVector(room.doc);
    const paragraph = tab.getXmlFragment(bodyFieldName).get(0) as Y.XmlElement;
    (paragraph.get(0) as Y.XmlText).insert(0, 'Sneaky ');

    expect(() => room.receive(readOnlyConnection(), syncStep2From(tab, serverState))).toThrow(
      expect.objectContaining({ code: CloseCode.forbidden }),
    );
  });

  it('is closed with 4403 when it only deletes text', async () => {
    const initial = storedText();
    const room = await loadRoom(initial);
    const tab = new Y.Doc();
    Y.applyUpdate(tab, initial);
    const serverState = Y.encodeStateVector(room.doc);
    const paragraph = tab.getXmlFragment(bodyFieldName).get(0) as Y.XmlElement;
    (paragraph.get(0) as Y.XmlText).delete(0, 3);

    expect(() => room.receive(readOnlyConnection(), syncStep2From(tab, serverState))).toThrow(
      expect.objectContaining({ code: CloseCode.forbidden }),
    );
  });
});
