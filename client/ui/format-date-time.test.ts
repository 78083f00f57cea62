import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDay, formatUtcDateTime } from './format-date-time.js';

describe('dates in the chosen language', () => {
  it('L6 a Latvian person reads a letter date the Latvian way', () => {
    expect(formatDay(new Date('2026-11-22T00:00:00Z'), 'lv')).toBe('2026. gada 22. novembris');
  });

  it('L6 English keeps day-month-year, as Jointly always showed it', () => {
    expect(formatDay(new Date('2026-12-24T00:00:00Z'), 'en')).toBe('24 December 2026');
  });

  it('L6 a Finnish person reads times the Finnish way', () => {
    const finnish = formatDateTime('2026-11-22T10:03:00Z', {}, 'fi');
    expect(finnish).toMatch(/22\.11\.2026/);
  });

  it('L7 a final signature keeps its time in UTC and says so, whatever the language', () => {
    expect(formatUtcDateTime('2026-11-22T21:30:00Z', 'en')).toBe('22 November 2026 at 21:30 UTC');
    expect(formatUtcDateTime('2026-11-22T21:30:00Z', 'lv')).toBe('2026. gada 22. novembris 21:30 UTC');
  });

  it('leaves an unreadable value as it is', () => {
    expect(formatDateTime('not a date')).toBe('not a date');
  });
});
