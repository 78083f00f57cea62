import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FrameThrottle } from './frame-throttle.js';
import { TokenBucket } from './token-bucket.js';

let now = 0;
const clock = () => now;
/** Moves the fake clock and runs the timers due by then. */
function advance(ms: number): void {
  now += ms;
  vi.advanceTimersByTime(ms);
}

function buckets(frames: { perSecond: number; burst: number }, bytes = { perSecond: 1e9, burst: 1e9 }) {
  return { frames: new TokenBucket(frames, clock), bytes: new TokenBucket(bytes, clock) };
}

const frame = (size = 1) => new Uint8Array(size);

describe('INV-13 frame budgets', () => {
  beforeEach(() => {
    now = 0;
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('frames within the burst are delivered at once', () => {
    const delivered: Uint8Array[] = [];
    const throttle = new FrameThrottle([buckets({ perSecond: 10, burst: 5 })], 1000, (f) => delivered.push(f), clock);
    for (let i = 0; i < 5; i++) expect(throttle.push(frame())).toBe(true);
    expect(delivered).toHaveLength(5);
  });

  it('frames over the rate are held and delivered in order as the bucket refills', () => {
    const delivered: number[] = [];
    const throttle = new FrameThrottle([buckets({ perSecond: 10, burst: 2 })], 1000, (f) => delivered.push(f[0]!), clock);
    for (let i = 0; i < 5; i++) throttle.push(new Uint8Array([i]));
    expect(delivered).toEqual([0, 1]);
    advance(100);
    expect(delivered).toEqual([0, 1, 2]);
    advance(200);
    expect(delivered).toEqual([0, 1, 2, 3, 4]);
  });

  it('a frame that would wait longer than the delay allowed is refused, and costs nothing', () => {
    const delivered: Uint8Array[] = [];
    const shared = buckets({ perSecond: 10, burst: 2 });
    const throttle = new FrameThrottle([shared], 300, (f) => delivered.push(f), clock);
    const accepted = Array.from({ length: 6 }, () => throttle.push(frame()));
    expect(accepted).toEqual([true, true, true, true, true, false]);
    advance(300);
    expect(delivered).toHaveLength(5);
    expect(throttle.push(frame())).toBe(true);
  });

  it("a person's budget is shared by all their connections", () => {
    const person = buckets({ perSecond: 10, burst: 3 });
    const delivered: string[] = [];
    const first = new FrameThrottle([buckets({ perSecond: 100, burst: 100 }), person], 100, () => delivered.push('first'), clock);
    const second = new FrameThrottle([buckets({ perSecond: 100, burst: 100 }), person], 100, () => delivered.push('second'), clock);
    first.push(frame());
    first.push(frame());
    second.push(frame());
    second.push(frame());
    expect(delivered).toEqual(['first', 'first', 'second']);
    advance(100);
    expect(delivered).toEqual(['first', 'first', 'second', 'second']);
  });

  it('bytes count too; a frame larger than the burst counts as the whole burst', () => {
    const delivered: Uint8Array[] = [];
    const throttle = new FrameThrottle([buckets({ perSecond: 1000, burst: 1000 }, { perSecond: 1000, burst: 4000 })], 5000, (f) => delivered.push(f), clock);
    expect(throttle.push(frame(10_000))).toBe(true);
    expect(delivered).toHaveLength(1);
    throttle.push(frame(2000));
    expect(delivered).toHaveLength(1);
    advance(2000);
    expect(delivered).toHaveLength(2);
  });

  it('stop drops what is held', () => {
    const delivered: Uint8Array[] = [];
    const throttle = new FrameThrottle([buckets({ perSecond: 10, burst: 1 })], 1000, (f) => delivered.push(f), clock);
    throttle.push(frame());
    throttle.push(frame());
    throttle.stop();
    advance(1000);
    expect(delivered).toHaveLength(1);
  });
});
