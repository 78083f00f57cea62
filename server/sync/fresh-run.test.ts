import { describe, expect, it } from 'vitest';
import { FreshRun } from './fresh-run.js';

describe('fresh run', () => {
  it('gives a request made during a run the next run, shared by every request made meanwhile', async () => {
    const started: number[] = [];
    const releases: (() => void)[] = [];
    const run = new FreshRun(async () => {
      started.push(started.length);
      await new Promise<void>((resolve) => releases.push(resolve));
    });
    const first = run.request();
    const second = run.request();
    const third = run.request();
    expect(second).toBe(third);
    expect(started).toEqual([0]);
    releases[0]!();
    await first;
    await expect.poll(() => started).toEqual([0, 1]);
    releases[1]!();
    await second;
    expect(started).toEqual([0, 1]);
  });

  it('runs again after a failed run', async () => {
    let calls = 0;
    const run = new FreshRun(async () => {
      calls++;
      if (calls === 1) throw new Error('the store is away');
    });
    await expect(run.request()).rejects.toThrow('the store is away');
    await run.request();
    expect(calls).toBe(2);
  });
});
