import {
  type LetterDetails,
  type LetterDetailsEdit,
  type LetterDetailsRequest,
  letterDetailsHistorySchema,
  letterDetailsSchema,
} from '../../shared/api/letter-details.js';
import { requestJson } from './request-json.js';

/** Replaces the letter's title, subject, addressees and date (coordinator). */
export function saveLetterDetails(letterId: string, details: LetterDetailsRequest): Promise<LetterDetails> {
  return requestJson(`/api/letters/${encodeURIComponent(letterId)}/details`, letterDetailsSchema, { method: 'PUT', body: details });
}

/** Every edit of the letter's details, newest first. */
export async function loadLetterDetailsHistory(letterId: string): Promise<LetterDetailsEdit[]> {
  const { edits } = await requestJson(`/api/letters/${encodeURIComponent(letterId)}/details/history`, letterDetailsHistorySchema);
  return edits;
}
