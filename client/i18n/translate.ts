import { createTranslator, type MessageValues } from '../../shared/i18n/translator.js';
import { isSupportedLanguage, sourceLanguage, type Language } from '../../shared/i18n/languages.js';

/** The page's one translator; switching its language re-renders every element (see LanguageController). */
export const translator = createTranslator(sourceLanguage);

/** The message `key` (a "feature.name" path in shared/i18n/<language>.json) in the current language. */
export function t(key: string, values?: MessageValues): string {
  return values ? translator.t(key, values) : translator.t(key);
}

/** The language the interface shows now. */
export function currentLanguage(): Language {
  return isSupportedLanguage(translator.language) ? translator.language : sourceLanguage;
}

/**
 * Shows the interface in `language` at once: every element re-renders in place, and the page's
 * `lang` follows so screen readers pronounce it right.
 */
export function applyLanguage(language: Language): void {
  if (translator.language !== language) void translator.changeLanguage(language);
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}
