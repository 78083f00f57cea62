import { describe, expect, it } from 'vitest';
import { filterGridRows, GridFilter } from './blocking-filter.js';

const row = (paragraphId: string, states: Record<string, 'pending' | 'approved' | 'stale' | 'changes_requested'>) => ({
  paragraphId,
  number: 1,
  excerpt: '',
  text: '',
  states,
  reasons: {},
});

describe('filterGridRows', () => {
  const rows = [row('a', { fi: 'approved', ee: 'approved' }), row('b', { fi: 'stale', ee: 'approved' }), row('c', { fi: 'pending', ee: 'changes_requested' })];

  it('S10 keeps every paragraph not approved by every office as blocking', () => {
    expect(filterGridRows(rows, GridFilter.blocking).map((r) => r.paragraphId)).toEqual(['b', 'c']);
  });

  it('filters by one blocking state', () => {
    expect(filterGridRows(rows, GridFilter.stale).map((r) => r.paragraphId)).toEqual(['b']);
    expect(filterGridRows(rows, GridFilter.changesRequested).map((r) => r.paragraphId)).toEqual(['c']);
    expect(filterGridRows(rows, GridFilter.all)).toHaveLength(3);
  });
});
