import { clearDocument, IndexeddbPersistence } from 'y-indexeddb';
import type * as Y from 'yjs';
import { originalGeneration } from '../../shared/protocol/text-generation-message.js';

/** Every copy's database name starts so; the signed-in person's id and the letter id follow. */
const namePrefix = 'jointly-letter';

/** Where the copy's text generation is kept, in the copy's own database (y-indexeddb's custom store). */
const generationKey = 'text-generation';

/**
 * The name of a person's copy of a letter. It holds the person's id, so that on a shared
 * computer nobody else ever opens (and sends) it.
 */
export function browserCopyName(userId: string, letterId: string): string {
  return `${namePrefix}:${userId}:${letterId}`;
}

/** A letter's Yjs document kept in this browser (IndexedDB), so that offline edits survive closing the tab. */
export interface BrowserCopy {
  /**
   * The text generation this copy belongs to (message 104), once the copy is loaded. A copy that
   * holds text but no generation was kept before generations were recorded: it belongs to the
   * original one. Null for an empty copy (a first visit).
   */
  generation(): Promise<string | null>;
  /** Keeps `generation` beside the copy: the server's text generation it was synced with. */
  rememberGeneration(generation: string): void;
  /** Removes the copy from the browser (the server refused it, or the person signs out). */
  discard(): Promise<void>;
  /** Stops keeping the document; the copy stays. */
  destroy(): Promise<void>;
}

/** Keeps `doc` in IndexedDB under the person's and the letter's name, and loads what an earlier tab kept. */
export function keepInBrowser(doc: Y.Doc, userId: string, letterId: string): BrowserCopy {
  const persistence = new IndexeddbPersistence(browserCopyName(userId, letterId), doc);
  return {
    generation: () =>
      Promise.all([persistence.get(generationKey), persistence.whenSynced]).then(
        ([value]: [unknown, unknown]) => {
          if (typeof value === 'string') return value;
          return doc.store.clients.size > 0 ? originalGeneration : null;
        },
        (error: unknown) => {
          reportStorageFailure(error);
          return null;
        },
      ),
    rememberGeneration: (generation) => void persistence.set(generationKey, generation).catch(reportStorageFailure),
    discard: () => persistence.clearData().catch(reportStorageFailure),
    destroy: () => persistence.destroy().catch(reportStorageFailure),
  };
}

// A browser may refuse storage (private windows, full disks): the text still syncs; only the copy is missing.
function reportStorageFailure(error: unknown): void {
  console.warn('The browser could not update its copy of the letter', error);
}

/** Removes every letter copy this browser keeps for `userId`: signing out leaves nothing of theirs behind. */
export async function discardBrowserCopies(userId: string): Promise<void> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return;
  const prefix = `${namePrefix}:${userId}:`;
  const databases = await indexedDB.databases();
  await Promise.all(databases.flatMap(({ name }) => (name?.startsWith(prefix) ? [clearDocument(name)] : [])));
}
