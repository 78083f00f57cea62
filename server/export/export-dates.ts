import { formatUtcMoment, intlLocale } from '../../shared/i18n/intl-formats.js';
import { isSupportedLanguage, sourceLanguage, type Language } from '../../shared/i18n/languages.js';

/** The letter's language as an export writes in it: English when it has none or one not offered. */
export function exportLanguage(language: string | undefined): Language {
  return language && isSupportedLanguage(language) ? language : sourceLanguage;
}

/** The letter's date, a calendar day (read in UTC, so no zone moves it), in the letter's language: "20. marraskuuta 2026". */
export function formatLetterDate(value: string, language: string | undefined): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(intlLocale(exportLanguage(language)), { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** A recorded moment (a signature, a comment, a suggestion) in the letter's language, in UTC with the zone shown. */
export function formatRecordedAt(iso: string, language: string | undefined): string {
  return formatUtcMoment(iso, exportLanguage(language));
}
