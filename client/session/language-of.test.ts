import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../../shared/api/session.js';
import { languageOf } from './language-of.js';

const person = (language: string | null | undefined): SessionUser => ({
  id: '7f3a8f8e-9a51-4a7e-8a0f-6f7c1c1c2b11',
  name: 'Jānis Bērziņš',
  email: 'janis@lv-interior.example',
  isAdmin: false,
  isOfficeAdmin: false,
  office: { id: 'lv-interior', name: 'Iekšlietu ministrija', nameEn: 'Ministry of the Interior', country: 'Latvia', ministerName: 'R. K.', ministerTitle: 'Minister', color: '#9e3039' },
  language,
});

describe('the interface language of a person', () => {
  it('L8 the choice stored with the account wins over the browser', () => {
    expect(languageOf(person('en'), ['fi-FI'])).toBe('en');
  });

  it('L8 before a choice, and before sign-in, the browser’s preferred languages decide', () => {
    expect(languageOf(person(null), ['de-DE', 'en-GB'])).toBe('en');
    expect(languageOf(null, [])).toBe('en');
  });

  it('L8 a stored language that is no longer offered gives way to the browser’s', () => {
    expect(languageOf(person('xx'), ['en'])).toBe('en');
  });
});
