import { describe, expect, it } from 'vitest';
import type { ParagraphHistory, Revision } from '../../shared/api/history.js';
import { buildTimeline, latestApprovals, type HistorySignoff } from './history-timeline.js';

const hash = 'a'.repeat(64);

function revision(minute: number, text: string, by = 'Aino Mäkelä'): Revision {
  const at = `2026-11-22T12:${String(minute).padStart(2, '0')}:00.000Z`;
  return {
    id: String(minute).padStart(32, '0'),
    paragraphId: 'p1',
    kind: 'edited',
    by,
    officeId: 'fi-interior',
    startedAt: at,
    endedAt: at,
    text,
    blockType: 'paragraph',
    hash,
    changes: 1,
    relatedParagraphId: null,
    restoredFrom: null,
  };
}

function signoff(minute: number, action: HistorySignoff['action'], officeId: string, paragraphText: string): HistorySignoff {
  const at = `2026-11-22T12:${String(minute).padStart(2, '0')}:00.000Z`;
  return { paragraphId: 'p1', officeId, action, hash, reason: null, by: 'Kadri Tamm', at, paragraphText };
}

function history(revisions: Revision[], signoffs: HistorySignoff[] = []): ParagraphHistory {
  return { paragraphId: 'p1', current: { hash, text: revisions[0]?.text ?? '' }, revisions, signoffs };
}

describe('buildTimeline', () => {
  it('H1 pairs every revision with the one before it, newest first', () => {
    const { entries } = buildTimeline(history([revision(3, 'c'), revision(2, 'b'), revision(1, 'a')]), 50);
    expect(entries.map((entry) => (entry.kind === 'revision' ? [entry.revision.text, entry.previousText, entry.isNewest] : null))).toEqual([
      ['c', 'b', true],
      ['b', 'a', false],
      ['a', null, false],
    ]);
  });

  it('H2 puts sign-off acts between the revisions by time', () => {
    const { entries } = buildTimeline(
      history([revision(5, 'c'), revision(1, 'a')], [signoff(2, 'approve', 'ee-interior', 'a'), signoff(6, 'withdraw', 'ee-interior', 'c')]),
      50,
    );
    expect(entries.map((entry) => (entry.kind === 'revision' ? entry.revision.text : entry.signoff.action))).toEqual(['withdraw', 'c', 'approve', 'a']);
  });

  it('H3 of 1,000 revisions shows the newest page, the acts of that period, and counts the rest', () => {
    const revisions = Array.from({ length: 1000 }, (_, index) => revision(0, `text ${999 - index}`));
    revisions.forEach((item, index) => (item.endedAt = new Date(Date.UTC(2026, 10, 22, 12) - index * 60_000).toISOString()));
    const early = { ...signoff(0, 'approve', 'ee-interior', 'text 0'), at: '2026-11-01T00:00:00.000Z' };
    const { entries, hiddenRevisions } = buildTimeline(history(revisions, [early]), 50);
    expect(entries).toHaveLength(50);
    expect(hiddenRevisions).toBe(950);
    expect(buildTimeline(history(revisions, [early]), 1000).entries).toHaveLength(1001);
  });
});

describe('latestApprovals', () => {
  it('H4 keeps the text of each office’s latest approval', () => {
    const approvals = latestApprovals(
      history(
        [revision(9, 'now')],
        [
          signoff(1, 'approve', 'ee-interior', 'first'),
          signoff(2, 'approve', 'fi-interior', 'finnish'),
          signoff(3, 'request_changes', 'ee-interior', 'second'),
          signoff(4, 'approve', 'ee-interior', 'third'),
        ],
      ),
    );
    expect(approvals.map((approval) => [approval.officeId, approval.paragraphText])).toEqual([
      ['ee-interior', 'third'],
      ['fi-interior', 'finnish'],
    ]);
  });
});
