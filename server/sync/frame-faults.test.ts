import { randomUUID } from 'node:crypto';
import * as syncProtocol from 'y-protocols/sync';
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { SessionUser } from '../../shared/api/session.js';
import { letterSchema } from '../../shared/domain/letter-schema.js';
import { CloseCode } from '../../shared/protocol/close-codes.js';
import { MessageType } from '../../shared/protocol/message-types.js';
import { bodyOf, newParagraph } from '../../tests/integration/harness/letter-body.js';
import { createLogger } from '../logger.js';
import type { Store } from '../store/store.js';
import type { CommitQueue } from './commit-queue.js';
import { Connection } from './connection.js';
import { Room } from './room.js';
import { deriveSchemaRules } from './schema-rules.js';
import { receiveFrame } from './sync-route.js';
import { updateFrame } from './test-room.js';

const drafter = { id: '6f1f0f7e-0d6b-4b8f-9a51-2f4d5c1b7a10', name: 'Drafter', office: { id: 'fi-interior' } } as SessionUser;

/** A room on an empty letter whose commit queue fails in a way no client can cause. */
async function roomWithBrokenQueue(onBroken: (room: Room) => void): Promise<Room> {
  const store = {
    text: { loadText: async () => ({ snapshot: null, updates: [], lastSeq: 0, clientOwners: new Map(), generation: 'original' }) },
    letters: { getLetter: async () => undefined },
    history: { latestRevisions: async () => [], appendRevisions: async () => undefined },
  } as unknown as Store;
  const commits = {
    enqueue: () => {
      throw new TypeError('Cannot read properties of undefined (reading "push")');
    },
  } as unknown as CommitQueue;
  return Room.load(randomUUID(), {
    store,
    commits,
    rules: deriveSchemaRules(letterSchema()),
    logger: createLogger('silent'),
    onEmpty: () => undefined,
    onBroken,
  });
}

function paragraphUpdateFrame(): Uint8Array {
  const doc = new Y.Doc();
  bodyOf(doc).insert(0, [newParagraph('Dear Commissioner,')]);
  return updateFrame(Y.encodeStateAsUpdate(doc));
}

describe('a fault of the server while it handles a frame', () => {
  it('closes the sender with 4500, not 4400, logs an error, and reloads a document left ahead of the store', async () => {
    const broken: Room[] = [];
    const room = await roomWithBrokenQueue((loaded) => broken.push(loaded));
    const closes: number[] = [];
    const connection = new Connection({ send: () => {}, close: (code) => closes.push(code), isOpen: true }, drafter, 'session', true);
    room.join(connection);
    const logger = createLogger('silent');
    const errors = vi.spyOn(logger, 'error');

    receiveFrame(room, connection, paragraphUpdateFrame(), logger);

    expect(closes).toEqual([CloseCode.storeFailure]);
    expect(errors).toHaveBeenCalled();
    expect(broken, 'the room holds an update the store will never get: it is reloaded').toEqual([room]);
  });

  it('still closes a frame that cannot be decoded with 4400', async () => {
    const room = await roomWithBrokenQueue(() => {});
    const closes: number[] = [];
    const connection = new Connection({ send: () => {}, close: (code) => closes.push(code), isOpen: true }, drafter, 'session', true);
    room.join(connection);
    receiveFrame(room, connection, new Uint8Array([MessageType.sync, syncProtocol.messageYjsUpdate, 200]), createLogger('silent'));
    expect(closes).toEqual([CloseCode.malformedMessage]);
  });
});
