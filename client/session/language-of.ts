import type { SessionUser } from '../../shared/api/session.js';
import { pickLanguage } from '../../shared/i18n/language-choice.js';
import { isSupportedLanguage, type Language } from '../../shared/i18n/languages.js';

/**
 * The interface language for a person: the one stored with their account, or before they chose
 * one (or when it is no longer offered) the first of the browser's preferred languages Jointly speaks.
 */
export function languageOf(user: SessionUser | null, preferred: readonly string[] = globalThis.navigator?.languages ?? []): Language {
  if (user?.language && isSupportedLanguage(user.language)) return user.language;
  return pickLanguage(preferred);
}
