import type { Rate } from '../config.js';

/**
 * A token bucket that lends: a take beyond what the bucket holds leaves it in debt, and the next
 * take waits until the refill has paid the debt. So `waitFor` says how long a frame must be held
 * to stay within the rate, and frames taken in order become due in order.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly rate: Rate,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = rate.burst;
    this.updatedAt = now();
  }

  /** Milliseconds until `cost` tokens are there; 0 means now. A cost above the burst counts as the burst. */
  waitFor(cost: number): number {
    this.refill();
    const needed = Math.min(cost, this.rate.burst);
    return this.tokens >= needed ? 0 : ((needed - this.tokens) / this.rate.perSecond) * 1000;
  }

  /** Whether the bucket holds `cost` tokens now: for a budget that refuses rather than delays (never true above the burst). */
  holds(cost: number): boolean {
    this.refill();
    return this.tokens >= cost;
  }

  /** Whether the bucket has refilled to its burst: then it is as good as a new one. */
  isFull(): boolean {
    this.refill();
    return this.tokens >= this.rate.burst;
  }

  /** Takes `cost` tokens, going into debt if the bucket holds fewer. */
  take(cost: number): void {
    this.refill();
    this.tokens -= Math.min(cost, this.rate.burst);
  }

  private refill(): void {
    const now = this.now();
    this.tokens = Math.min(this.rate.burst, this.tokens + ((now - this.updatedAt) / 1000) * this.rate.perSecond);
    this.updatedAt = now;
  }
}
