import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { LetterCommentsMessage } from '../../shared/api/comments.js';
import type { SessionUser } from '../../shared/api/session.js';
import { CloseCode } from '../../shared/protocol/close-codes.js';
import { bodyFieldName } from '../../shared/domain/editor-extensions.js';
import { letterSchema } from '../../shared/domain/letter-schema.js';
import { MessageType } from '../../shared/protocol/message-types.js';
import { changeOf } from '../../tests/integration/harness/letter-body.js';
import { createLogger } from '../logger.js';
import type { Store } from '../store/store.js';
import type { CommitQueue, PendingUpdate } from './commit-queue.js';
import { Connection } from './connection.js';
import { Room } from './room.js';
import { roomPresence } from './room-presence.js';
import { loadTestRoom, testLetterStateExtension } from './test-room.js';
import { deriveSchemaRules } from './schema-rules.js';

function member(id: string, name: string): SessionUser {
  return {
    id,
    name,
    email: `${name.toLowerCase()}@example.org`,
    isOfficeAdmin: false,
    isAdmin: false,
    office: {
      id: 'ee-interior',
      name: 'Siseministeerium',
      nameEn: 'Ministry of the Interior',
      country: 'Estonia',
      ministerName: 'Minister',
      ministerTitle: 'Minister of the Interior',
      color: '#0b4f6c',
    },
  };
}

function paragraphUpdate(doc: Y.Doc, id: string, words: string): Uint8Array {
  const updates: Uint8Array[] = [];
  const capture = (update: Uint8Array) => updates.push(update);
  doc.on('update', capture);
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.setAttribute('id', id);
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  doc.getXmlFragment(bodyFieldName).push([paragraph]);
  text.insert(0, words);
  doc.off('update', capture);
  return Y.mergeUpdates(updates);
}

const firstText = (body: Y.XmlFragment) => (body.get(0) as Y.XmlElement).get(0) as Y.XmlText;

function insertUpdate(doc: Y.Doc, index: number, words: string): Uint8Array {
  return changeOf(doc, (body) => firstText(body).insert(index, words));
}

function deleteUpdate(doc: Y.Doc, index: number, length: number): Uint8Array {
  return changeOf(doc, (body) => firstText(body).delete(index, length));
}

function syncFrame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** A room whose commits the test completes by hand, in the order it chooses. */
async function roomWithManualCommits(stored: Uint8Array): Promise<{ room: Room; queued: PendingUpdate[] }> {
  const queued: PendingUpdate[] = [];
  const store = {
    text: { loadText: async () => ({ snapshot: stored, updates: [], lastSeq: 0, clientOwners: new Map(), generation: 'original' }) },
    letters: { getLetter: async () => undefined },
    history: { latestRevisions: async () => [], appendRevisions: async () => undefined },
  } as unknown as Store;
  const room = await Room.load('3c0f6a4e-8f0e-4a55-b1a9-6f2f5d9e0c21', {
    store,
    commits: { enqueue: (entry: PendingUpdate) => queued.push(entry) } as unknown as CommitQueue,
    rules: deriveSchemaRules(letterSchema()),
    logger: createLogger('silent'),
    onEmpty: () => undefined,
    onBroken: () => undefined,
  });
  return { room, queued };
}

/**
 * A joining tab as y-websocket runs it: applies every text message in the order it arrives and
 * records whether Yjs had to hold any of it back as pending.
 */
function joiningTab(user: SessionUser): { connection: Connection; doc: Y.Doc; heldBack: () => boolean } {
  const doc = new Y.Doc();
  let heldBack = false;
  const socket = {
    isOpen: true,
    close: () => undefined,
    send: (message: Uint8Array) => {
      const decoder = decoding.createDecoder(message);
      if (decoding.readVarUint(decoder) !== MessageType.sync) return;
      syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), doc, 'server');
      if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) heldBack = true;
    },
  };
  return { connection: new Connection(socket, user, `session-${user.id}`, true), doc, heldBack: () => heldBack };
}

describe('a joining connection', () => {
  it('gets no text before its sync reply that builds on what only the reply carries', async () => {
    const stored = paragraphUpdate(new Y.Doc(), 'p1', 'The ministers agree.');
    const { room, queued } = await roomWithManualCommits(stored);
    const writerUser = member('0d5e5d8a-5b8e-4c1c-8a35-0e8f1d9c6a01', 'Kadri');
    const writer = new Connection({ isOpen: true, close: () => undefined, send: () => undefined }, writerUser, 'session-writer', true);
    room.join(writer);
    const writerDoc = new Y.Doc();
    Y.applyUpdate(writerDoc, stored);
    room.receive(writer, syncFrame((encoder) => syncProtocol.writeUpdate(encoder, insertUpdate(writerDoc, 4, 'eight '))));

    // The joiner asks while that paragraph is not committed yet: its reply waits for the commit.
    const joiner = joiningTab(member('7a1c2b3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', 'Mette'));
    room.join(joiner.connection);
    room.receive(joiner.connection, syncFrame((encoder) => syncProtocol.writeSyncStep1(encoder, joiner.doc)));
    // Meanwhile the writer deletes words of the paragraph.
    room.receive(writer, syncFrame((encoder) => syncProtocol.writeUpdate(encoder, deleteUpdate(writerDoc, 4, 10))));

    // The commits complete one by one, each broadcast as it is stored.
    room.committed([queued[0]!], [1]);
    room.committed([queued[1]!], [2]);

    expect(joiner.heldBack()).toBe(false);
    expect(joiner.doc.getXmlFragment(bodyFieldName).toString()).toBe(writerDoc.getXmlFragment(bodyFieldName).toString());
  });

  it('gets text another instance committed only after its sync reply', async () => {
    const { room, queued } = await roomWithManualCommits(paragraphUpdate(new Y.Doc(), 'p0', 'Joint letter.'));
    const writerUser = member('0d5e5d8a-5b8e-4c1c-8a35-0e8f1d9c6a01', 'Kadri');
    const writer = new Connection({ isOpen: true, close: () => undefined, send: () => undefined }, writerUser, 'session-writer', true);
    room.join(writer);
    const writerDoc = new Y.Doc();
    room.receive(writer, syncFrame((encoder) => syncProtocol.writeUpdate(encoder, paragraphUpdate(writerDoc, 'p1', 'The ministers agree.'))));

    const joiner = joiningTab(member('7a1c2b3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', 'Mette'));
    room.join(joiner.connection);
    room.receive(joiner.connection, syncFrame((encoder) => syncProtocol.writeSyncStep1(encoder, joiner.doc)));
    // Another instance's person deletes words of the paragraph; it arrives through the relay.
    const elsewhere = new Y.Doc();
    Y.applyUpdate(elsewhere, Y.encodeStateAsUpdate(room.doc));
    room.applyCommitted(deleteUpdate(elsewhere, 0, 4), []);
    room.committed([queued[0]!], [1]);

    expect(joiner.heldBack()).toBe(false);
    expect(joiner.doc.getXmlFragment(bodyFieldName).toString()).toBe(elsewhere.getXmlFragment(bodyFieldName).toString());
  });
});

describe('a joining connection, with presence and the letter state', () => {
  it('is told its rights (101) before sync step 1, then gets everyone’s presence, then the letter state (102) and threads (105)', async () => {
    const comments: LetterCommentsMessage = { kind: 'full', threads: [], settings: { observersMayComment: false } };
    const { room, connect } = await loadTestRoom({ extensions: [testLetterStateExtension('ready', comments), roomPresence] });
    const present = connect(member('0d5e5d8a-5b8e-4c1c-8a35-0e8f1d9c6a01', 'Kadri'));
    const tab = new awarenessProtocol.Awareness(new Y.Doc());
    tab.setLocalState({ cursor: null });
    const presenceFrame = encoding.createEncoder();
    encoding.writeVarUint(presenceFrame, MessageType.awareness);
    encoding.writeVarUint8Array(presenceFrame, awarenessProtocol.encodeAwarenessUpdate(tab, [tab.clientID]));
    room.receive(present.connection, encoding.toUint8Array(presenceFrame));
    await vi.waitFor(() => expect(present.sent.some((message) => message[0] === MessageType.awareness)).toBe(true));

    const joiner = connect(member('7a1c2b3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', 'Mette'));
    await vi.waitFor(() => expect(joiner.sent).toHaveLength(6));

    const kinds = joiner.sent.map((message) => (message[0] === MessageType.sync ? `sync ${message[1]}` : message[0]));
    expect(kinds.slice(0, 4)).toEqual([MessageType.textGeneration, MessageType.access, `sync ${syncProtocol.messageYjsSyncStep1}`, MessageType.awareness]);
    expect(kinds.slice(4).sort()).toEqual([MessageType.letterState, MessageType.letterComments]);
    tab.destroy();
    room.destroy(CloseCode.goingAway, 'test over');
  });
});
