import * as Y from 'yjs';
import { replayedDoc } from '../../shared/domain/replayed-doc.js';
import type { Store } from '../store/store.js';

/**
 * Merges a letter's stored updates into one snapshot, built from what the store holds, not from
 * a room's document: with several instances a room may not have heard of every stored update yet.
 * Returns how many updates were merged.
 */
export async function compactStoredText(store: Store, letterId: string): Promise<number> {
  const text = await store.text.loadText(letterId);
  if (text.updates.length === 0) return 0;
  const doc = replayedDoc();
  try {
    doc.transact(() => {
      if (text.snapshot) Y.applyUpdate(doc, text.snapshot);
      for (const update of text.updates) Y.applyUpdate(doc, update);
    });
    await store.text.compactText(letterId, Y.encodeStateAsUpdate(doc), text.lastSeq);
    return text.updates.length;
  } finally {
    doc.destroy();
  }
}
