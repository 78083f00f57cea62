import { t } from '../i18n/translate.js';
import { type Revision, RevisionKind } from '../../shared/api/history.js';
import { formatDateTime } from '../ui/format-date-time.js';

/** What the panel knows beyond the revision itself, to name other paragraphs and revisions. */
export interface RevisionContext {
  /** The current number of a paragraph of the letter, or null if it is gone. */
  paragraphNumber: (paragraphId: string) => number | null;
  /** The revision with this id, if the history holds it. */
  findRevision: (revisionId: string) => Revision | undefined;
}

/** How a revision came about, in words: "Edited", "Split from paragraph 3", "Restored from the revision of 22 Nov 2026, 12:03". */
export function describeRevision(revision: Revision, context: RevisionContext): string {
  switch (revision.kind) {
    case RevisionKind.created:
      return t('history.created');
    case RevisionKind.edited:
      return t('history.edited');
    case RevisionKind.split:
      return t('history.splitFrom', { nameParagraph: nameParagraph(revision.relatedParagraphId, context) });
    case RevisionKind.merged:
      return t('history.mergedWith', { nameParagraph: nameParagraph(revision.relatedParagraphId, context) });
    case RevisionKind.deleted:
      return t('history.deleted');
    case RevisionKind.restored: {
      const source = revision.restoredFrom ? context.findRevision(revision.restoredFrom) : undefined;
      return source ? t('history.restoredFromTheRevisionOf', { dateTime: formatDateTime(source.endedAt) }) : t('history.restoredFromAnEarlierRevision');
    }
    case RevisionKind.recorded:
      return t('history.textAsFirstRecorded');
    default:
      throw new Error(`unknown revision kind ${String((revision as { kind: unknown }).kind)}`);
  }
}

function nameParagraph(paragraphId: string | null, context: RevisionContext): string {
  const number = paragraphId ? context.paragraphNumber(paragraphId) : null;
  return number === null ? t('history.anotherParagraph') : t('history.paragraph', { number: number });
}
