import type { i18n } from 'i18next';
import { isSupportedLanguage, sourceLanguage, type Language } from '../../shared/i18n/languages.js';
import { createTranslator } from '../../shared/i18n/translator.js';
import { formatUtcMoment } from '../../shared/i18n/intl-formats.js';
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

/**
 * A moment as the mail's reader reads it in their language, in UTC with the zone named: a mail is
 * read wherever the person is, and the server does not know their zone.
 */
export function formatMailTime(at: string | Date, language: Language): string {
  return formatUtcMoment(at, language);
}
