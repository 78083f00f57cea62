import { Redis } from 'ioredis';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import { memoryWriteLimiter, writeLimiterPrefix, writeWindowSeconds, type WriteLimiter } from '../http/write-budget.js';
import type { Logger } from '../logger.js';

export interface SharedWriteLimiter {
  limiter: WriteLimiter;
  close(): Promise<unknown>;
}

/**
 * Each person's writes counted in Redis, so that a load balancer spreading them over instances does
 * not multiply the budget. While Redis is away, each instance counts in memory alone: writes neither
 * stop nor become unlimited. Null when `perMinute` is 0 (no budget).
 */
export function redisWriteLimiter(url: string, logger: Logger, perMinute: number): SharedWriteLimiter | null {
  const insurance = memoryWriteLimiter(perMinute);
  if (!insurance) return null;
  // Fails at once while Redis is away, and the count in memory decides, instead of holding writes up.
  const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  redis.on('error', (error: Error) => logger.debug({ err: error }, 'write budget: redis connection error'));
  const limiter = new RateLimiterRedis({
    storeClient: redis,
    points: perMinute,
    duration: writeWindowSeconds,
    keyPrefix: writeLimiterPrefix,
    rejectIfRedisNotReady: true,
    insuranceLimiter: insurance,
  });
  return { limiter, close: () => redis.quit().catch(() => {}) };
}
