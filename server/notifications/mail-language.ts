import type { i18n } from 'i18next';
import { isSupportedLanguage, sourceLanguage, type Language } from '../../shared/i18n/languages.js';
import { createTranslator } from '../../shared/i18n/translator.js';
import type { Translate } from '../../shared/i18n/notification-title.js';
import type { Store } from '../store/store.js';

const translators = new Map<Language, i18n>();

/** The catalogue lookup of one language, made once per process (i18next, the client's catalogues). */
export function translateIn(language: Language): Translate {
  let translator = translators.get(language);
  if (!translator) translators.set(language, (translator = createTranslator(language)));
  const instance = translator;
  return (key, values) => (values ? instance.t(key, values) : instance.t(key));
}

/**
 * The language a person's mail is written in: the one they chose in the session menu, English
 * until they choose (the server does not know their browser's languages between visits).
 */
export async function mailLanguageOf(store: Store, userId: string): Promise<Language | null> {
  const chosen = await store.accounts.getLanguage(userId);
  return chosen !== null && isSupportedLanguage(chosen) ? chosen : null;
}

export const mailFallbackLanguage: Language = sourceLanguage;

const formats = new Map<Language, Intl.DateTimeFormat>();

/**
 * A moment as the mail's reader reads it in their language, in UTC with the zone named: a mail is
 * read wherever the person is, and the server does not know their zone. English reads
 * day-month-year, as the interface does.
 */
export function formatMailTime(at: string | Date, language: Language): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return String(at);
  let format = formats.get(language);
  if (!format) {
    // Intl refuses a zone name beside dateStyle/timeStyle, so the parts are named one by one.
    format = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : language, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: 'UTC',
      timeZoneName: 'short',
    });
    formats.set(language, format);
  }
  return format.format(date);
}
