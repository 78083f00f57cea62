import {
  type FinalSignatureRequest,
  type LetterCourse,
  letterCourseSchema,
  type ParagraphSignoffHistory,
  paragraphSignoffHistorySchema,
  type SignatoriesRequest,
  type SignoffDecision,
  type SignoffRequest,
  type SignoffResponse,
  signoffResponseSchema,
  type StatusChangeRequest,
} from '../../shared/api/signoffs.js';
import { requestJson } from './request-json.js';

const letterBase = (letterId: string) => `/api/letters/${encodeURIComponent(letterId)}`;
const paragraphBase = (letterId: string, paragraphId: string) =>
  `${letterBase(letterId)}/paragraphs/${encodeURIComponent(paragraphId)}/signoffs`;

export async function recordSignoff(letterId: string, paragraphId: string, decision: SignoffDecision): Promise<SignoffResponse> {
  return requestJson(paragraphBase(letterId, paragraphId), signoffResponseSchema, { method: 'POST', body: decision });
}

/** Several paragraphs at once: all are recorded, or none. */
export async function recordSignoffs(letterId: string, request: SignoffRequest): Promise<SignoffResponse> {
  return requestJson(`${letterBase(letterId)}/signoffs`, signoffResponseSchema, { method: 'POST', body: request });
}

export async function loadParagraphHistory(letterId: string, paragraphId: string): Promise<ParagraphSignoffHistory> {
  return requestJson(paragraphBase(letterId, paragraphId), paragraphSignoffHistorySchema);
}

export function signoffGridCsvPath(letterId: string): string {
  return `${letterBase(letterId)}/signoff-grid.csv`;
}

export async function changeLetterStatus(letterId: string, request: StatusChangeRequest): Promise<LetterCourse> {
  return requestJson(`${letterBase(letterId)}/status`, letterCourseSchema, { method: 'POST', body: request });
}

export async function signLetter(letterId: string, request: FinalSignatureRequest): Promise<LetterCourse> {
  return requestJson(`${letterBase(letterId)}/final-signatures`, letterCourseSchema, { method: 'POST', body: request });
}

export async function saveSignatories(letterId: string, request: SignatoriesRequest): Promise<LetterCourse> {
  return requestJson(`${letterBase(letterId)}/signatories`, letterCourseSchema, { method: 'PUT', body: request });
}
