import { intlLocale } from '../../shared/i18n/intl-formats.js';
import { currentLanguage } from '../i18n/translate.js';

const formats = new Map<string, Intl.DateTimeFormat>();

// Client and server read English as day-month-year alike (one rule, in shared/).
export { intlLocale } from '../../shared/i18n/intl-formats.js';

/** One formatter per language and style, made when first needed. */
function formatFor(language: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language} ${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.DateTimeFormat(intlLocale(language), options)));
  return format;
}

/**
 * A server timestamp as people read it in the interface's language, e.g. "22 Nov 2026, 12:03" in
 * English, or with seconds where the order of close events matters; left as it is if unreadable.
 */
export function formatDateTime(value: string, { withSeconds = false } = {}, language: string = currentLanguage()): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return formatFor(language, { dateStyle: 'medium', timeStyle: withSeconds ? 'medium' : 'short' }).format(date);
}

/** A calendar day (read in UTC, so no time zone moves it) in the interface's language: "22 November 2026". */
export function formatDay(value: Date, language: string = currentLanguage()): string {
  return formatFor(language, { dateStyle: 'long', timeZone: 'UTC' }).format(value);
}

/** A moment in UTC with its zone shown, for records compared across countries (final signatures). */
export function formatUtcDateTime(value: string, language: string = currentLanguage()): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  // Intl refuses a zone name beside dateStyle/timeStyle, so the parts are named one by one.
  return formatFor(language, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC', timeZoneName: 'short' }).format(date);
}
