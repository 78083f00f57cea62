import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import type { LetterCommentsMessage } from '../../shared/api/comments.js';
import type { LetterStatus } from '../../shared/api/letters.js';
import type { SessionUser } from '../../shared/api/session.js';
import type { LetterStateMessage } from '../../shared/api/signoffs.js';
import { letterSchema } from '../../shared/domain/letter-schema.js';
import { MessageType } from '../../shared/protocol/message-types.js';
import { createLogger } from '../logger.js';
import type { Store } from '../store/store.js';
import type { CommitQueue, PendingUpdate } from './commit-queue.js';
import { Connection } from './connection.js';
import { Room, type RoomExtensionFactory } from './room.js';
import { RoomLetterState } from './room-letter-state.js';
import { deriveSchemaRules } from './schema-rules.js';

/** For the unit tests of rooms and their extensions: a member of the Finnish ministry. */
export function testMember(id: string, name: string): SessionUser {
  return {
    id,
    name,
    email: `${name.toLowerCase()}@example.org`,
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
}

/** The letter state a test room's letter-state extension sends (102). */
export const testLetterState: LetterStateMessage = { kind: 'full', seq: 0, course: { status: 'drafting', signatories: [], finalSignatures: [] }, signoffs: [] };

/** The letter-state extension of a test room whose letter has `status` (not stored when absent), with no comment threads unless given. */
export function testLetterStateExtension(status?: LetterStatus, comments?: LetterCommentsMessage): RoomExtensionFactory {
  return (room) =>
    new RoomLetterState(room, {
      letterStatus: async () => status,
      letterState: async () => testLetterState,
      ...(comments ? { letterComments: async () => comments } : {}),
      logger: createLogger('silent'),
    });
}

/** A sync update frame as a y-websocket client sends it. */
/** A sync message of `step` (y-protocols' step 1, step 2 or update) carrying `payload`, as a client sends it. */
export function syncFrame(step: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

export function updateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/**
 * For unit tests: a room on `stored` text whose store is faked, whose commits the test completes
 * with `commitAll`, and with the extensions given. `store` overrides parts of the fake store.
 */
export async function loadTestRoom(options: { stored?: Uint8Array; extensions?: RoomExtensionFactory[]; store?: Partial<Store> } = {}) {
  const queued: PendingUpdate[] = [];
  const store = {
    text: {
      loadText: async () => ({ snapshot: options.stored ?? null, updates: [], lastSeq: 0, clientOwners: new Map(), generation: 'original' }),
      // Nobody else writes to this store: a read for held updates finds nothing new.
      loadTextSince: async (_letterId: string, afterSeq: number) => ({ updates: [], lastSeq: afterSeq, clientOwners: new Map() }),
    },
    letters: { getLetter: async () => undefined },
    history: { latestRevisions: async () => [], appendRevisions: async () => undefined },
    ...options.store,
  } as unknown as Store;
  let seq = 0;
  const room = await Room.load('0b7e1c1e-7d3a-4a59-9a34-2f0f1b9f3b11', {
    store,
    commits: { enqueue: (entry: PendingUpdate) => queued.push(entry) } as unknown as CommitQueue,
    rules: deriveSchemaRules(letterSchema()),
    logger: createLogger('silent'),
    onEmpty: () => undefined,
    onBroken: () => undefined,
    ...(options.extensions ? { extensions: options.extensions } : {}),
  });
  /** Completes every queued commit, as the store would (`write` stores them first); returns what was committed. */
  const commitAll = (write?: (entries: PendingUpdate[]) => void): PendingUpdate[] => {
    const entries = queued.splice(0);
    write?.(entries);
    if (entries.length > 0) room.committed(entries, entries.map(() => ++seq));
    return entries;
  };
  /** A connection of `user` with what it was sent and the codes it was closed with, joined to the room. */
  const connect = (user: SessionUser, canEdit = true) => {
    const sent: Uint8Array[] = [];
    const closes: number[] = [];
    const socket = { isOpen: true, close: (code: number) => closes.push(code), send: (message: Uint8Array) => sent.push(message) };
    const connection = new Connection(socket, user, `session-${user.id}`, canEdit);
    room.join(connection);
    return { connection, sent, closes };
  };
  return { room, queued, commitAll, connect };
}
