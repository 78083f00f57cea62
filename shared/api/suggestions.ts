import { z } from 'zod';
import { SuggestionDecision } from '../domain/suggestions.js';

/** At most this many suggestions are decided in one request (a whole paragraph's, usually). */
export const maxSuggestionsPerDecision = 200;

/**
 * Accept, reject or withdraw suggestions of one paragraph (rule S13). `hash` is the paragraph as
 * the person saw it: if it changed since, nothing is decided.
 */
export const suggestionDecisionRequestSchema = z.strictObject({
  decision: z.enum([SuggestionDecision.accept, SuggestionDecision.reject, SuggestionDecision.withdraw]),
  suggestionIds: z
    .array(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{7,63}$/, 'not a suggestion id'))
    .min(1)
    .max(maxSuggestionsPerDecision),
  hash: z.string().regex(/^[0-9a-f]{64}$/, 'not a paragraph hash'),
});
export type SuggestionDecisionRequest = z.input<typeof suggestionDecisionRequestSchema>;

export const suggestionDecisionResponseSchema = z.object({ hash: z.string(), text: z.string() });
export type SuggestionDecisionResponse = z.infer<typeof suggestionDecisionResponseSchema>;
