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
  return { frames: new TokenBucket(frames, clock), bytes: new TokenBucket(bytes, clock), work: null };
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

  describe('the server’s work on the frames (SYNC_WORK_MS_PER_SECOND)', () => {
    /** Budgets that let every frame through by count and size, and `work` of the server's time. */
    const workBudget = (work: { perSecond: number; burst: number }) => ({ ...buckets({ perSecond: 1e9, burst: 1e9 }), work: new TokenBucket(work, clock) });
    /** A room that takes `costMs` of the clock to handle each frame, and records what it handled. */
    const costly = (costMs: number, handled: number[]) => (f: Uint8Array) => {
      now += costMs;
      handled.push(f[0]!);
    };

    it('holds a sender’s next frames, in order, once handling theirs took more time than their budget, until it is paid back', () => {
      const handled: number[] = [];
      const throttle = new FrameThrottle([workBudget({ perSecond: 100, burst: 100 })], 2000, costly(60, handled), clock);
      for (let i = 0; i < 4; i++) expect(throttle.push(new Uint8Array([i]))).toBe(true);
      // 120 ms spent against 100 saved up and 6 earned while the second was handled: 14 ms in debt, paid back in 140 ms.
      expect(handled).toEqual([0, 1]);
      advance(139);
      expect(handled).toEqual([0, 1]);
      advance(1);
      expect(handled).toEqual([0, 1, 2]);
      advance(1000);
      expect(handled).toEqual([0, 1, 2, 3]);
    });

    it('refuses a sender whose frames would wait for their work longer than the delay allowed, however cheap they are to send', () => {
      const handled: number[] = [];
      const throttle = new FrameThrottle([workBudget({ perSecond: 100, burst: 100 })], 300, costly(50, handled), clock);
      // Three frames spend the 100 ms saved up and 10 earned: 40 ms of debt take 400 ms to pay back.
      const accepted = [0, 1, 2, 3].map((i) => throttle.push(new Uint8Array([i])));
      expect(handled).toEqual([0, 1, 2]);
      expect(accepted).toEqual([true, true, true, false]);
    });

    it('refuses a backlog of frames held for work once the oldest has waited longer than the delay allowed', () => {
      const handled: number[] = [];
      const throttle = new FrameThrottle([workBudget({ perSecond: 100, burst: 100 })], 2000, costly(50, handled), clock);
      // Held frames are charged only as they are handled, so each new one waits for the debt alone.
      for (let i = 0; i < 20; i++) expect(throttle.push(new Uint8Array([i]))).toBe(true);
      expect(handled).toEqual([0, 1, 2]);
      advance(2100);
      expect(handled.length).toBeLessThan(10);
      expect(throttle.push(new Uint8Array([99]))).toBe(false);
    });

    it('costs one sender only: another connection with a budget of its own is handled at once, and a shared person budget counts both', () => {
      const handled: number[] = [];
      const person = { ...buckets({ perSecond: 1e9, burst: 1e9 }), work: new TokenBucket({ perSecond: 100, burst: 200 }, clock) };
      const flooder = new FrameThrottle([workBudget({ perSecond: 100, burst: 100 })], 2000, costly(80, handled), clock);
      const colleague = new FrameThrottle([workBudget({ perSecond: 100, burst: 100 })], 2000, costly(1, handled), clock);
      for (let i = 0; i < 5; i++) flooder.push(new Uint8Array([i]));
      colleague.push(new Uint8Array([50]));
      expect(handled).toEqual([0, 1, 50]);

      const firstTab = new FrameThrottle([workBudget({ perSecond: 1000, burst: 1000 }), person], 2000, costly(80, handled), clock);
      const secondTab = new FrameThrottle([workBudget({ perSecond: 1000, burst: 1000 }), person], 2000, costly(80, handled), clock);
      for (let i = 60; i < 63; i++) firstTab.push(new Uint8Array([i]));
      secondTab.push(new Uint8Array([70]));
      // 80 + 80 + 80 ms of the person's 200: the second tab waits for the debt the first left.
      expect(handled.slice(3)).toEqual([60, 61, 62]);
      advance(400);
      expect(handled.slice(3)).toEqual([60, 61, 62, 70]);
    });
  });
});
