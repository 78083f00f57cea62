import type { TokenBucket } from './token-bucket.js';

/** The buckets a frame is counted against: the connection's own and its person's, shared by all their connections. */
export interface FrameBuckets {
  frames: TokenBucket;
  bytes: TokenBucket;
  /**
   * Milliseconds the server spends on the frames, charged once each frame is handled (its cost is
   * known only then). While it is in debt, further frames wait. Null: not counted.
   */
  work: TokenBucket | null;
}

/**
 * Keeps one connection's frames within its budgets. A frame within budget is delivered at once;
 * one over budget is held until the buckets have refilled (the sender is slowed, frames stay in
 * order); one that would wait longer than `maxDelayMs` is refused, and the caller closes the
 * connection. What is held is therefore bounded by the budgets themselves.
 *
 * Frames and bytes are what a sender can count; the time the server spends on them is what the
 * other letters wait for. A frame small and cheap to send may be costly to check and apply (a new
 * paragraph in a long letter, a paste), so each frame's handling is timed and charged to the work
 * buckets: a sender whose frames took more than their share waits until it is paid back, and one
 * whose frames have waited longer than `maxDelayMs` is refused.
 *
 * A small token bucket rather than rate-limiter-flexible's RateLimiterMemory: this runs for every
 * frame, must answer synchronously (a promise per frame would reorder nothing but cost a
 * microtask each), must say how long to wait rather than only yes or no, and must charge two
 * buckets (connection and person) only if both admit the frame.
 */
export class FrameThrottle {
  private readonly held: { frame: Uint8Array; dueAt: number; arrivedAt: number }[] = [];
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
    const now = this.now();
    const debt = this.workDebt();
    // Frames held for work are charged only once handled: how long the oldest waits is the backlog's wait.
    const oldest = this.held[0];
    if (oldest && Math.max(oldest.dueAt, now + debt) - oldest.arrivedAt > this.maxDelayMs) return false;
    let wait = debt;
    for (const bucket of this.buckets) wait = Math.max(wait, bucket.frames.waitFor(1), bucket.bytes.waitFor(frame.length));
    if (wait > this.maxDelayMs) return false;
    for (const bucket of this.buckets) {
      bucket.frames.take(1);
      bucket.bytes.take(frame.length);
    }
    if (wait === 0 && this.held.length === 0) {
      this.handle(frame);
      return true;
    }
    this.held.push({ frame, dueAt: now + wait, arrivedAt: now });
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

  /** Milliseconds until the work buckets are out of debt; 0 if none is. */
  private workDebt(): number {
    let wait = 0;
    for (const { work } of this.buckets) if (work) wait = Math.max(wait, work.waitFor(0));
    return wait;
  }

  /** Delivers a frame and charges the time its handling took. */
  private handle(frame: Uint8Array): void {
    const startedAt = this.now();
    this.deliver(frame);
    const spent = this.now() - startedAt;
    for (const { work } of this.buckets) work?.take(spent);
  }

  private readonly deliverDue = (): void => {
    this.timer = null;
    while (!this.stopped && this.held.length > 0) {
      const next = this.held[0]!;
      const now = this.now();
      // The frames handled before this one may have put the work buckets in debt since it was scheduled.
      next.dueAt = Math.max(next.dueAt, now + this.workDebt());
      if (next.dueAt > now) break;
      this.held.shift();
      this.handle(next.frame);
    }
    if (!this.stopped) this.schedule();
  };
}
