import { describe, expect, it } from 'vitest';
import { HeldUpdates, maxRetryPasses } from './held-updates.js';

/** Held updates numbered 0..count-1, each already read for: a refusal now stands. */
function heldAfterRead(count: number): { held: HeldUpdates; updates: Uint8Array[] } {
  const held = new HeldUpdates();
  const updates = Array.from({ length: count }, (_, i) => new Uint8Array([i]));
  for (const update of updates) held.hold(update, 'store');
  for (const entry of held.askRead(true)) entry.readDone = true;
  return { held, updates };
}

/** Applies an update once those it needs are applied; otherwise holds it again, or refuses it on its last attempt. */
function receiver(held: HeldUpdates, needs: (index: number) => number[]) {
  const applied: number[] = [];
  let attempts = 0;
  const receive = (update: Uint8Array) => {
    attempts++;
    const index = update[0]!;
    if (needs(index).every((other) => applied.includes(other))) {
      applied.push(index);
      return;
    }
    if (!held.hold(update, 'store')) throw new Error(`update ${index} lacks what it builds on`);
  };
  return { receive, applied, attempts: () => attempts };
}

describe('held updates', () => {
  it('applies changes typed while reconnecting that came ahead of the sync answer they build on', () => {
    // Two keystrokes, then the answer with the offline words they build on.
    const { held } = heldAfterRead(3);
    const { receive, applied } = receiver(held, (index) => (index === 2 ? [] : [2, ...(index === 1 ? [0] : [])]));

    held.retry(receive);

    expect(applied).toEqual([2, 0, 1]);
    expect(held.isEmpty).toBe(true);
  });

  it(`refuses a chain held back to front after ${maxRetryPasses} passes instead of one pass per update`, () => {
    const { held, updates } = heldAfterRead(50);
    const { receive, applied, attempts } = receiver(held, (index) => (index < updates.length - 1 ? [index + 1] : []));

    expect(() => held.retry(receive)).toThrow('lacks what it builds on');
    expect(applied).toHaveLength(maxRetryPasses);
    expect(attempts()).toBeLessThanOrEqual(maxRetryPasses * updates.length);
  });

  it('tries only the updates held for the sync answer when an answer comes: those waiting for the store are not decoded again for each answer', () => {
    const held = new HeldUpdates();
    held.hold(new Uint8Array([0]), 'store');
    held.hold(new Uint8Array([1]), 'answer');
    const { receive, applied, attempts } = receiver(held, () => []);

    for (let answer = 0; answer < 100; answer++) held.retry(receive, 'answer');

    expect(applied).toEqual([1]);
    expect(attempts()).toBe(1);
    expect(held.isEmpty).toBe(false);
    held.retry(receive);
    expect(applied).toEqual([1, 0]);
  });

  it('keeps holding, without refusing, an update whose read of the store is not done yet', () => {
    const held = new HeldUpdates();
    held.hold(new Uint8Array([0]), 'store');
    const { receive, applied } = receiver(held, () => [1]);

    held.retry(receive);

    expect(applied).toEqual([]);
    expect(held.isEmpty).toBe(false);
    expect(held.askRead(true)).toHaveLength(1);
  });
});
