import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { SyncBudgets } from './sync-budgets.js';

const owner = { sessionId: 'session-1', userId: 'kadri', address: '192.0.2.1', letterId: 'letter-1' };

describe('the budget of websockets a person opens (SYNC_JOINS_PER_MINUTE)', () => {
  it('lets a person join as often as the budget saves up, across sessions, and keeps the count when their sockets close', () => {
    const budgets = new SyncBudgets(loadConfig({ SYNC_JOINS_PER_MINUTE: '5' }).syncBudget);
    for (let join = 0; join < 5; join++) {
      expect(budgets.join(owner.userId)).toBe(true);
      const opened = budgets.open({ ...owner, sessionId: `session-${join % 2}` }, () => undefined);
      if ('refused' in opened) throw new Error('refused');
      budgets.close({ ...owner, sessionId: `session-${join % 2}` });
    }
    expect(budgets.join(owner.userId)).toBe(false);
    // Another person's budget is their own.
    expect(budgets.join('erik')).toBe(true);
  });

  it('fills again at the rate: one join every 30 s at two a minute', () => {
    let now = 0;
    const budgets = new SyncBudgets(loadConfig({ SYNC_JOINS_PER_MINUTE: '2' }).syncBudget, () => now);
    expect(budgets.join(owner.userId)).toBe(true);
    expect(budgets.join(owner.userId)).toBe(true);
    expect(budgets.join(owner.userId)).toBe(false);
    now += 29_000;
    expect(budgets.join(owner.userId)).toBe(false);
    now += 1_000;
    expect(budgets.join(owner.userId)).toBe(true);
    expect(budgets.join(owner.userId)).toBe(false);
  });

  it('is off with SYNC_JOINS_PER_MINUTE=0', () => {
    const budgets = new SyncBudgets(loadConfig({ SYNC_JOINS_PER_MINUTE: '0' }).syncBudget);
    for (let join = 0; join < 1000; join++) expect(budgets.join(owner.userId)).toBe(true);
  });

  it('by default saves up more joins than a busy person makes in a minute', () => {
    const budgets = new SyncBudgets(loadConfig({}).syncBudget);
    // Five tabs each reconnecting every 2.5 s (y-websocket's longest backoff) for a minute are 120 joins.
    for (let join = 0; join < 120; join++) expect(budgets.join(owner.userId)).toBe(true);
    expect(budgets.join(owner.userId)).toBe(false);
  });
});
