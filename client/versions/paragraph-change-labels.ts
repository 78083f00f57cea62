import { formatList } from '../i18n/format-list.js';
import { t } from '../i18n/translate.js';
import { type ComparisonEntry, ParagraphChange } from '../../shared/api/versions.js';

/** How each kind of paragraph change reads to people. */
export const paragraphChangeLabel: Record<ParagraphChange, string> = {
  get [ParagraphChange.unchanged]() { return t('versions.unchanged'); },
  get [ParagraphChange.added]() { return t('versions.added'); },
  get [ParagraphChange.deleted]() { return t('versions.deleted'); },
  get [ParagraphChange.changed]() { return t('versions.changed'); },
  get [ParagraphChange.moved]() { return t('versions.moved'); },
  get [ParagraphChange.movedAndChanged]() { return t('versions.movedAndChanged'); },
};

/** How many paragraphs had each kind of change, as a phrase of its own ("2 paragraphs changed"). */
const countedChange: Record<Exclude<ParagraphChange, typeof ParagraphChange.unchanged>, (count: number) => string> = {
  [ParagraphChange.added]: (count) => t('versions.paragraphsAdded', { count }),
  [ParagraphChange.deleted]: (count) => t('versions.paragraphsDeleted', { count }),
  [ParagraphChange.changed]: (count) => t('versions.paragraphsChanged', { count }),
  [ParagraphChange.moved]: (count) => t('versions.paragraphsMoved', { count }),
  [ParagraphChange.movedAndChanged]: (count) => t('versions.paragraphsMovedAndChanged', { count }),
};

/** A comparison in one sentence, e.g. "2 paragraphs changed, 1 paragraph added; 5 unchanged." */
export function summarizeComparison(entries: readonly ComparisonEntry[]): string {
  const counts = new Map<ParagraphChange, number>();
  for (const entry of entries) counts.set(entry.change, (counts.get(entry.change) ?? 0) + 1);
  const unchanged = counts.get(ParagraphChange.unchanged) ?? 0;
  const parts = Object.values(ParagraphChange)
    .filter((change) => change !== ParagraphChange.unchanged && counts.has(change))
    .map((change) => countedChange[change as keyof typeof countedChange](counts.get(change) ?? 0));
  if (parts.length === 0) return entries.length === 0 ? t('versions.bothAreEmpty') : t('versions.noDifferencesEveryParagraphIs');
  return t('versions.changesAndUnchanged', { changes: formatList(parts), count: unchanged });
}
