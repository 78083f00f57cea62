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
  /**
   * How far the stored text reaches for each writer (its state vector, decoded), kept current with
   * every update kept; null until first needed when nobody gave it. Reading it from the merged
   * state walks every item of the letter (about 13 ms at 260 KiB), which a cold join would pay.
   */
  private clocks: Map<number, number> | null = null;
  private encodedVector: Uint8Array | null = null;

  /**
   * `snapshotVector`: the state vector stored with the first part (a snapshot), if the store kept
   * one; the parts after it are small updates whose reach is read from them alone.
   */
  constructor(parts: readonly Uint8Array[], snapshotVector: Uint8Array | null = null) {
    this.parts = [...parts];
    if (snapshotVector !== null && parts.length > 0) {
      this.clocks = Y.decodeStateVector(snapshotVector);
      for (const update of parts.slice(1)) this.extendClocks(update);
    }
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
    if (this.clocks !== null) this.extendClocks(update);
    if (this.parts.length <= maxParts) return;
    const [head, ...tail] = this.parts;
    const merged = Y.mergeUpdates(tail);
    this.parts = merged.length * 4 > head!.length ? [Y.mergeUpdates([head!, merged])] : [head!, merged];
  }

  /** Replaces every part with one update known to hold them all (a document's state after a catch-up). */
  replace(state: Uint8Array): void {
    this.parts = [state];
    this.clocks = null;
    this.encodedVector = null;
  }

  /** The stored text as one update, merged from its parts once and kept so. */
  state(): Uint8Array {
    if (this.parts.length === 0) this.parts = [Y.encodeStateAsUpdate(new Y.Doc())];
    if (this.parts.length > 1) this.parts = [Y.mergeUpdates(this.parts)];
    return this.parts[0]!;
  }

  /** The state vector of the stored text, kept until it changes. */
  stateVector(): Uint8Array {
    return (this.encodedVector ??= Y.encodeStateVector(this.storedClocks()));
  }

  private storedClocks(): Map<number, number> {
    return (this.clocks ??= Y.decodeStateVector(Y.encodeStateVectorFromUpdate(this.state())));
  }

  /**
   * Extends the known reach by one update that applied without anything left pending (the room
   * refuses any other): each writer's last item in it, a skipped range aside, is where that writer now ends.
   */
  private extendClocks(update: Uint8Array): void {
    const clocks = this.clocks!;
    for (const struct of Y.decodeUpdate(update).structs) {
      if (struct instanceof Y.Skip) continue;
      const end = struct.id.clock + struct.length;
      if (end > (clocks.get(struct.id.client) ?? 0)) clocks.set(struct.id.client, end);
    }
    this.encodedVector = null;
  }

  /**
   * Whether a client with `stateVector` holds any of the stored text: one that holds none of it
   * (a fresh client, or one naming only writers this letter has not got) lacks all of it.
   */
  holdsPartOf(stateVector: Uint8Array): boolean {
    if (stateVector.length === 1 && stateVector[0] === 0) return false;
    const stored = this.storedClocks();
    for (const [client, clock] of Y.decodeStateVector(stateVector)) if (clock > 0 && (stored.get(client) ?? 0) > 0) return true;
    return false;
  }

  /** What a client with `stateVector` lacks: all of it for a fresh client (an empty state vector). */
  missingFrom(stateVector: Uint8Array): Uint8Array {
    const state = this.state();
    return stateVector.length === 1 && stateVector[0] === 0 ? state : Y.diffUpdate(state, stateVector);
  }
}
