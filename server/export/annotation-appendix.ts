import type { ReservationKind } from '../../shared/domain/reservations.js';
import { SuggestionKind } from '../../shared/domain/suggestions.js';
import { createTranslator } from '../../shared/i18n/translator.js';
import { exportLanguage, formatRecordedAt } from './export-dates.js';
import type { LetterAnnotations } from './letter-annotations.js';
import { suggestionAuthor, type NumberedSuggestion, type SuggestionAuthors } from './letter-suggestions.js';

/** The words of the appendices, in the letter's language (the shared catalogues' `exportFile` section). */
function appendixWordsIn(language: string | undefined) {
  const labels = createTranslator(exportLanguage(language));
  const reservationKind: Record<ReservationKind, string> = {
    scrutiny: labels.t('exportFile.scrutinyReservation'),
    linguistic: labels.t('exportFile.linguisticReservation'),
    substance: labels.t('exportFile.substanceReservation'),
    note: labels.t('exportFile.note'),
  };
  return { labels, reservationKind };
}

/** The headings and fixed sentences of the appendix of open threads and reservations. */
export function appendixLabelsIn(language: string | undefined) {
  const { labels } = appendixWordsIn(language);
  return {
    heading: labels.t('exportFile.appendixHeading'),
    intro: labels.t('exportFile.appendixIntro'),
    reservations: labels.t('exportFile.reservations'),
    threads: labels.t('exportFile.threads'),
    nothingOpen: labels.t('exportFile.nothingOpen'),
    onDeletedText: labels.t('exportFile.onDeletedText'),
  };
}

/** One entry of the appendix: a heading line, the quoted words if any, then lines of plain text. */
export interface AppendixEntry {
  heading: string;
  quote: string | null;
  lines: { label: string; text: string }[];
}

export interface AnnotationAppendix {
  reservations: AppendixEntry[];
  threads: AppendixEntry[];
}

/** The appendix a PDF prints for the open threads and reservations, in reading order, in the letter's language. */
export function annotationAppendix(annotations: LetterAnnotations, language: string | undefined): AnnotationAppendix {
  const { labels, reservationKind } = appendixWordsIn(language);
  return {
    reservations: annotations.reservations.map((reservation) => ({
      heading: labels.t('exportFile.reservationHeading', { number: reservation.paragraphNumber, kind: reservationKind[reservation.kind], office: reservation.office }),
      quote: null,
      lines: [{ label: `${reservation.by}, ${formatRecordedAt(reservation.at, language)}`, text: reservation.reason }],
    })),
    threads: annotations.threads.map((thread) => ({
      heading:
        thread.paragraphNumber === null
          ? labels.t('exportFile.onDeletedParagraph')
          : thread.isOnDeletedText
            ? labels.t('exportFile.onDeletedWordsInParagraph', { number: thread.paragraphNumber })
            : thread.passage
              ? labels.t('exportFile.onWordsInParagraph', { number: thread.paragraphNumber })
              : labels.t('exportFile.onParagraph', { number: thread.paragraphNumber }),
      quote: thread.quote || null,
      lines: thread.comments.map((comment) => ({ label: `${comment.author}, ${formatRecordedAt(comment.at, language)}`, text: comment.body })),
    })),
  };
}

/** The heading and introduction of the appendix of open suggestions. */
export function suggestionAppendixLabelsIn(language: string | undefined) {
  const { labels } = appendixWordsIn(language);
  return { heading: labels.t('exportFile.suggestionsHeading'), intro: labels.t('exportFile.suggestionsIntro') };
}

/** The open suggestions as a PDF lists them, in reading order: where, what, the words, who and when. */
export function suggestionAppendix(suggestions: readonly NumberedSuggestion[], authors: SuggestionAuthors | undefined, language: string | undefined): AppendixEntry[] {
  const { labels } = appendixWordsIn(language);
  const kind: Record<SuggestionKind, string> = {
    [SuggestionKind.insertion]: labels.t('exportFile.proposedInsertion'),
    [SuggestionKind.deletion]: labels.t('exportFile.proposedDeletion'),
  };
  return suggestions.map((suggestion) => ({
    heading: labels.t('exportFile.suggestionHeading', { number: suggestion.paragraphNumber, kind: kind[suggestion.kind] }),
    quote: suggestion.text,
    lines: [{ label: `${suggestionAuthor(authors, suggestion)}, ${formatRecordedAt(suggestion.time, language)}`, text: suggestion.note ?? '' }],
  }));
}
