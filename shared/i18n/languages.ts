/**
 * The interface languages Jointly ships a complete catalogue for. Each has one JSON file,
 * shared/i18n/<language>.json, read by client and server alike; the completeness test checks
 * every language listed here against en.json.
 */
export const supportedLanguages = ['en', 'da', 'et', 'lv', 'lt', 'nb', 'pl', 'fi', 'sv'] as const;
export type Language = (typeof supportedLanguages)[number];

/** The language whose catalogue defines every key; the others translate it. */
export const sourceLanguage: Language = 'en';

/**
 * Every language the interface is being translated into, with its name in itself (for the
 * language menu). A language is offered only once it is in `supportedLanguages` too.
 */
export const languageNames: Record<string, string> = {
  en: 'English',
  da: 'Dansk',
  et: 'Eesti',
  lv: 'Latviešu',
  lt: 'Lietuvių',
  nb: 'Norsk bokmål',
  pl: 'Polski',
  fi: 'Suomi',
  sv: 'Svenska',
};

/** Whether a language tag names a supported interface language exactly. */
export function isSupportedLanguage(value: string): value is Language {
  return (supportedLanguages as readonly string[]).includes(value);
}
