import { describe, expect, it } from 'vitest';
import type { CommentEntry, ThreadEntry } from '../../shared/api/comments.js';
import { matchesThreadFilter, ThreadFilter } from './thread-filter.js';

const comment = (mentions: CommentEntry['mentions']): CommentEntry => ({
  id: 'c',
  authorId: 'u1',
  author: 'Jānis',
  officeId: 'lv',
  body: 'text',
  mentions,
  createdAt: '2026-01-01T00:00:00Z',
  editedAt: null,
  withdrawnAt: null,
  earlier: [],
});
const thread = (status: ThreadEntry['status'], comments: CommentEntry[]): ThreadEntry => ({
  id: 't',
  paragraphId: 'p1',
  anchor: null,
  quote: '',
  status,
  resolvedBy: null,
  resolvedAt: null,
  createdAt: '2026-01-01T00:00:00Z',
  version: 1,
  comments,
});
const me = { userId: 'u2', officeId: 'ee' };

describe('K6 filter of the side list', () => {
  it('K6 shows open, resolved, or threads that mention me or my office', () => {
    const toMyOffice = thread('resolved', [comment([{ kind: 'office', id: 'ee', name: 'Estonia' }])]);
    const toSomeoneElse = thread('open', [comment([{ kind: 'user', id: 'u3', name: 'Līga' }])]);
    const toMe = thread('open', [comment([{ kind: 'user', id: 'u2', name: 'Mart' }])]);
    expect([toMyOffice, toSomeoneElse, toMe].map((t) => matchesThreadFilter(t, ThreadFilter.mentioningMe, me))).toEqual([true, false, true]);
    expect([toMyOffice, toSomeoneElse].map((t) => matchesThreadFilter(t, ThreadFilter.open, me))).toEqual([false, true]);
    expect(matchesThreadFilter(toMyOffice, ThreadFilter.resolved, me)).toBe(true);
    expect(matchesThreadFilter(toMyOffice, ThreadFilter.all, me)).toBe(true);
  });
});
