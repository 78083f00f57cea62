import { formatDay } from '../ui/format-date-time.js';

/**
 * A letter's `YYYY-MM-DD` date as people read it in `language` (the interface's unless given),
 * e.g. "24 December 2026"; a calendar day, so read and shown in UTC. Left as it is if unreadable.
 */
export function formatLetterDate(value: string, language?: string): string {
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? value : formatDay(date, language);
}
