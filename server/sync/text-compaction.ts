import * as Y from 'yjs';
import { replayedDoc } from '../../shared/domain/replayed-doc.js';
import type { Store, TextSnapshot } from '../store/store.js';

/** What a letter's stored text consists of: the last snapshot and the updates after it. */
export interface StoredTextParts {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
}

/** Merges stored text into one snapshot. Its cost grows with the letter: run it off the event loop where possible. */
export type MergeStoredText = (parts: StoredTextParts) => Promise<TextSnapshot>;

/** The snapshot of `parts`: the state a document holds after applying exactly them, in order, with its state vector. */
export function mergeStoredText(parts: StoredTextParts): TextSnapshot {
  const doc = replayedDoc();
  try {
    doc.transact(() => {
      if (parts.snapshot) Y.applyUpdate(doc, parts.snapshot);
      for (const update of parts.updates) Y.applyUpdate(doc, update);
    });
    return { state: Y.encodeStateAsUpdate(doc), stateVector: Y.encodeStateVector(doc) };
  } finally {
    doc.destroy();
  }
}

/**
 * Merges a letter's stored updates into one snapshot, built from what the store holds, not from
 * a room's document: with several instances a room may not have heard of every stored update yet.
 * `merge` does the merging (in a worker thread on a running server). Returns how many updates were merged.
 */
export async function compactStoredText(
  store: Store,
  letterId: string,
  merge: MergeStoredText = async (parts) => mergeStoredText(parts),
): Promise<number> {
  const text = await store.text.loadText(letterId);
  if (text.updates.length === 0) return 0;
  const snapshot = await merge({ snapshot: text.snapshot, updates: text.updates });
  await store.text.compactText(letterId, snapshot, text.lastSeq);
  return text.updates.length;
}
