import { type ComparisonEntry, ParagraphChange } from '../../shared/api/versions.js';

/** How each kind of paragraph change reads to people. */
export const paragraphChangeLabel: Record<ParagraphChange, string> = {
  [ParagraphChange.unchanged]: 'Unchanged',
  [ParagraphChange.added]: 'Added',
  [ParagraphChange.deleted]: 'Deleted',
  [ParagraphChange.changed]: 'Changed',
  [ParagraphChange.moved]: 'Moved',
  [ParagraphChange.movedAndChanged]: 'Moved and changed',
};

/** A comparison in one sentence, e.g. "2 paragraphs changed, 1 added; 5 unchanged." */
export function summarizeComparison(entries: readonly ComparisonEntry[]): string {
  const counts = new Map<ParagraphChange, number>();
  for (const entry of entries) counts.set(entry.change, (counts.get(entry.change) ?? 0) + 1);
  const unchanged = counts.get(ParagraphChange.unchanged) ?? 0;
  const parts = Object.values(ParagraphChange)
    .filter((change) => change !== ParagraphChange.unchanged && counts.has(change))
    .map((change, index) => {
      const count = counts.get(change) ?? 0;
      const noun = index === 0 ? (count === 1 ? ' paragraph' : ' paragraphs') : '';
      return `${count}${noun} ${paragraphChangeLabel[change].toLowerCase()}`;
    });
  if (parts.length === 0) return entries.length === 0 ? 'Both are empty.' : 'No differences: every paragraph is the same.';
  return `${parts.join(', ')}; ${unchanged} unchanged.`;
}
