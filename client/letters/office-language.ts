import type { Office } from '../../shared/api/offices.js';

/** Official language of each signatory country, keyed by ISO 3166 code and by English name. */
const languageByCountry: Record<string, string> = {
  dk: 'da',
  denmark: 'da',
  ee: 'et',
  estonia: 'et',
  lv: 'lv',
  latvia: 'lv',
  lt: 'lt',
  lithuania: 'lt',
  no: 'nb',
  norway: 'nb',
  pl: 'pl',
  poland: 'pl',
  fi: 'fi',
  finland: 'fi',
  se: 'sv',
  sweden: 'sv',
};

/**
 * The `lang` of an office's own-language name, so screen readers pronounce "Sisäministeriö" as
 * Finnish (WCAG 3.1.2). Undefined when unknown: the text then inherits the page's language.
 */
export function officeLanguage(office: Pick<Office, 'country'>): string | undefined {
  return languageByCountry[office.country.trim().toLowerCase()];
}
