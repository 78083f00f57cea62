import { diffArrays } from 'diff';
import { type ComparisonEntry, ParagraphChange, type VersionParagraph } from '../api/versions.js';

/**
 * Compares two states of a letter paragraph by paragraph, matching paragraphs by their stable ids.
 * A paragraph is moved when it is not part of the longest run of paragraphs that kept their
 * relative order. Entries follow the later state's reading order; a deleted paragraph appears
 * after the paragraph it followed before.
 */
export function compareParagraphs(before: readonly VersionParagraph[], after: readonly VersionParagraph[]): ComparisonEntry[] {
  const beforeById = new Map(before.map((paragraph) => [paragraph.id, paragraph]));
  const afterIds = new Set(after.map((paragraph) => paragraph.id));
  const keptOrder = new Set<string>();
  const commonBefore = before.filter((paragraph) => afterIds.has(paragraph.id)).map((paragraph) => paragraph.id);
  const commonAfter = after.filter((paragraph) => beforeById.has(paragraph.id)).map((paragraph) => paragraph.id);
  for (const part of diffArrays(commonBefore, commonAfter)) {
    if (!part.added && !part.removed) for (const id of part.value) keptOrder.add(id);
  }

  const entries: ComparisonEntry[] = [];
  for (const paragraph of after) {
    const old = beforeById.get(paragraph.id);
    let change: ParagraphChange;
    if (!old) change = ParagraphChange.added;
    else if (keptOrder.has(paragraph.id)) change = old.hash === paragraph.hash ? ParagraphChange.unchanged : ParagraphChange.changed;
    else change = old.hash === paragraph.hash ? ParagraphChange.moved : ParagraphChange.movedAndChanged;
    entries.push({ paragraphId: paragraph.id, change, before: old ?? null, after: paragraph });
  }

  // Deleted paragraphs go in after their nearest surviving predecessor, in their old order.
  const deletedAfter = new Map<string | null, VersionParagraph[]>();
  let anchor: string | null = null;
  for (const paragraph of before) {
    if (afterIds.has(paragraph.id)) {
      anchor = paragraph.id;
      continue;
    }
    const list = deletedAfter.get(anchor) ?? [];
    list.push(paragraph);
    deletedAfter.set(anchor, list);
  }
  const deletedEntry = (paragraph: VersionParagraph): ComparisonEntry => ({
    paragraphId: paragraph.id,
    change: ParagraphChange.deleted,
    before: paragraph,
    after: null,
  });
  const result: ComparisonEntry[] = (deletedAfter.get(null) ?? []).map(deletedEntry);
  for (const entry of entries) {
    result.push(entry);
    for (const paragraph of deletedAfter.get(entry.paragraphId) ?? []) result.push(deletedEntry(paragraph));
  }
  return result;
}
