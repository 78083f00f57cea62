import * as Y from 'yjs';

/** Committed updates kept apart before they are merged (see StoredBytes.keep). */
const maxParts = 128;

/**
 * A letter's stored text as encoded Yjs updates: the snapshot and updates loaded from the store,
 * then every update committed (or relayed from elsewhere) since. A joiner is answered from these
 * bytes, so that a room needs no Y.Doc to serve one.
 */
export class StoredBytes {
  private parts: Uint8Array[];
  private vectorOf: { state: Uint8Array; vector: Uint8Array } | null = null;
  private decodedOf: { state: Uint8Array; clocks: Map<number, number> } | null = null;

  constructor(parts: readonly Uint8Array[]) {
    this.parts = [...parts];
  }

  /** Every part, in order, to build a document from. */
  get all(): readonly Uint8Array[] {
    return this.parts;
  }

  /**
   * Keeps a committed or relayed update. The small ones are merged among themselves now and then,
   * and into the rest once they weigh a quarter of it, so that neither the number of parts nor the
   * cost of merging grows with every keystroke.
   */
  keep(update: Uint8Array): void {
    this.parts.push(update);
    if (this.parts.length <= maxParts) return;
    const [head, ...tail] = this.parts;
    const merged = Y.mergeUpdates(tail);
    this.parts = merged.length * 4 > head!.length ? [Y.mergeUpdates([head!, merged])] : [head!, merged];
  }

  /** Replaces every part with one update known to hold them all (a document's state after a catch-up). */
  replace(state: Uint8Array): void {
    this.parts = [state];
  }

  /** The stored text as one update, merged from its parts once and kept so. */
  state(): Uint8Array {
    if (this.parts.length === 0) this.parts = [Y.encodeStateAsUpdate(new Y.Doc())];
    if (this.parts.length > 1) this.parts = [Y.mergeUpdates(this.parts)];
    return this.parts[0]!;
  }

  /** The state vector of the stored text, kept until it changes. */
  stateVector(): Uint8Array {
    const state = this.state();
    if (this.vectorOf?.state !== state) this.vectorOf = { state, vector: Y.encodeStateVectorFromUpdate(state) };
    return this.vectorOf.vector;
  }

  /**
   * Whether a client with `stateVector` holds any of the stored text: one that holds none of it
   * (a fresh client, or one naming only writers this letter has not got) lacks all of it.
   */
  holdsPartOf(stateVector: Uint8Array): boolean {
    if (stateVector.length === 1 && stateVector[0] === 0) return false;
    const state = this.state();
    if (this.decodedOf?.state !== state) this.decodedOf = { state, clocks: Y.decodeStateVector(this.stateVector()) };
    const stored = this.decodedOf.clocks;
    for (const [client, clock] of Y.decodeStateVector(stateVector)) if (clock > 0 && (stored.get(client) ?? 0) > 0) return true;
    return false;
  }

  /** What a client with `stateVector` lacks: all of it for a fresh client (an empty state vector). */
  missingFrom(stateVector: Uint8Array): Uint8Array {
    const state = this.state();
    return stateVector.length === 1 && stateVector[0] === 0 ? state : Y.diffUpdate(state, stateVector);
  }
}
