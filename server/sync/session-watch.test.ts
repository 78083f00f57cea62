import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CloseCode } from '../../shared/protocol/close-codes.js';
import { SessionWatch } from './session-watch.js';

describe('SessionWatch', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(1_000_000);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('accepts frames until the end, then asks; an ended session closes with 4401', async () => {
    const renew = vi.fn(async () => null);
    const ended: CloseCode[] = [];
    const watch = new SessionWatch('s1', 1_003_000, () => null, renew, (code) => ended.push(code));
    await vi.advanceTimersByTimeAsync(2_999);
    expect(watch.isAccepting).toBe(true);
    expect(renew).not.toHaveBeenCalled();

    await vi.advanceTimersByTimeAsync(1);

    expect(renew).toHaveBeenCalledWith('s1', null);
    expect(ended).toEqual([CloseCode.unauthenticated]);
    expect(watch.isAccepting).toBe(false);
  });

  it('records the last use at the end and waits for the later end the session then has', async () => {
    let lastUse: number | null = null;
    const renew = vi.fn(async (_sessionId: string, usedAt: number | null) => (usedAt === null ? null : usedAt + 3_000));
    const ended: CloseCode[] = [];
    const watch = new SessionWatch('s1', 1_003_000, () => lastUse, renew, (code) => ended.push(code));
    lastUse = 1_002_000;

    await vi.advanceTimersByTimeAsync(3_000);
    expect(renew).toHaveBeenLastCalledWith('s1', 1_002_000);
    expect(ended).toEqual([]);
    expect(watch.isAccepting).toBe(true);

    lastUse = null;
    await vi.advanceTimersByTimeAsync(2_000);
    expect(ended).toEqual([CloseCode.unauthenticated]);
  });

  it('asks one question at a time, and closes with 4500 when the store cannot answer', async () => {
    let fail: (error: Error) => void = () => {};
    const renew = vi.fn(() => new Promise<number | null>((_resolve, reject) => (fail = reject)));
    const ended: CloseCode[] = [];
    const watch = new SessionWatch('s1', 1_000_000, () => null, renew, (code) => ended.push(code));
    const first = watch.check();
    const second = watch.check();
    expect(renew).toHaveBeenCalledTimes(1);

    fail(new Error('database unreachable'));

    expect(await first).toBe(false);
    expect(await second).toBe(false);
    expect(ended).toEqual([CloseCode.storeFailure]);
  });
});
