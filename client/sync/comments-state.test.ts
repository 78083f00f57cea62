import { describe, expect, it } from 'vitest';
import type { ThreadEntry } from '../../shared/api/comments.js';
import { applyCommentsMessage, emptyCommentsState } from './comments-state.js';

const thread = (version: number, status: ThreadEntry['status'] = 'open'): ThreadEntry => ({
  id: 't1',
  paragraphId: 'p1',
  anchor: null,
  quote: 'We condemn',
  status,
  resolvedBy: null,
  resolvedAt: null,
  createdAt: '2026-01-01T00:00:00Z',
  version,
  comments: [],
});
const settings = { observersMayComment: false };

describe('K7 comment threads on the page', () => {
  it('K7 keeps the newer copy of a thread whichever arrives first', () => {
    let state = applyCommentsMessage(emptyCommentsState, { kind: 'thread', thread: thread(3, 'resolved') });
    // A full list read before that change arrives after it: the change stays.
    state = applyCommentsMessage(state, { kind: 'full', threads: [thread(2)], settings });
    expect(state.threads.get('t1')?.status).toBe('resolved');
    expect(state.isLoaded).toBe(true);
    state = applyCommentsMessage(state, { kind: 'thread', thread: thread(4) });
    expect(state.threads.get('t1')?.status).toBe('open');
  });

  it('K1 follows the coordinator’s choice of who may comment', () => {
    const state = applyCommentsMessage(emptyCommentsState, { kind: 'settings', settings: { observersMayComment: true } });
    expect(state.settings.observersMayComment).toBe(true);
  });
});
