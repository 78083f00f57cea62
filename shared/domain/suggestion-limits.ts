import { maxSuggestionsPerDecision } from '../api/suggestions.js';

/**
 * How many open suggestions one paragraph and one letter may hold (rule S13). Beyond them, an
 * update that opens a new suggestion is refused (close code 4413), so that nobody can bury a
 * paragraph under thousands of one-letter proposals that the suggestions list, the gutter and
 * "accept all in paragraph" would have to carry. A suggestion split over two paragraphs counts in
 * each. The server's settings (SUGGESTIONS_MAX_PER_PARAGRAPH, SUGGESTIONS_MAX_PER_LETTER) may
 * lower them; the paragraph's limit may not pass what one decision accepts at once.
 */
export interface SuggestionLimits {
  maxOpenPerParagraph: number;
  maxOpenPerLetter: number;
}

/** A paragraph's worth fits one "accept all in paragraph"; a long letter of 2,000 paragraphs rarely has a tenth of them open. */
export const defaultSuggestionLimits: SuggestionLimits = {
  maxOpenPerParagraph: maxSuggestionsPerDecision,
  maxOpenPerLetter: 2_000,
};
