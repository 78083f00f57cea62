import { describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/protocol/close-codes.js';
import { SyncRequestBudget } from './sync-request-budget.js';
import { refusalOf, testClock } from './test-refusals.js';

const rate = { perSecond: 1000, burst: 50_000 };
const vector = (clock: number) => new Uint8Array([1, 7, clock]);

/** A budget on a clock the test moves, in milliseconds. */
function budgetAt(start = 0) {
  const clock = testClock(start);
  return { budget: new SyncRequestBudget(rate, clock.now), advance: clock.advance };
}

/** Asks and, if it is to be answered, answers at once (nothing waits for a commit). */
function askAndAnswer(budget: SyncRequestBudget, letterBytes: number): void {
  if (budget.ask(vector(1), () => letterBytes)) budget.answered();
}

describe('SYNC-ASK sync step 1 asked again on one socket draws from a budget', () => {
  it('SYNC-ASK1 the first request of a socket is free, however large the letter', () => {
    const { budget } = budgetAt();
    expect(refusalOf(() => askAndAnswer(budget, 40_000))).toBeNull();
  });

  it('SYNC-ASK2 a later request costs the letter’s size: refused with 1013 until the connection has earned it', () => {
    const { budget, advance } = budgetAt();
    askAndAnswer(budget, 20_000);
    advance(19_000);
    expect(refusalOf(() => askAndAnswer(budget, 20_000))).toBe(CloseCode.tryAgainLater);
    advance(1_000);
    expect(refusalOf(() => askAndAnswer(budget, 20_000))).toBeNull();
    // Spent again: the next one waits another 20 seconds.
    advance(1_000);
    expect(refusalOf(() => askAndAnswer(budget, 20_000))).toBe(CloseCode.tryAgainLater);
  });

  it('SYNC-ASK3 many requests on a small letter draw from the same bucket as a few on a large one', () => {
    const { budget, advance } = budgetAt();
    askAndAnswer(budget, 500);
    advance(5_000);
    // 5,000 bytes earned: ten requests on a 500-byte letter, not an eleventh.
    for (let ask = 0; ask < 10; ask++) expect(refusalOf(() => askAndAnswer(budget, 500))).toBeNull();
    expect(refusalOf(() => askAndAnswer(budget, 500))).toBe(CloseCode.tryAgainLater);
  });

  it('SYNC-ASK4 a connection idle for long saves up at most one largest letter', () => {
    const { budget, advance } = budgetAt();
    askAndAnswer(budget, 1_000);
    advance(3_600_000);
    expect(refusalOf(() => askAndAnswer(budget, 30_000))).toBeNull();
    expect(refusalOf(() => askAndAnswer(budget, 30_000))).toBe(CloseCode.tryAgainLater);
  });

  it('SYNC-ASK5 requests while a reply waits add no reply of their own: the waiting one answers the newest state vector', () => {
    const { budget } = budgetAt();
    expect(budget.ask(vector(1), () => 1_000)).toBe(true);
    for (let clock = 2; clock < 50; clock++) expect(budget.ask(vector(clock), () => 1_000)).toBe(false);
    expect(budget.stateVector).toEqual(vector(49));
    budget.answered();
    expect(refusalOf(() => askAndAnswer(budget, 1_000))).toBe(CloseCode.tryAgainLater);
  });

  it('SYNC-ASK6 without a rate (a room in a unit test) every request is answered', () => {
    const budget = new SyncRequestBudget(null);
    for (let ask = 0; ask < 100; ask++) expect(refusalOf(() => askAndAnswer(budget, 2_000_000))).toBeNull();
  });
});
