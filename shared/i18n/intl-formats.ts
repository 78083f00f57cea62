/** The Intl locale of an interface or letter language: English reads day-month-year, as Jointly always showed it. */
export function intlLocale(language: string): string {
  return language === 'en' ? 'en-GB' : language;
}

const utcMoments = new Map<string, Intl.DateTimeFormat>();

/**
 * A recorded moment (a signature, a comment, a mail's event) in `language`, in UTC with the zone
 * named: offices in several countries compare these times, and a mail is read wherever its reader
 * is. "20 November 2026 at 09:30 UTC"; left as it is if unreadable.
 */
export function formatUtcMoment(at: string | Date, language: string): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return String(at);
  let format = utcMoments.get(language);
  if (!format) {
    // Intl refuses a zone name beside dateStyle/timeStyle, so the parts are named one by one.
    format = new Intl.DateTimeFormat(intlLocale(language), {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: 'UTC',
      timeZoneName: 'short',
    });
    utcMoments.set(language, format);
  }
  return format.format(date);
}
