import { describe, expect, it } from 'vitest';
import { StoreStillBusy } from '../store-busy.js';
import { BusyWaits } from './busy-waits.js';

function busyError(): Error {
  return Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
}

/** An area whose `write` finds the lock taken `lockedFor` times, then gets through. */
function areaLockedFor(lockedFor: number) {
  let calls = 0;
  return {
    get calls() {
      return calls;
    },
    async write(value: string): Promise<string> {
      calls++;
      if (calls <= lockedFor) throw busyError();
      return value;
    },
    appendWithin(value: string): string {
      return value;
    },
  };
}

describe('BusyWaits', () => {
  it('tries a call that found the lock taken again on a timer until it gets through, and reports the wait meanwhile', async () => {
    const waits = new BusyWaits(5_000);
    const area = waits.wrap(areaLockedFor(3));
    const writing = area.write('stored');
    await expect.poll(() => waits.busySince).not.toBeNull();
    await expect(writing).resolves.toBe('stored');
    expect(area.calls).toBe(4);
    expect(waits.busySince).toBeNull();
  });

  it('gives up with StoreStillBusy after its wait; other errors pass at once', async () => {
    const waits = new BusyWaits(100);
    await expect(waits.wrap(areaLockedFor(Number.POSITIVE_INFINITY)).write('never')).rejects.toBeInstanceOf(StoreStillBusy);
    expect(waits.busySince).toBeNull();
    const failing = waits.wrap({ write: async () => Promise.reject(new Error('constraint failed')) });
    await expect(failing.write()).rejects.toThrow('constraint failed');
  });

  it('leaves synchronous methods synchronous, for the areas that call them inside their transactions', () => {
    const area = new BusyWaits(100).wrap(areaLockedFor(0));
    expect(area.appendWithin('kept')).toBe('kept');
  });
});
