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
    expect(entries.map((entry) => (entry.kind === 'revision' ? entry.revision.text : entry.kind === 'signoff' ? entry.signoff.action : entry.act.kind))).toEqual(['withdraw', 'c', 'approve', 'a']);
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

describe('H6 grouping the panel by person and minute', () => {
  const at = (minute: number, second: number) => `2026-11-22T12:${String(minute).padStart(2, '0')}:${String(second).padStart(2, '0')}.000Z`;
  const typed = (id: number, minute: number, second: number, text: string, by: string): Revision => ({
    ...revision(minute, text, by),
    id: String(id).padStart(32, '0'),
    startedAt: at(minute, second),
    endedAt: at(minute, second),
  });

  it('folds one person\'s revisions within a minute into one entry, diffed from the text before the first of them', () => {
    // Newest first: Aino and Mette alternate within minute 5, then Aino alone in minute 6.
    const revisions = [
      typed(6, 6, 10, 'a b c d e f', 'Aino Mäkelä'),
      typed(5, 6, 2, 'a b c d e', 'Aino Mäkelä'),
      typed(4, 5, 50, 'a b c d', 'Mette Sørensen'),
      typed(3, 5, 40, 'a b c', 'Mette Sørensen'),
      typed(2, 5, 20, 'a b', 'Aino Mäkelä'),
      typed(1, 5, 10, 'a', 'Aino Mäkelä'),
    ];
    const { entries } = buildTimeline(history(revisions), 50);
    expect(entries.map((entry) => (entry.kind === 'revision' ? [entry.revision.text, entry.previousText, entry.folded.map((folded) => folded.text)] : null))).toEqual([
      ['a b c d e f', 'a b c d', ['a b c d e']],
      ['a b c d', 'a b', ['a b c']],
      ['a b', null, ['a']],
    ]);
  });

  it('keeps a sign-off between two revisions of one minute, and a restore, as entries of their own', () => {
    const revisions = [typed(3, 5, 50, 'a b c', 'Aino Mäkelä'), { ...typed(2, 5, 30, 'a b', 'Aino Mäkelä'), kind: 'restored' as const }, typed(1, 5, 10, 'a', 'Aino Mäkelä')];
    const approved = { ...signoff(5, 'approve', 'ee-interior', 'a b'), at: at(5, 40) };
    const { entries } = buildTimeline(history(revisions, [approved]), 50);
    expect(entries.map((entry) => (entry.kind === 'revision' ? `revision ${entry.revision.text} +${entry.folded.length}` : 'signoff'))).toEqual([
      'revision a b c +0',
      'signoff',
      'revision a b +0',
      'revision a +0',
    ]);
  });
});
