import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { SyncBudgets } from './sync-budgets.js';
import type { TokenBucket } from './token-bucket.js';
import { testClock } from './test-refusals.js';

const owner = { sessionId: 'session-1', userId: 'ingrid', address: '192.0.2.7', letterId: 'letter-1' };

/** Opens a socket of `who` and hands back the work buckets its frames are charged to: its letter's, then its person's. */
function workOf(budgets: SyncBudgets, who: typeof owner) {
  const opened = budgets.open(who, () => undefined);
  if ('refused' in opened) throw new Error(opened.refused);
  const [own, person] = (opened.throttle as unknown as { buckets: { work: TokenBucket | null }[] }).buckets;
  return { letter: own!.work, person: person!.work };
}

describe('the budget of the server’s work on a person’s frames (SYNC_WORK_MS_PER_SECOND, SYNC_PERSON_WORK_MS_PER_SECOND)', () => {
  it('is one bucket per person and letter, shared by their sockets of it, and one per person for all their letters', () => {
    const budgets = new SyncBudgets(loadConfig({}).syncBudget);
    const first = workOf(budgets, owner);
    const secondTab = workOf(budgets, { ...owner, sessionId: 'session-2' });
    const otherLetter = workOf(budgets, { ...owner, letterId: 'letter-2' });
    const colleague = workOf(budgets, { ...owner, userId: 'aino' });

    expect(first.letter).not.toBeNull();
    expect(secondTab.letter).toBe(first.letter);
    expect(otherLetter.letter).not.toBe(first.letter);
    expect(otherLetter.person).toBe(first.person);
    expect(colleague.letter).not.toBe(first.letter);
    expect(colleague.person).not.toBe(first.person);
  });

  it('is kept when the person’s sockets close, until it has filled again: a new socket does not start afresh', () => {
    const clock = testClock();
    const budgets = new SyncBudgets(loadConfig({}).syncBudget, clock.now);
    const spent = workOf(budgets, owner);
    spent.letter!.take(600);
    spent.person!.take(600);
    budgets.close(owner);

    const reopened = workOf(budgets, owner);
    expect(reopened.letter).toBe(spent.letter);
    expect(reopened.person).toBe(spent.person);
    expect(reopened.letter!.waitFor(1)).toBeGreaterThan(0);
    budgets.close(owner);

    // Once refilled (200 ms of work a second, 3 s saved up), the next socket's buckets are new ones, as good.
    clock.advance(3000);
    budgets.close({ ...owner, userId: 'someone-else' });
    const later = workOf(budgets, owner);
    expect(later.letter).not.toBe(spent.letter);
    expect(later.letter!.holds(600)).toBe(true);
  });

  it('keeps a person’s frame and byte buckets across a reconnect too', () => {
    const budgets = new SyncBudgets(loadConfig({}).syncBudget, testClock().now);
    const first = budgets.open(owner, () => undefined);
    if ('refused' in first) throw new Error(first.refused);
    const person = (first.throttle as unknown as { buckets: { bytes: { take(cost: number): void } }[] }).buckets[1]!;
    person.bytes.take(4 * 1024 * 1024);
    budgets.close(owner);
    const again = budgets.open(owner, () => undefined);
    if ('refused' in again) throw new Error(again.refused);
    expect((again.throttle as unknown as { buckets: unknown[] }).buckets[1]).toBe(person);
  });

  it('is off with 0', () => {
    const budgets = new SyncBudgets(loadConfig({ SYNC_WORK_MS_PER_SECOND: '0', SYNC_PERSON_WORK_MS_PER_SECOND: '0' }).syncBudget);
    expect(workOf(budgets, owner)).toEqual({ letter: null, person: null });
  });
});
