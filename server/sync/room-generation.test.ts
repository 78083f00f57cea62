import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../../shared/api/session.js';
import { letterSchema } from '../../shared/domain/letter-schema.js';
import { CloseCode } from '../../shared/protocol/close-codes.js';
import { createLogger } from '../logger.js';
import type { Store } from '../store/store.js';
import type { CommitQueue } from './commit-queue.js';
import { Connection } from './connection.js';
import { Room } from './room.js';
import { deriveSchemaRules } from './schema-rules.js';

const writer = { id: '6f1f0f7e-0d6b-4b8f-9a51-2f4d5c1b7a10', name: 'Writer' } as SessionUser;

async function loadRoom(onEmpty: (room: Room) => void): Promise<Room> {
  const store = {
    text: { loadText: async () => ({ snapshot: null, updates: [], lastSeq: 0, clientOwners: new Map(), generation: 'restored-1' }) },
    letters: { getLetter: async () => undefined },
    history: { latestRevisions: async () => [], appendRevisions: async () => undefined },
  } as unknown as Store;
  return Room.load('0b7e1c1e-7d3a-4a59-9a34-2f0f1b9f3b11', {
    store,
    commits: { enqueue: () => undefined } as unknown as CommitQueue,
    rules: deriveSchemaRules(letterSchema()),
    logger: createLogger('silent'),
    onEmpty,
    onBroken: () => undefined,
  });
}

describe('a room and the text generation its connections name', () => {
  it('refuses a connection of another generation with 4409, sends it nothing, and lets a room it alone opened unload', async () => {
    const emptied: Room[] = [];
    const room = await loadRoom((empty) => emptied.push(empty));
    const sent: Uint8Array[] = [];
    const closes: number[] = [];
    const connection = new Connection({ send: (data) => sent.push(data), close: (code) => closes.push(code), isOpen: true }, writer, 'session', true);
    connection.claimedGeneration = 'original';
    room.join(connection);
    expect(closes).toEqual([CloseCode.letterRestored]);
    expect(sent).toEqual([]);
    expect(room.isEmpty).toBe(true);
    expect(emptied).toEqual([room]);
  });
});
