import i18next, { type i18n } from 'i18next';
import { catalogues } from './catalogues.js';
import { sourceLanguage, supportedLanguages, type Language } from './languages.js';

/** Values put into a message's `{{placeholders}}`; `count` also picks the plural form. */
export type MessageValues = Record<string, string | number>;

/**
 * An i18next instance holding every catalogue, ready at once (no asynchronous loading), showing
 * `language`. A key missing from a catalogue falls back to English rather than showing the key.
 */
export function createTranslator(language: Language): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    fallbackLng: sourceLanguage,
    supportedLngs: [...supportedLanguages],
    resources: Object.fromEntries(supportedLanguages.map((lng) => [lng, { translation: catalogues[lng] }])),
    initAsync: false,
    // Lit and the export writers escape text themselves; escaping here would show "&amp;".
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
