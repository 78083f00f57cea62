import type { Language } from '../../shared/i18n/languages.js';
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

/** Sets the language the letter is written in (coordinator). */
export async function saveLetterLanguage(letterId: string, language: Language): Promise<void> {
  await requestJson(`/api/letters/${encodeURIComponent(letterId)}/language`, null, { method: 'PUT', body: { language } });
}
