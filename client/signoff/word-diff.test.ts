import { describe, expect, it } from 'vitest';
import { compareWords } from './word-diff.js';

describe('compareWords', () => {
  it('S3 shows the words that changed since the approval', () => {
    const parts = compareWords('We agree to meet on Monday.', 'We agree to meet on Friday.');
    expect(parts.filter((part) => part.kind === 'removed').map((part) => part.text.trim())).toEqual(['Monday']);
    expect(parts.filter((part) => part.kind === 'added').map((part) => part.text.trim())).toEqual(['Friday']);
  });

  it('keeps unchanged text as one run', () => {
    expect(compareWords('Same text', 'Same text')).toEqual([{ kind: 'same', text: 'Same text' }]);
  });
});
