import { describe, expect, it } from 'vitest';
import type { RevisionRecord, RevisionWrite } from '../store/store.js';
import { coalesceRevisionWrites } from './coalesce-revision-writes.js';

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const opened = (id: string, text: string): RevisionWrite => ({
  op: 'open',
  revision: {
    id, letterId: 'l', paragraphId: `p-${id}`, kind: 'created', userId: 'u', officeId: 'o', startedAt: 't0', endedAt: 't0',
    content: paragraph(text), hash: `h-${text}`, changes: 1, relatedParagraphId: null, restoredFrom: null,
  } satisfies RevisionRecord,
});
const extended = (id: string, text: string, changes: number): RevisionWrite => ({ op: 'extend', id, endedAt: `t${changes}`, content: paragraph(text), hash: `h-${text}`, changes });

describe('coalesceRevisionWrites', () => {
  it('folds extensions into a revision opened in the same batch', () => {
    const result = coalesceRevisionWrites([opened('a', 'D'), extended('a', 'De', 2), opened('b', 'X'), extended('a', 'Dea', 3)]);
    expect(result).toHaveLength(2);
    expect(result[0]).toMatchObject({ op: 'open', revision: { id: 'a', endedAt: 't3', hash: 'h-Dea', changes: 3 } });
    expect(result[1]).toMatchObject({ op: 'open', revision: { id: 'b' } });
  });

  it('keeps only the last extension of a revision opened earlier', () => {
    expect(coalesceRevisionWrites([extended('a', 'Dear', 4), extended('a', 'Dear ', 5)])).toEqual([extended('a', 'Dear ', 5)]);
  });
});
