import { intlLocale } from '../ui/format-date-time.js';
import { currentLanguage } from './translate.js';

const formats = new Map<string, Intl.ListFormat>();

/** Items as one list in the interface's language: "Estonia, Latvia and Finland", "Eesti, Läti ja Soome". */
export function formatList(items: readonly string[], language: string = currentLanguage()): string {
  let format = formats.get(language);
  if (!format) formats.set(language, (format = new Intl.ListFormat(intlLocale(language), { type: 'conjunction' })));
  return format.format(items);
}
