// A letter's date is a calendar day: read and shown in UTC, so no time zone moves it a day.
const letterDateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' });

/** A letter's `YYYY-MM-DD` date as people read it, e.g. "24 December 2026"; left as it is if unreadable. */
export function formatLetterDate(value: string): string {
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? value : letterDateFormat.format(date);
}
