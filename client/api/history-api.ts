import {
  type ParagraphHistory,
  paragraphHistorySchema,
  type RestoreRequest,
  type RestoreResponse,
  restoreResponseSchema,
} from '../../shared/api/history.js';
import { requestJson } from './request-json.js';

const paragraphBase = (letterId: string, paragraphId: string) =>
  `/api/letters/${encodeURIComponent(letterId)}/paragraphs/${encodeURIComponent(paragraphId)}`;

/** A paragraph's revisions (newest first) and every sign-off act on it. */
export async function loadRevisionHistory(letterId: string, paragraphId: string): Promise<ParagraphHistory> {
  return requestJson(`${paragraphBase(letterId, paragraphId)}/history`, paragraphHistorySchema);
}

/** Puts the paragraph back to a revision's text; refused with a conflict if it changed since `hash`. */
export async function restoreRevision(letterId: string, paragraphId: string, request: RestoreRequest): Promise<RestoreResponse> {
  return requestJson(`${paragraphBase(letterId, paragraphId)}/restore`, restoreResponseSchema, { method: 'POST', body: request });
}
