import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import type { RoomExtension } from './room-extension.js';
import type { Room } from './room.js';
import { compactStoredText, type MergeStoredText } from './text-compaction.js';

export interface CompactionOptions {
  store: Store;
  logger: Logger;
  /** Stored updates after the last snapshot that start a compaction. */
  compactAfterUpdates: number;
  /** Merges stored text (a worker thread on a running server); on this thread when absent. */
  mergeText?: MergeStoredText;
}

/**
 * Merges a room's stored updates into one snapshot once enough of them pile up, at most one
 * compaction at a time per room. A failed compaction keeps the updates and is tried after a later commit.
 */
export function compaction(room: Room, options: CompactionOptions): RoomExtension {
  let storedUpdates = room.storedUpdatesAtLoad;
  let running: Promise<void> | null = null;
  let isDestroyed = false;

  const compact = (): void => {
    if (running) return;
    const counted = storedUpdates;
    running = compactStoredText(options.store, room.letterId, options.mergeText)
      .then(
        () => {
          storedUpdates -= counted;
        },
        (error: unknown) => options.logger.warn({ err: error, letterId: room.letterId }, 'compaction failed; updates kept'),
      )
      .finally(() => {
        running = null;
        // Updates stored while it ran may be enough for the next one.
        if (!isDestroyed && storedUpdates >= options.compactAfterUpdates) compact();
      });
  };

  return {
    committed(entries) {
      storedUpdates += entries.length;
      if (storedUpdates >= options.compactAfterUpdates) compact();
    },
    async idle() {
      while (running) await running;
    },
    destroyed() {
      isDestroyed = true;
    },
  };
}
