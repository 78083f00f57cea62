import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createLogger } from '../logger.js';
import type { Store } from '../store/store.js';
import { CommitQueue, type CommitTarget, type PendingUpdate } from './commit-queue.js';

/** A room that records how its commits went; `failConfirming` makes its confirmation throw, as a broken socket might. */
function target(letterId: string, failConfirming = false) {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, letterId);
  const outcome = { committed: 0, failed: 0 };
  const room: CommitTarget = {
    letterId,
    doc,
    isDestroyed: false,
    committed: (entries) => {
      if (failConfirming) throw new Error('the socket broke while confirming');
      outcome.committed += entries.length;
    },
    commitFailed: () => {
      outcome.failed += 1;
    },
  };
  return { room, outcome };
}

function pending(room: CommitTarget): PendingUpdate {
  return { room, connection: null, userId: 'u1', update: Y.encodeStateAsUpdate(room.doc), newClientIds: [], revisions: [] };
}

describe('the commit queue', () => {
  it('stores a batch once even when confirming it throws for one letter', async () => {
    const appended: string[][] = [];
    const store = {
      text: {
        appendUpdates: async (updates: { letterId: string }[]) => {
          appended.push(updates.map((update) => update.letterId));
          return updates.map((_update, index) => index + 1);
        },
      },
    } as unknown as Store;
    const queue = new CommitQueue(store, createLogger('silent'));
    const broken = target('letter-a', true);
    const healthy = target('letter-b');
    queue.enqueue(pending(broken.room));
    queue.enqueue(pending(healthy.room));
    await queue.drain();

    expect(appended, 'one transaction, no second write of what was stored').toEqual([['letter-a', 'letter-b']]);
    expect(healthy.outcome).toEqual({ committed: 1, failed: 0 });
    expect(broken.outcome, 'the letter whose confirmation failed is closed, so its clients resync').toEqual({ committed: 0, failed: 1 });
  });
});
