import { describe, expect, it } from 'vitest';
import type { Revision } from '../../shared/api/history.js';
import { describeRevision, type RevisionContext } from './describe-revision.js';

const base: Revision = {
  id: '1'.repeat(32),
  paragraphId: 'p2',
  kind: 'edited',
  by: 'Kadri Tamm',
  officeId: 'ee-interior',
  startedAt: '2026-11-22T12:03:00.000Z',
  endedAt: '2026-11-22T12:03:00.000Z',
  text: 'Text',
  blockType: 'paragraph',
  hash: 'a'.repeat(64),
  changes: 3,
  relatedParagraphId: null,
  restoredFrom: null,
};

const context: RevisionContext = {
  paragraphNumber: (id) => (id === 'p3' ? 3 : null),
  findRevision: (id) => (id === base.id ? base : undefined),
};

describe('describeRevision', () => {
  it('H5 names the paragraph a split came from, or says it is gone', () => {
    expect(describeRevision({ ...base, kind: 'split', relatedParagraphId: 'p3' }, context)).toBe('Split from paragraph 3');
    expect(describeRevision({ ...base, kind: 'split', relatedParagraphId: 'gone' }, context)).toBe('Split from another paragraph');
  });

  it('H6 names the revision a restore put back by its time', () => {
    const restored = { ...base, id: '2'.repeat(32), kind: 'restored' as const, restoredFrom: base.id };
    expect(describeRevision(restored, context)).toMatch(/^Restored from the revision of 22 Nov 2026, \d\d:03$/);
    expect(describeRevision({ ...restored, restoredFrom: '3'.repeat(32) }, context)).toBe('Restored from an earlier revision');
  });

  it('says the other kinds in words', () => {
    expect(describeRevision({ ...base, kind: 'created' }, context)).toBe('Created');
    expect(describeRevision({ ...base, kind: 'merged', relatedParagraphId: 'p3' }, context)).toBe('Merged with paragraph 3');
    expect(describeRevision({ ...base, kind: 'recorded', by: null }, context)).toBe('Text as first recorded');
  });
});
