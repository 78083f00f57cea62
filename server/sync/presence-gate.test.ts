import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PresenceGate } from './presence-gate.js';

const update = (n: number) => new Uint8Array([n]);

describe('PresenceGate', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('applies updates within the rate at once, and of a flood beyond it only the latest, once the rate allows', () => {
    const applied: number[] = [];
    const gate = new PresenceGate({ perSecond: 10, burst: 3 }, (u) => applied.push(u[0]!));
    for (let n = 1; n <= 100; n++) gate.admit(update(n));
    expect(applied).toEqual([1, 2, 3]);
    vi.advanceTimersByTime(100);
    expect(applied).toEqual([1, 2, 3, 100]);
    vi.advanceTimersByTime(10_000);
    expect(applied).toEqual([1, 2, 3, 100]);
  });

  it('keeps a flood to the rate over time', () => {
    const applied: number[] = [];
    const gate = new PresenceGate({ perSecond: 10, burst: 3 }, (u) => applied.push(u[0]!));
    for (let ms = 0; ms < 5_000; ms += 5) {
      gate.admit(update(ms % 250));
      vi.advanceTimersByTime(5);
    }
    // 3 at once, then 10 a second for 5 seconds.
    expect(applied.length).toBeLessThanOrEqual(3 + 50 + 1);
    expect(applied.length).toBeGreaterThanOrEqual(45);
  });

  it('drops what waits once stopped', () => {
    const applied: number[] = [];
    const gate = new PresenceGate({ perSecond: 10, burst: 1 }, (u) => applied.push(u[0]!));
    gate.admit(update(1));
    gate.admit(update(2));
    gate.stop();
    vi.advanceTimersByTime(1_000);
    expect(applied).toEqual([1]);
  });
});
