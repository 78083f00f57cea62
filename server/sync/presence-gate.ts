import type { Rate } from '../config.js';
import { TokenBucket } from './token-bucket.js';

/**
 * One connection's presence rate. Presence is a state, not a history: only a sender's latest
 * state matters to the others. So within the rate each update is applied at once; beyond it the
 * latest one waits (replacing any that waited before it) and is applied as soon as the rate
 * allows. A flood of caret moves thus costs the server and everyone else at most the rate, and
 * the flooder's final state still arrives.
 */
export class PresenceGate {
  private readonly bucket: TokenBucket;
  private waiting: Uint8Array | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    rate: Rate,
    private readonly apply: (update: Uint8Array) => void,
  ) {
    this.bucket = new TokenBucket(rate);
  }

  admit(update: Uint8Array): void {
    if (this.timer === null && this.bucket.waitFor(1) === 0) {
      this.bucket.take(1);
      return this.apply(update);
    }
    this.waiting = update;
    this.timer ??= setTimeout(this.applyWaiting, Math.ceil(this.bucket.waitFor(1)));
  }

  /** Drops what waits (the connection left). */
  stop(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.waiting = null;
  }

  private readonly applyWaiting = (): void => {
    this.timer = null;
    const update = this.waiting;
    this.waiting = null;
    if (update === null) return;
    this.bucket.take(1);
    this.apply(update);
  };
}
