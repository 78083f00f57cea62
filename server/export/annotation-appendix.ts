import type { ReservationKind } from '../../shared/domain/reservations.js';
import { SuggestionKind } from '../../shared/domain/suggestions.js';
import { sourceLanguage } from '../../shared/i18n/languages.js';
import { createTranslator } from '../../shared/i18n/translator.js';
import type { LetterAnnotations } from './letter-annotations.js';
import { formatSignedAt } from './letter-layout.js';
import { suggestionAuthor, type NumberedSuggestion, type SuggestionAuthors } from './letter-suggestions.js';

const labels = createTranslator(sourceLanguage);

/** How each kind of reservation reads in an export, as on the screens. */
export const reservationKindLabel: Record<ReservationKind, string> = {
  get scrutiny() { return labels.t('exportFile.scrutinyReservation'); },
  get linguistic() { return labels.t('exportFile.linguisticReservation'); },
  get substance() { return labels.t('exportFile.substanceReservation'); },
  get note() { return labels.t('exportFile.note'); },
};

export const appendixLabels = {
  get heading() { return labels.t('exportFile.appendixHeading'); },
  get intro() { return labels.t('exportFile.appendixIntro'); },
  get reservations() { return labels.t('exportFile.reservations'); },
  get threads() { return labels.t('exportFile.threads'); },
  get nothingOpen() { return labels.t('exportFile.nothingOpen'); },
  get onDeletedText() { return labels.t('exportFile.onDeletedText'); },
};

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

/** The appendix a PDF prints for the open threads and reservations, in reading order. */
export function annotationAppendix(annotations: LetterAnnotations): AnnotationAppendix {
  return {
    reservations: annotations.reservations.map((reservation) => ({
      heading: labels.t('exportFile.reservationHeading', { number: reservation.paragraphNumber, kind: reservationKindLabel[reservation.kind], office: reservation.office }),
      quote: null,
      lines: [{ label: `${reservation.by}, ${formatSignedAt(reservation.at)}`, text: reservation.reason }],
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
      lines: thread.comments.map((comment) => ({ label: `${comment.author}, ${formatSignedAt(comment.at)}`, text: comment.body })),
    })),
  };
}

export const suggestionAppendixLabels = {
  get heading() { return labels.t('exportFile.suggestionsHeading'); },
  get intro() { return labels.t('exportFile.suggestionsIntro'); },
  get [SuggestionKind.insertion]() { return labels.t('exportFile.proposedInsertion'); },
  get [SuggestionKind.deletion]() { return labels.t('exportFile.proposedDeletion'); },
};

/** The open suggestions as a PDF lists them, in reading order: where, what, the words, who and when. */
export function suggestionAppendix(suggestions: readonly NumberedSuggestion[], authors: SuggestionAuthors | undefined): AppendixEntry[] {
  return suggestions.map((suggestion) => ({
    heading: labels.t('exportFile.suggestionHeading', { number: suggestion.paragraphNumber, kind: suggestionAppendixLabels[suggestion.kind] }),
    quote: suggestion.text,
    lines: [{ label: `${suggestionAuthor(authors, suggestion)}, ${formatSignedAt(suggestion.time)}`, text: suggestion.note ?? '' }],
  }));
}
