import { z } from 'zod';
import { SuggestionDecision } from '../domain/suggestions.js';
import { officeIdSchema } from './ids.js';

const paragraphHashSchema = z.string().regex(/^[0-9a-f]{64}$/, 'not a paragraph hash');

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
  hash: paragraphHashSchema,
});
export type SuggestionDecisionRequest = z.input<typeof suggestionDecisionRequestSchema>;

export const suggestionDecisionResponseSchema = z.object({ hash: z.string(), text: z.string() });
export type SuggestionDecisionResponse = z.infer<typeof suggestionDecisionResponseSchema>;

/** At most this many paragraphs are decided in one request for one office (a letter holds at most 2,000 by default). */
export const maxParagraphsPerOfficeDecision = 2_000;

/**
 * Accept or reject all of one office's open suggestions in the letter (rule S13). `paragraphs`
 * names every paragraph in which the person saw that office's suggestions, with its hash as they
 * saw it: if one changed since, or the office has suggestions elsewhere they did not see, nothing
 * is decided.
 */
export const officeSuggestionDecisionRequestSchema = z.strictObject({
  decision: z.enum([SuggestionDecision.accept, SuggestionDecision.reject]),
  officeId: officeIdSchema,
  paragraphs: z
    .array(z.strictObject({ paragraphId: z.string().min(1).max(64), hash: paragraphHashSchema }))
    .min(1)
    .max(maxParagraphsPerOfficeDecision)
    .refine((paragraphs) => new Set(paragraphs.map((paragraph) => paragraph.paragraphId)).size === paragraphs.length, 'a paragraph is named twice'),
});
export type OfficeSuggestionDecisionRequest = z.input<typeof officeSuggestionDecisionRequestSchema>;

export const officeSuggestionDecisionResponseSchema = z.object({
  decided: z.number().int(),
  paragraphs: z.array(z.object({ paragraphId: z.string(), hash: z.string(), text: z.string() })),
});
export type OfficeSuggestionDecisionResponse = z.infer<typeof officeSuggestionDecisionResponseSchema>;
