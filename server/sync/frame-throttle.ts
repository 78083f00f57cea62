import type { TokenBucket } from './token-bucket.js';

/** The buckets a frame is counted against: the connection's own and its person's, shared by all their connections. */
export interface FrameBuckets {
  frames: TokenBucket;
  bytes: TokenBucket;
}

/**
 * Keeps one connection's frames within its budgets. A frame within budget is delivered at once;
 * one over budget is held until the buckets have refilled (the sender is slowed, frames stay in
 * order); one that would wait longer than `maxDelayMs` is refused, and the caller closes the
 * connection. What is held is therefore bounded by the budgets themselves.
 *
 * A small token bucket rather than rate-limiter-flexible's RateLimiterMemory: this runs for every
 * frame, must answer synchronously (a promise per frame would reorder nothing but cost a
 * microtask each), must say how long to wait rather than only yes or no, and must charge two
 * buckets (connection and person) only if both admit the frame.
 */
export class FrameThrottle {
  private readonly held: { frame: Uint8Array; dueAt: number }[] = [];
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly buckets: readonly FrameBuckets[],
    private readonly maxDelayMs: number,
    private readonly deliver: (frame: Uint8Array) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Delivers `frame` now or later; false if it is over budget for longer than the delay allowed. */
  push(frame: Uint8Array): boolean {
    if (this.stopped) return true;
    let wait = 0;
    for (const bucket of this.buckets) wait = Math.max(wait, bucket.frames.waitFor(1), bucket.bytes.waitFor(frame.length));
    if (wait > this.maxDelayMs) return false;
    for (const bucket of this.buckets) {
      bucket.frames.take(1);
      bucket.bytes.take(frame.length);
    }
    if (wait === 0 && this.held.length === 0) {
      this.deliver(frame);
      return true;
    }
    this.held.push({ frame, dueAt: this.now() + wait });
    this.schedule();
    return true;
  }

  /** Drops what is held: the connection has closed. */
  stop(): void {
    this.stopped = true;
    this.held.length = 0;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    const next = this.held[0];
    if (this.timer || !next) return;
    this.timer = setTimeout(this.deliverDue, Math.max(0, next.dueAt - this.now()));
  }

  private readonly deliverDue = (): void => {
    this.timer = null;
    const now = this.now();
    while (!this.stopped && this.held.length > 0 && this.held[0]!.dueAt <= now) this.deliver(this.held.shift()!.frame);
    if (!this.stopped) this.schedule();
  };
}
