import { Redis } from 'ioredis';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import { memoryWriteLimiter, writeLimiterPrefix, writeWindowSeconds, type WriteLimiter } from '../http/write-budget.js';
import type { Logger } from '../logger.js';

export interface SharedWriteLimiter {
  limiter: WriteLimiter;
  /** Resolves once Redis first answers; until then each instance counts in memory. */
  ready: Promise<void>;
  close(): Promise<unknown>;
}

/**
 * Each person's writes counted in Redis, so that a load balancer spreading them over instances does
 * not multiply the budget. While Redis is away, each instance counts in memory alone: writes neither
 * stop nor become unlimited. Null when `perMinute` is 0 (no budget).
 *
 * `deployment` names the database the instances share: deployments that share one Redis but not a
 * database (people with the same ids in each, as a restored copy has) keep their counts apart.
 */
export function redisWriteLimiter(url: string, logger: Logger, perMinute: number, deployment: string): SharedWriteLimiter | null {
  const insurance = memoryWriteLimiter(perMinute);
  if (!insurance) return null;
  // Fails at once while Redis is away, and the count in memory decides, instead of holding writes up.
  const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  redis.on('error', (error: Error) => logger.debug({ err: error }, 'write budget: redis connection error'));
  const limiter = new RateLimiterRedis({
    storeClient: redis,
    points: perMinute,
    duration: writeWindowSeconds,
    keyPrefix: `${writeLimiterPrefix}:${deployment}`,
    rejectIfRedisNotReady: true,
    insuranceLimiter: insurance,
  });
  const ready = new Promise<void>((resolve) => redis.once('ready', () => resolve()));
  return { limiter, ready, close: () => redis.quit().catch(() => {}) };
}

/** The database a DATABASE_URL names (its host, port and name), which scopes the shared counts. */
export function deploymentOf(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  return `${url.hostname}:${url.port}${url.pathname}`;
}
