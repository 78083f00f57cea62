import type { RevisionWrite } from '../store/store.js';

/**
 * Merges the revision writes of one commit batch: later extensions of a revision replace earlier
 * ones, and extensions of a revision opened in the same batch fold into its opening. The order
 * in which revisions were opened is kept, since it decides which revision of a paragraph is newest.
 */
export function coalesceRevisionWrites(writes: readonly RevisionWrite[]): RevisionWrite[] {
  const result: RevisionWrite[] = [];
  const positionOf = new Map<string, number>();
  for (const write of writes) {
    const id = write.op === 'open' ? write.revision.id : write.id;
    const position = positionOf.get(id);
    if (position === undefined || write.op === 'open') {
      positionOf.set(id, result.length);
      result.push(write);
      continue;
    }
    const earlier = result[position]!;
    const { endedAt, content, hash, changes } = write;
    result[position] = earlier.op === 'open' ? { op: 'open', revision: { ...earlier.revision, endedAt, content, hash, changes } } : write;
  }
  return result;
}
