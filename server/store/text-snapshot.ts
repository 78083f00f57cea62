import * as Y from 'yjs';
import type { TextSnapshot } from './store.js';

/** A whole text given as one update (an import, a seeded letter) as a snapshot to store: its state vector is read once, here. */
export function textSnapshotOf(state: Uint8Array): TextSnapshot {
  return { state, stateVector: Y.encodeStateVectorFromUpdate(state) };
}
