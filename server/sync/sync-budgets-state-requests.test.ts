import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { SyncBudgets } from './sync-budgets.js';

const owner = { sessionId: 'session-1', userId: 'kadri', address: '192.0.2.1', letterId: 'letter-1' };

describe('the budget for asking for the full letter state again (103)', () => {
  it('is shared by a person’s sockets and not filled again by closing them all and opening a new one', () => {
    const budgets = new SyncBudgets(loadConfig({}).syncBudget);
    const first = budgets.open(owner, () => undefined);
    const second = budgets.open({ ...owner, sessionId: 'session-2' }, () => undefined);
    if ('refused' in first || 'refused' in second) throw new Error('refused');
    expect(first.stateRequests).not.toBeNull();
    expect(second.stateRequests).toBe(first.stateRequests);
    // The default saves up three requests.
    for (let ask = 0; ask < 3; ask++) {
      expect(first.stateRequests!.waitFor(1)).toBe(0);
      first.stateRequests!.take(1);
    }
    expect(second.stateRequests!.waitFor(1)).toBeGreaterThan(0);
    budgets.close(owner);
    budgets.close({ ...owner, sessionId: 'session-2' });
    const reopened = budgets.open(owner, () => undefined);
    if ('refused' in reopened) throw new Error('refused');
    expect(reopened.stateRequests!.waitFor(1)).toBeGreaterThan(0);
  });

  it('is off with SYNC_STATE_REQUESTS_PER_MINUTE=0', () => {
    const budgets = new SyncBudgets(loadConfig({ SYNC_STATE_REQUESTS_PER_MINUTE: '0' }).syncBudget);
    const opened = budgets.open(owner, () => undefined);
    if ('refused' in opened) throw new Error('refused');
    expect(opened.stateRequests).toBeNull();
  });
});
