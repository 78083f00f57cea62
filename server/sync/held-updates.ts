/** Limits on the updates one connection may have held at once (see HeldUpdates). */
export const maxHeldUpdates = 256;
export const maxHeldBytes = 1024 * 1024;
/**
 * How many times `retry` goes over the held updates. An honest client needs two passes and one
 * that finds nothing more to apply (its changes typed while reconnecting, then the sync answer
 * they build on); the bound keeps updates chained back to front from costing a pass each.
 */
export const maxRetryPasses = 4;

/** What a held update waits for: the client's sync answer, or a read of the store. */
export type HeldFor = 'answer' | 'store';

/** An update held back, and whether the room has read the store since it came. */
export interface HeldUpdate {
  readonly update: Uint8Array;
  heldFor: HeldFor;
  /** A store read was asked for after this update came. */
  readRequested: boolean;
  /** That read is done: if the update still lacks something, it is refused. */
  readDone: boolean;
}

/**
 * One connection's updates that build on text the room does not hold yet. Before the client's
 * sync answer it is the text that answer brings: y-websocket sends a change made while
 * reconnecting as soon as the socket opens, ahead of the offline edits it builds on. After the
 * answer it is text another instance committed that has not reached this one (the relay lags or
 * lost a message): a client that holds it (its sync answer resends what it holds pending) got it
 * from a server after it was stored, so one read of the store brings it. An update that still
 * lacks something after that read is refused (4422).
 */
export class HeldUpdates {
  private entries: HeldUpdate[] = [];
  private bytes = 0;
  /** The held update being tried again by `retry`, if any. */
  private current: HeldUpdate | null = null;

  get isEmpty(): boolean {
    return this.entries.length === 0;
  }

  /** Whether the update being tried again had its read of the store: it is applied or refused now. */
  get isLastAttempt(): boolean {
    return this.current?.readDone ?? false;
  }

  /** Holds `update`; false (refuse it now) beyond the limits, or on its last attempt. */
  hold(update: Uint8Array, heldFor: HeldFor): boolean {
    if (this.isLastAttempt || this.entries.length >= maxHeldUpdates || this.bytes + update.length > maxHeldBytes) return false;
    // One tried again stays the same entry: a read asked for it still marks it done.
    const entry = this.current ?? { update, heldFor, readRequested: false, readDone: false };
    entry.heldFor = heldFor;
    this.keep(entry);
    return true;
  }

  /**
   * The held updates that wait for a read of the store no read was asked for yet, now marked as
   * asked for. Once the client has answered, those held for the answer wait for a read too.
   */
  askRead(hasAnswered: boolean): HeldUpdate[] {
    const asking = this.entries.filter((entry) => !entry.readRequested && (hasAnswered || entry.heldFor === 'store'));
    for (const entry of asking) entry.readRequested = true;
    return asking;
  }

  /**
   * Tries every held update again through `receive`, which holds again what still waits (unless
   * its read is done) and throws to refuse. An update may build on one that came after it (a
   * change typed while reconnecting comes before the sync answer it builds on), so the updates
   * are tried in the order they came, again while a pass applies any (at most `maxRetryPasses`
   * times); a refusal stands when the last pass refused it, and then the first one is thrown.
   * `only`: try just the updates held for that (a sync answer cannot bring what the store holds,
   * and trying those again on every answer a client sends would cost a decode each for nothing).
   */
  retry(receive: (update: Uint8Array) => void, only?: HeldFor): void {
    let refusal: { error: unknown } | null = null;
    for (let pass = 0, progress = true; progress && this.entries.length > 0 && pass < maxRetryPasses; pass++) {
      progress = false;
      refusal = null;
      const entries = this.entries;
      this.entries = [];
      this.bytes = 0;
      try {
        for (const entry of entries) {
          if (only !== undefined && entry.heldFor !== only) {
            this.keep(entry);
            continue;
          }
          this.current = entry;
          const heldBefore = this.entries.length;
          try {
            receive(entry.update);
            if (this.entries.length === heldBefore) progress = true;
          } catch (error) {
            refusal ??= { error };
            this.keep(entry);
          }
        }
      } finally {
        this.current = null;
      }
    }
    if (refusal !== null) throw refusal.error;
  }

  private keep(entry: HeldUpdate): void {
    this.entries.push(entry);
    this.bytes += entry.update.length;
  }
}
