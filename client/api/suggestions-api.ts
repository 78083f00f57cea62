import {
  type OfficeSuggestionDecisionRequest,
  type OfficeSuggestionDecisionResponse,
  officeSuggestionDecisionResponseSchema,
  type SuggestionDecisionRequest,
  type SuggestionDecisionResponse,
  suggestionDecisionResponseSchema,
} from '../../shared/api/suggestions.js';
import { requestJson } from './request-json.js';

/** Accepts, rejects or withdraws suggestions of one paragraph (rule S13); refused with a conflict if it changed since `hash`. */
export async function decideSuggestions(letterId: string, paragraphId: string, request: SuggestionDecisionRequest): Promise<SuggestionDecisionResponse> {
  const path = `/api/letters/${encodeURIComponent(letterId)}/paragraphs/${encodeURIComponent(paragraphId)}/suggestions`;
  return requestJson(path, suggestionDecisionResponseSchema, { method: 'POST', body: request });
}

/** Accepts or rejects all of one office's suggestions in the letter (rule S13); refused with a conflict if a named paragraph changed or the office has suggestions elsewhere. */
export async function decideOfficeSuggestions(letterId: string, request: OfficeSuggestionDecisionRequest): Promise<OfficeSuggestionDecisionResponse> {
  return requestJson(`/api/letters/${encodeURIComponent(letterId)}/suggestions`, officeSuggestionDecisionResponseSchema, { method: 'POST', body: request });
}
