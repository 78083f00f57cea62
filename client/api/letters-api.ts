import {
  type CreateLetterRequest,
  type LetterDetail,
  type LetterSummary,
  letterDetailSchema,
  letterListResponseSchema,
} from '../../shared/api/letters.js';
import { requestJson } from './request-json.js';

export async function loadLetters(): Promise<LetterSummary[]> {
  const { letters } = await requestJson('/api/letters', letterListResponseSchema);
  return letters;
}

export async function loadLetter(letterId: string): Promise<LetterDetail> {
  return requestJson(`/api/letters/${encodeURIComponent(letterId)}`, letterDetailSchema);
}

export async function createLetter(request: CreateLetterRequest): Promise<LetterDetail> {
  return requestJson('/api/letters', letterDetailSchema, { method: 'POST', body: request });
}
