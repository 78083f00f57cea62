import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/translate.js';
import { validateNewLetter } from './validate-new-letter.js';

const valid = {
  title: '  Joint letter  ',
  subject: 'Migration',
  addressees: 'President of the European Commission\n\n  Commissioner for Home Affairs \n',
  signatoryOfficeIds: ['fi-interior', 'se-government'],
};

describe('validateNewLetter', () => {
  it('trims the title and reads one addressee per non-blank line', () => {
    const result = validateNewLetter(valid);
    expect(result).toEqual({
      ok: true,
      request: {
        title: 'Joint letter',
        subject: 'Migration',
        addressees: ['President of the European Commission', 'Commissioner for Home Affairs'],
        letterDate: null,
        signatoryOfficeIds: ['fi-interior', 'se-government'],
      },
    });
  });

  it('takes a date that exists and refuses one that does not', () => {
    const dated = validateNewLetter({ ...valid, letterDate: '2026-12-24' });
    expect(dated.ok && dated.request.letterDate).toBe('2026-12-24');
    expect(validateNewLetter({ ...valid, letterDate: '2026-02-30' })).toEqual({
      ok: false,
      errors: { letterDate: 'Enter a date that exists, or leave the date empty.' },
    });
  });

  it('asks for a title when it is blank', () => {
    const result = validateNewLetter({ ...valid, title: '   ' });
    expect(result).toEqual({ ok: false, errors: { title: 'Enter a title.' } });
  });

  it('asks for at least one signatory office', () => {
    const result = validateNewLetter({ ...valid, signatoryOfficeIds: [] });
    expect(result).toEqual({ ok: false, errors: { signatoryOfficeIds: 'Choose at least one signatory office.' } });
  });

  it('names the addressee line that is too long', () => {
    const result = validateNewLetter({ ...valid, addressees: `A\n${'x'.repeat(301)}` });
    expect(result).toEqual({
      ok: false,
      errors: { addressees: 'Shorten the addressee (line 2) to 300 characters or fewer.' },
    });
  });

  it('names the field in the chosen language, not in English', async () => {
    await translator.changeLanguage('sv');
    try {
      const result = validateNewLetter({ ...valid, addressees: `A\n${'x'.repeat(301)}` });
      expect(result).toEqual({ ok: false, errors: { addressees: 'Korta mottagaren (rad 2) till 300 tecken eller färre.' } });
    } finally {
      await translator.changeLanguage('en');
    }
  });

  it('refuses control characters in the title', () => {
    const result = validateNewLetter({ ...valid, title: 'a\tb' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.title).toMatch(/control characters/);
  });
});
