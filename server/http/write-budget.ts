import type { MiddlewareHandler } from 'hono';
import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { ErrorCode } from '../../shared/api/errors.js';
import type { Logger } from '../logger.js';
import type { AppEnv } from './app-env.js';
import { AppError } from './app-error.js';

/** Counts one person's writes; in this process, or shared by every instance (server/scale/redis-write-limiter.ts). */
export type WriteLimiter = RateLimiterAbstract;

/** The window of WRITE_REQUESTS_PER_MINUTE, in seconds. */
export const writeWindowSeconds = 60;
export const writeLimiterPrefix = 'jointly-writes';

const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Signing in has its own limiter, and signing out must always work. */
const unbudgetedPrefix = '/api/auth/';

/** This process's count of each person's writes in the current minute; null when `perMinute` is 0 (no budget). */
export function memoryWriteLimiter(perMinute: number): WriteLimiter | null {
  if (perMinute === 0) return null;
  return new RateLimiterMemory({ points: perMinute, duration: writeWindowSeconds, keyPrefix: writeLimiterPrefix });
}

/**
 * One budget for every write a signed-in person makes through the API (POST, PUT, PATCH, DELETE):
 * each resolve, reaction, reminder or decision also costs every other member an audit event and a
 * live message, so a person repeating a permitted write without end is refused with 429
 * `too_many_writes` and Retry-After until the minute is over. Counted per person, across their
 * sessions and addresses. Requests without a session pass on to be refused as they are.
 */
export function writeBudget(limiter: WriteLimiter, logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const user = c.get('user');
    if (!user || !writeMethods.has(c.req.method) || c.req.path.startsWith(unbudgetedPrefix)) return next();
    try {
      await limiter.consume(user.id);
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) {
        // The count could not be kept (Redis away without a fallback): the write goes through rather than nobody writing.
        logger.warn({ err: refusal }, 'write budget: could not count a write');
        return next();
      }
      const seconds = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
      c.header('Retry-After', String(seconds));
      throw new AppError(
        429,
        ErrorCode.tooManyWrites,
        `Too many changes in a short time. Wait ${seconds} second${seconds === 1 ? '' : 's'}, then try again.`,
      );
    }
    return next();
  };
}
