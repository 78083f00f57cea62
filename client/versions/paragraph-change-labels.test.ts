import { describe, expect, it } from 'vitest';
import type { ComparisonEntry, ParagraphChange } from '../../shared/api/versions.js';
import { summarizeComparison } from './paragraph-change-labels.js';

const entry = (change: ParagraphChange): ComparisonEntry => ({ paragraphId: change, change, before: null, after: null });

describe('summarizeComparison', () => {
  it('V1 counts each kind of change in words', () => {
    expect(summarizeComparison([entry('changed'), entry('changed'), entry('added'), entry('moved_and_changed'), entry('unchanged')])).toBe(
      '1 paragraph added, 2 changed, 1 moved and changed; 1 unchanged.',
    );
  });

  it('says when nothing differs', () => {
    expect(summarizeComparison([entry('unchanged')])).toBe('No differences: every paragraph is the same.');
    expect(summarizeComparison([])).toBe('Both are empty.');
  });
});
