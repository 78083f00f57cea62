import { describe, expect, it } from 'vitest';
import type { ReservationEntry, ThreadEntry } from '../../shared/api/comments.js';
import type { ParagraphHistory } from '../../shared/api/history.js';
import { discussionActs } from './discussion-acts.js';
import { buildTimeline } from './history-timeline.js';

const at = (minute: number) => `2026-11-22T12:${String(minute).padStart(2, '0')}:00.000Z`;

function comment(minute: number, author: string, body: string | null) {
  return { id: `c${minute}`, authorId: author, author, officeId: 'ee-interior', body, mentions: [], createdAt: at(minute), editedAt: null, withdrawnAt: body === null ? at(minute) : null, earlier: [] };
}

const thread: ThreadEntry = {
  id: 't1',
  paragraphId: 'p1',
  anchor: { start: 'AAAA', end: 'AAAB' },
  quote: 'border',
  status: 'resolved',
  resolvedBy: 'Helena Virtanen',
  resolvedAt: at(7),
  createdAt: at(2),
  version: 4,
  comments: [comment(2, 'Kadri Tamm', 'Which border?'), comment(4, 'Helena Virtanen', 'The eastern one.'), comment(5, 'Kadri Tamm', null)],
};

const elsewhere: ThreadEntry = { ...thread, id: 't2', paragraphId: 'p2', status: 'open', resolvedBy: null, resolvedAt: null };

const reservation: ReservationEntry = {
  id: 'r1',
  paragraphId: 'p1',
  officeId: 'ee-interior',
  kind: 'scrutiny',
  reason: 'Tallinn checks it.',
  by: 'Kadri Tamm',
  at: at(3),
  liftedBy: 'Kadri Tamm',
  liftedAt: at(8),
  liftNote: null,
};

describe('discussionActs', () => {
  it('lists the comments, replies, resolve and reservation acts of one paragraph, oldest first', () => {
    const acts = discussionActs('p1', [thread, elsewhere], [reservation, { ...reservation, id: 'r2', paragraphId: 'p2' }]);
    expect(acts.map((act) => [act.kind, act.at, act.by])).toEqual([
      ['comment', at(2), 'Kadri Tamm'],
      ['reservation-entered', at(3), 'Kadri Tamm'],
      ['comment', at(4), 'Helena Virtanen'],
      ['comment', at(5), 'Kadri Tamm'],
      ['resolve', at(7), 'Helena Virtanen'],
      ['reservation-lifted', at(8), 'Kadri Tamm'],
    ]);
    expect(acts.map((act) => (act.kind === 'comment' ? [act.isReply, act.body] : null)).filter(Boolean)).toEqual([
      [false, 'Which border?'],
      [true, 'The eastern one.'],
      [true, null],
    ]);
  });
});

describe('buildTimeline with the discussion', () => {
  const hash = 'a'.repeat(64);
  const revision = (minute: number, text: string) => ({
    id: String(minute).padStart(32, '0'),
    paragraphId: 'p1',
    kind: 'edited' as const,
    by: 'Aino Mäkelä',
    officeId: 'fi-interior',
    startedAt: at(minute),
    endedAt: at(minute),
    text,
    blockType: 'paragraph',
    hash,
    changes: 1,
    relatedParagraphId: null,
    restoredFrom: null,
  });
  const history: ParagraphHistory = { paragraphId: 'p1', current: { hash, text: 'c' }, revisions: [revision(6, 'c'), revision(1, 'a')], signoffs: [] };

  it('puts comments and reservations between the revisions by time, newest first', () => {
    const { entries } = buildTimeline(history, 50, discussionActs('p1', [thread], [reservation]));
    expect(entries.map((entry) => (entry.kind === 'revision' ? `revision ${entry.revision.text}` : entry.kind === 'discussion' ? entry.act.kind : 'signoff'))).toEqual([
      'reservation-lifted',
      'resolve',
      'revision c',
      'comment',
      'comment',
      'reservation-entered',
      'comment',
      'revision a',
    ]);
  });

  it('holds back acts older than the oldest revision shown, like sign-offs', () => {
    const { entries } = buildTimeline(history, 1, discussionActs('p1', [thread], [reservation]));
    expect(entries.map((entry) => entry.kind)).toEqual(['discussion', 'discussion', 'revision']);
  });
});
