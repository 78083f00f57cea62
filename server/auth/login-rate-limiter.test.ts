import { describe, expect, it } from 'vitest';
import { LoginRateLimiter } from './login-rate-limiter.js';

function limiterAt(start = 0) {
  let now = start;
  const limiter = new LoginRateLimiter({ perAccount: 3, perAddress: 5, windowMs: 60_000 }, () => now);
  return { limiter, advance: (ms: number) => (now += ms) };
}

describe('login rate limiter', () => {
  it('blocks an account after its allowed failures and says how long to wait', () => {
    const { limiter } = limiterAt();
    for (let i = 0; i < 3; i++) limiter.recordFailure('a@x', '10.0.0.1');
    expect(limiter.check('a@x', '10.0.0.2')).toEqual({ allowed: false, retryAfterSeconds: 60 });
    expect(limiter.check('b@x', '10.0.0.2')).toEqual({ allowed: true });
  });

  it('blocks an address that tries many accounts', () => {
    const { limiter } = limiterAt();
    for (let i = 0; i < 5; i++) limiter.recordFailure(`user${i}@x`, '10.0.0.9');
    expect(limiter.check('fresh@x', '10.0.0.9').allowed).toBe(false);
    expect(limiter.check('fresh@x', '10.0.0.8').allowed).toBe(true);
  });

  it('lets attempts through again once the window has passed', () => {
    const { limiter, advance } = limiterAt();
    for (let i = 0; i < 3; i++) limiter.recordFailure('a@x', '10.0.0.1');
    advance(60_001);
    expect(limiter.check('a@x', '10.0.0.1').allowed).toBe(true);
  });

  it('clears an account after a successful sign-in', () => {
    const { limiter } = limiterAt();
    for (let i = 0; i < 2; i++) limiter.recordFailure('a@x', '10.0.0.1');
    limiter.recordSuccess('a@x');
    limiter.recordFailure('a@x', '10.0.0.1');
    expect(limiter.check('a@x', '10.0.0.1').allowed).toBe(true);
  });
});
