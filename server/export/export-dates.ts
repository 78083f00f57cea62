import { isSupportedLanguage, sourceLanguage, type Language } from '../../shared/i18n/languages.js';

/** The letter's language as an export writes in it: English when it has none or one not offered. */
export function exportLanguage(language: string | undefined): Language {
  return language && isSupportedLanguage(language) ? language : sourceLanguage;
}

/** The Intl locale of a letter language: English reads day-month-year, as the screens show it. */
const intlLocale = (language: string | undefined) => {
  const chosen = exportLanguage(language);
  return chosen === 'en' ? 'en-GB' : chosen;
};

/** The letter's date, a calendar day (read in UTC, so no zone moves it), in the letter's language: "20. marraskuuta 2026". */
export function formatLetterDate(value: string, language: string | undefined): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(intlLocale(language), { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/**
 * A recorded moment (a signature, a comment, a suggestion) in the letter's language, in UTC with the
 * zone shown: offices in several countries compare these times. "20 November 2026 at 09:30 UTC".
 */
export function formatRecordedAt(iso: string, language: string | undefined): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  // Intl refuses a zone name beside dateStyle/timeStyle, so the parts are named one by one.
  return new Intl.DateTimeFormat(intlLocale(language), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'UTC',
    timeZoneName: 'short',
  }).format(date);
}
