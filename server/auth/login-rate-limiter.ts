export interface RateLimits {
  /** Failed attempts allowed per account within the window. */
  perAccount: number;
  /** Failed attempts allowed per network address within the window. */
  perAddress: number;
  windowMs: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export const defaultRateLimits: RateLimits = { perAccount: 5, perAddress: 20, windowMs: 15 * 60_000 };

/** What sign-in asks of a limiter: the one below, in memory, or one that several instances share (server/scale/). */
export interface SignInLimiter {
  check(account: string, address: string): RateDecision | Promise<RateDecision>;
  recordFailure(account: string, address: string): void | Promise<void>;
  /** A successful sign-in clears the account's count (not the address's). */
  recordSuccess(account: string): void | Promise<void>;
}

/** Turns each key's wait (0: that key allows another attempt) into one decision. */
export function decide(waits: number[]): RateDecision {
  const wait = Math.max(...waits);
  return wait > 0 ? { allowed: false, retryAfterSeconds: Math.ceil(wait / 1000) } : { allowed: true };
}

/** Milliseconds until one more attempt is allowed under `limit`, given the failure times in the window (oldest first). */
export function waitAfter(recent: readonly number[], limit: number, windowMs: number, now: number): number {
  if (recent.length < limit) return 0;
  const oldestCounted = recent[recent.length - limit]!;
  return Math.max(0, oldestCounted + windowMs - now);
}

/**
 * Counts failed sign-ins per account and per address in a sliding window. Per account stops
 * guessing one person's password from many addresses; per address stops one machine trying many
 * accounts. Kept in memory: a restart forgets, which only helps a patient attacker a little.
 */
export class LoginRateLimiter implements SignInLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limits: RateLimits = defaultRateLimits,
    private readonly now: () => number = Date.now,
  ) {}

  check(account: string, address: string): RateDecision {
    const { perAccount, perAddress, windowMs } = this.limits;
    return decide([
      waitAfter(this.recent(`account:${account}`), perAccount, windowMs, this.now()),
      waitAfter(this.recent(`address:${address}`), perAddress, windowMs, this.now()),
    ]);
  }

  recordFailure(account: string, address: string): void {
    for (const key of [`account:${account}`, `address:${address}`]) {
      const recent = this.recent(key);
      recent.push(this.now());
      this.failures.set(key, recent);
    }
  }

  recordSuccess(account: string): void {
    this.failures.delete(`account:${account}`);
  }

  private recent(key: string): number[] {
    const cutoff = this.now() - this.limits.windowMs;
    const recent = (this.failures.get(key) ?? []).filter((time) => time > cutoff);
    if (recent.length === 0) this.failures.delete(key);
    return recent;
  }
}
