import { z } from 'zod';
import { sourceLanguage, supportedLanguages, type Language } from './languages.js';

/** `PUT /api/account/language`: the interface language a person chose (stored with the account). */
export const languageChoiceSchema = z.object({ language: z.enum(supportedLanguages) }).strict();
export type LanguageChoice = z.infer<typeof languageChoiceSchema>;

/** `PUT /api/letters/:id/language`: the language the letter itself is written in. */
export const letterLanguageSchema = z.object({ language: z.enum(supportedLanguages) }).strict();

/** Tags that name a language by another code than ours: Norwegian "no" and "nn" read Bokmål best. */
const aliases: Record<string, string> = { no: 'nb', nn: 'nb' };

/**
 * The first of a person's preferred languages (the browser's `navigator.languages` or an
 * Accept-Language header, best first) that the interface speaks: "fi-FI" gives "fi". English
 * when none is.
 */
export function pickLanguage(preferred: readonly string[], offered: readonly string[] = supportedLanguages): Language {
  for (const tag of preferred) {
    const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
    const language = aliases[primary] ?? primary;
    if (offered.includes(language)) return language as Language;
  }
  return sourceLanguage;
}

/** The languages of an Accept-Language header, best first ("sv-SE,sv;q=0.9,en;q=0.5"). */
export function parseAcceptLanguage(header: string | null | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .slice(0, 20)
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(params.find((param) => param.trim().startsWith('q='))?.trim().slice(2) ?? '1');
      return { tag: tag.trim(), q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((entry) => entry.tag && entry.tag !== '*' && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((entry) => entry.tag);
}
