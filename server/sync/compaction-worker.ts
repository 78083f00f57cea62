import type { TextSnapshot } from '../store/store.js';
import { mergeStoredText, type StoredTextParts } from './text-compaction.js';

/** Runs in a worker thread (see WorkerPool): merging a large letter does not hold up the event loop. */
export default function compactInWorker(parts: StoredTextParts): TextSnapshot {
  return mergeStoredText(parts);
}
