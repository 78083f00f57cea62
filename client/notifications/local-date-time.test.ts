import { describe, expect, it } from 'vitest';
import { fromLocalInput, toLocalInput } from './local-date-time.js';

describe('deadline inputs', () => {
  it('shows an instant in local time and reads it back as the same instant', () => {
    const instant = new Date(2026, 2, 13, 17, 30).toISOString();
    expect(toLocalInput(instant)).toBe('2026-03-13T17:30');
    expect(fromLocalInput('2026-03-13T17:30')).toBe(instant);
  });

  it('leaves an empty or unreadable value empty, or as it was for the server to refuse', () => {
    expect(toLocalInput(undefined)).toBe('');
    expect(toLocalInput('soon')).toBe('');
    expect(fromLocalInput('soon')).toBe('soon');
  });
});
