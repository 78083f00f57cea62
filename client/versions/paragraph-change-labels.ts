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

/** A comparison in one sentence, e.g. "2 paragraphs changed, 1 added; 5 unchanged." */
export function summarizeComparison(entries: readonly ComparisonEntry[]): string {
  const counts = new Map<ParagraphChange, number>();
  for (const entry of entries) counts.set(entry.change, (counts.get(entry.change) ?? 0) + 1);
  const unchanged = counts.get(ParagraphChange.unchanged) ?? 0;
  const parts = Object.values(ParagraphChange)
    .filter((change) => change !== ParagraphChange.unchanged && counts.has(change))
    .map((change, index) => {
      const count = counts.get(change) ?? 0;
      const noun = index === 0 ? (count === 1 ? ` ${t('versions.paragraph')}` : ` ${t('versions.paragraphs2')}`) : '';
      return `${count}${noun} ${paragraphChangeLabel[change].toLowerCase()}`;
    });
  if (parts.length === 0) return entries.length === 0 ? t('versions.bothAreEmpty') : t('versions.noDifferencesEveryParagraphIs');
  return t('versions.changesAndUnchanged', { changes: parts.join(', '), unchanged });
}
