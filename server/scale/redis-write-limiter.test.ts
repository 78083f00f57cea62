import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { createLogger } from '../logger.js';
import { RedisServer } from '../../tests/integration/harness/redis-server.js';
import { deploymentOf, redisWriteLimiter, type SharedWriteLimiter } from './redis-write-limiter.js';

describe('write budgets counted in a shared Redis', () => {
  let redis: RedisServer;
  const limiters: SharedWriteLimiter[] = [];

  beforeAll(async () => {
    redis = await RedisServer.start();
  });
  afterAll(async () => {
    await Promise.all(limiters.map((limiter) => limiter.close()));
    await redis.stop();
  });

  function limiterFor(databaseUrl: string): SharedWriteLimiter {
    const limiter = redisWriteLimiter(redis.url, createLogger('silent'), 3, deploymentOf(databaseUrl))!;
    limiters.push(limiter);
    return limiter;
  }

  async function accepted(limiter: SharedWriteLimiter, userId: string): Promise<boolean> {
    try {
      await limiter.limiter.consume(userId);
      return true;
    } catch (refusal) {
      if (refusal instanceof RateLimiterRes) return false;
      throw refusal;
    }
  }

  it('two instances of one deployment share each person’s count; another deployment on the same Redis keeps its own', async () => {
    const first = limiterFor('postgres://db.example:5432/jointly');
    const second = limiterFor('postgres://jointly:secret@db.example:5432/jointly');
    const restoredCopy = limiterFor('postgres://db.example:5432/jointly_restored');
    await Promise.all([first.ready, second.ready, restoredCopy.ready]);
    const person = 'b7c1e0de-1f0a-4c53-9d65-0a7c2f9a1e11';

    expect([await accepted(first, person), await accepted(second, person), await accepted(first, person)]).toEqual([true, true, true]);
    expect(await accepted(second, person)).toBe(false);
    // The same person id in another database is someone else's count.
    expect([await accepted(restoredCopy, person), await accepted(restoredCopy, person)]).toEqual([true, true]);
  });
});
