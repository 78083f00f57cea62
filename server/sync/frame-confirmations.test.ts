import { describe, expect, it } from 'vitest';
import { FrameConfirmations } from './frame-confirmations.js';

describe('FrameConfirmations', () => {
  it('numbers frames from 1 and confirms the highest frame a commit covers, once', () => {
    const confirmations = new FrameConfirmations();
    const first = confirmations.numberNext();
    const second = confirmations.numberNext();
    const third = confirmations.numberNext();
    expect([first, second, third]).toEqual([1, 2, 3]);
    confirmations.waitFor(first, 4);
    confirmations.waitFor(second, 4);
    confirmations.waitFor(third, 5);

    expect(confirmations.takeCovered(3)).toBeNull();
    expect(confirmations.takeCovered(4)).toBe(2);
    expect(confirmations.takeCovered(4)).toBeNull();
    expect(confirmations.takeCovered(5)).toBe(3);
  });

  it('starts from 1 on every connection', () => {
    const earlier = new FrameConfirmations();
    earlier.numberNext();
    earlier.numberNext();
    expect(new FrameConfirmations().numberNext()).toBe(1);
  });
});
