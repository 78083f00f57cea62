import { describe, expect, it } from 'vitest';
import { validateNewPassword } from './validate-new-password.js';

describe('validateNewPassword', () => {
  it('asks for a password when there is none', () => {
    expect(validateNewPassword({ password: '', confirmation: '' })).toEqual({ ok: false, errors: { password: 'Choose a password.' } });
  });

  it('asks for 12 characters or more, and says how many there are', () => {
    expect(validateNewPassword({ password: 'short one', confirmation: 'short one' })).toEqual({
      ok: false,
      errors: { password: 'Use at least 12 characters (this one has 9).' },
    });
  });

  it('asks to type it again when the confirmation differs', () => {
    expect(validateNewPassword({ password: 'correct horse battery', confirmation: 'correct horse batery' })).toEqual({
      ok: false,
      errors: { confirmation: 'The two passwords are not the same. Type it again.' },
    });
  });

  it('accepts a long enough password typed twice', () => {
    expect(validateNewPassword({ password: 'correct horse battery', confirmation: 'correct horse battery' })).toEqual({
      ok: true,
      password: 'correct horse battery',
    });
  });
});
