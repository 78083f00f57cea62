import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { SyncBudgets } from './sync-budgets.js';

const owner = { sessionId: 'session-1', userId: 'ingrid', address: '192.0.2.7', letterId: 'letter-1' };

describe('the budget of new client ids a person writes text under', () => {
  it('is one bucket for all of a person’s sockets, kept when they all close: a new socket is how a new id comes', () => {
    const budgets = new SyncBudgets(loadConfig({ SYNC_NEW_CLIENT_IDS_PER_HOUR: '2' }).syncBudget);
    const first = budgets.open(owner, () => undefined);
    if ('refused' in first) throw new Error('refused');
    expect(first.newClientIds!.holds(2)).toBe(true);
    first.newClientIds!.take(2);
    budgets.close(owner);

    const reopened = budgets.open({ ...owner, sessionId: 'session-2' }, () => undefined);
    if ('refused' in reopened) throw new Error('refused');
    expect(reopened.newClientIds).toBe(first.newClientIds);
    expect(reopened.newClientIds!.holds(1)).toBe(false);
  });

  it('holds 100 by default and is off with SYNC_NEW_CLIENT_IDS_PER_HOUR=0', () => {
    const defaults = new SyncBudgets(loadConfig({}).syncBudget).open(owner, () => undefined);
    if ('refused' in defaults) throw new Error('refused');
    expect(defaults.newClientIds!.holds(100)).toBe(true);
    expect(defaults.newClientIds!.holds(101)).toBe(false);

    const off = new SyncBudgets(loadConfig({ SYNC_NEW_CLIENT_IDS_PER_HOUR: '0' }).syncBudget).open(owner, () => undefined);
    if ('refused' in off) throw new Error('refused');
    expect(off.newClientIds).toBeNull();
  });
});
