export interface RateLimits {
  /** Failed attempts allowed per account within the window. */
  perAccount: number;
  /** Failed attempts allowed per network address within the window. */
  perAddress: number;
  windowMs: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts failed sign-ins per account and per address in a sliding window. Per account stops
 * guessing one person's password from many addresses; per address stops one machine trying many
 * accounts. Kept in memory: a restart forgets, which only helps a patient attacker a little.
 */
export class LoginRateLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limits: RateLimits = { perAccount: 5, perAddress: 20, windowMs: 15 * 60_000 },
    private readonly now: () => number = Date.now,
  ) {}

  check(account: string, address: string): RateDecision {
    const waits = [
      this.waitFor(`account:${account}`, this.limits.perAccount),
      this.waitFor(`address:${address}`, this.limits.perAddress),
    ];
    const wait = Math.max(...waits);
    return wait > 0 ? { allowed: false, retryAfterSeconds: Math.ceil(wait / 1000) } : { allowed: true };
  }

  recordFailure(account: string, address: string): void {
    for (const key of [`account:${account}`, `address:${address}`]) {
      const recent = this.recent(key);
      recent.push(this.now());
      this.failures.set(key, recent);
    }
  }

  /** A successful sign-in clears the account's count (not the address's). */
  recordSuccess(account: string): void {
    this.failures.delete(`account:${account}`);
  }

  private recent(key: string): number[] {
    const cutoff = this.now() - this.limits.windowMs;
    const recent = (this.failures.get(key) ?? []).filter((time) => time > cutoff);
    if (recent.length === 0) this.failures.delete(key);
    return recent;
  }

  /** Milliseconds until one more attempt is allowed under `limit`; 0 if it is allowed now. */
  private waitFor(key: string, limit: number): number {
    const recent = this.recent(key);
    if (recent.length < limit) return 0;
    const oldestCounted = recent[recent.length - limit]!;
    return oldestCounted + this.limits.windowMs - this.now();
  }
}
