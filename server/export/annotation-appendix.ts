import type { ReservationKind } from '../../shared/domain/reservations.js';
import { SuggestionKind } from '../../shared/domain/suggestions.js';
import type { LetterAnnotations } from './letter-annotations.js';
import { formatSignedAt } from './letter-layout.js';
import { suggestionAuthor, type NumberedSuggestion, type SuggestionAuthors } from './letter-suggestions.js';

/** How each kind of reservation reads in an export, as on the screens. */
export const reservationKindLabel: Record<ReservationKind, string> = {
  scrutiny: 'Scrutiny reservation',
  linguistic: 'Linguistic reservation',
  substance: 'Reservation on substance',
  note: 'Note',
};

export const appendixLabels = {
  heading: 'Open comments and reservations',
  intro: 'The threads still open and the reservations not yet lifted when this file was made. They are not part of the letter.',
  reservations: 'Reservations',
  threads: 'Comment threads',
  nothingOpen: 'No thread is open and no office holds a reservation.',
  onDeletedText: 'On deleted text',
} as const;

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
      heading: `Paragraph ${reservation.paragraphNumber}: ${reservationKindLabel[reservation.kind]} of ${reservation.office}`,
      quote: null,
      lines: [{ label: `${reservation.by}, ${formatSignedAt(reservation.at)}`, text: reservation.reason }],
    })),
    threads: annotations.threads.map((thread) => ({
      heading:
        thread.paragraphNumber === null
          ? 'On a deleted paragraph'
          : `${thread.passage || thread.isOnDeletedText ? 'On words in paragraph' : 'On paragraph'} ${thread.paragraphNumber}${thread.isOnDeletedText ? ` (${appendixLabels.onDeletedText.toLowerCase()})` : ''}`,
      quote: thread.quote || null,
      lines: thread.comments.map((comment) => ({ label: `${comment.author}, ${formatSignedAt(comment.at)}`, text: comment.body })),
    })),
  };
}

export const suggestionAppendixLabels = {
  heading: 'Open suggestions',
  intro:
    'Wording proposed and not yet accepted or rejected when this file was made. The letter above reads as it stands ' +
    'without them: proposed insertions are left out, and words proposed for deletion are still there.',
  [SuggestionKind.insertion]: 'Proposed insertion',
  [SuggestionKind.deletion]: 'Proposed deletion',
} as const;

/** The open suggestions as a PDF lists them, in reading order: where, what, the words, who and when. */
export function suggestionAppendix(suggestions: readonly NumberedSuggestion[], authors: SuggestionAuthors | undefined): AppendixEntry[] {
  return suggestions.map((suggestion) => ({
    heading: `Paragraph ${suggestion.paragraphNumber}: ${suggestionAppendixLabels[suggestion.kind]}`,
    quote: suggestion.text,
    lines: [{ label: `${suggestionAuthor(authors, suggestion)}, ${formatSignedAt(suggestion.time)}`, text: suggestion.note ?? '' }],
  }));
}
