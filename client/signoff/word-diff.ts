import { diffWords } from 'diff';

/** One run of a word-level comparison: kept, added or removed text. */
export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** What changed, word by word, from the approved text to the current one. */
export function compareWords(approvedText: string, currentText: string): DiffPart[] {
  return diffWords(approvedText, currentText).map((change) => ({
    kind: change.added ? 'added' : change.removed ? 'removed' : 'same',
    text: change.value,
  }));
}
