import { Redis } from 'ioredis';
import { decide, defaultRateLimits, LoginRateLimiter, waitAfter, type RateDecision, type RateLimits, type SignInLimiter } from '../auth/login-rate-limiter.js';
import type { Logger } from '../logger.js';

const keyPrefix = 'jointly:sign-in-failures:';

/**
 * Failed sign-ins counted across every instance, in one Redis sorted set per account and per
 * address (score: the time of the failure), so that a load balancer spreading the guesses over
 * instances does not multiply the allowance. Each instance also counts in memory: while Redis is
 * away, that count alone decides, so sign-in neither stops nor becomes unlimited.
 */
export class RedisLoginRateLimiter implements SignInLimiter {
  private readonly local: LoginRateLimiter;

  constructor(
    private readonly redis: Redis,
    private readonly logger: Logger,
    private readonly limits: RateLimits = defaultRateLimits,
    private readonly now: () => number = Date.now,
  ) {
    this.local = new LoginRateLimiter(limits, now);
    redis.on('error', (error: Error) => logger.debug({ err: error }, 'sign-in limiter: redis connection error'));
  }

  static connect(url: string, logger: Logger, limits?: RateLimits): RedisLoginRateLimiter {
    // Fails at once while Redis is away instead of holding sign-ins up.
    return new RedisLoginRateLimiter(new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 }), logger, limits);
  }

  async check(account: string, address: string): Promise<RateDecision> {
    const local = this.local.check(account, address);
    try {
      const { perAccount, perAddress, windowMs } = this.limits;
      const [accountFailures, addressFailures] = await Promise.all([this.recent(`account:${account}`), this.recent(`address:${address}`)]);
      const now = this.now();
      const shared = decide([waitAfter(accountFailures, perAccount, windowMs, now), waitAfter(addressFailures, perAddress, windowMs, now)]);
      // The shared count includes this instance's, unless Redis missed some while it was away.
      if (shared.allowed) return local;
      return local.allowed || shared.retryAfterSeconds > local.retryAfterSeconds ? shared : local;
    } catch (error) {
      this.logger.warn({ err: error }, 'sign-in limiter: redis unavailable; counting on this instance only');
      return local;
    }
  }

  async recordFailure(account: string, address: string): Promise<void> {
    this.local.recordFailure(account, address);
    const now = this.now();
    const member = `${now}:${Math.random().toString(36).slice(2)}`;
    try {
      const batch = this.redis.multi();
      for (const key of [`account:${account}`, `address:${address}`]) {
        batch.zadd(keyPrefix + key, now, member).pexpire(keyPrefix + key, this.limits.windowMs);
      }
      await batch.exec();
    } catch (error) {
      this.logger.warn({ err: error }, 'sign-in limiter: could not share a failure');
    }
  }

  async recordSuccess(account: string): Promise<void> {
    this.local.recordSuccess(account);
    await this.redis.del(`${keyPrefix}account:${account}`).catch((error: unknown) => this.logger.warn({ err: error }, 'sign-in limiter: could not clear a count'));
  }

  close(): Promise<unknown> {
    return this.redis.quit().catch(() => {});
  }

  /** The failure times of `key` in the window, oldest first. */
  private async recent(key: string): Promise<number[]> {
    const from = this.now() - this.limits.windowMs;
    const scores = await this.redis.zrangebyscore(keyPrefix + key, `(${from}`, '+inf', 'WITHSCORES');
    return scores.filter((_value, index) => index % 2 === 1).map(Number);
  }
}
