import { passwordSchema } from '../../shared/api/accounts.js';

export type NewPasswordField = 'password' | 'confirmation';

export type NewPasswordValidation =
  | { ok: true; password: string }
  | { ok: false; errors: Partial<Record<NewPasswordField, string>> };

/** Checks a new password with the server's own rule, and that it was typed the same way twice. */
export function validateNewPassword(input: { password: string; confirmation: string }): NewPasswordValidation {
  const minimum = passwordSchema.minLength ?? 12;
  if (!input.password) return { ok: false, errors: { password: 'Choose a password.' } };
  if (!passwordSchema.safeParse(input.password).success) {
    const errors: Partial<Record<NewPasswordField, string>> = {};
    errors.password =
      input.password.length < minimum
        ? `Use at least ${minimum} characters (this one has ${input.password.length}).`
        : 'This password cannot be used. Choose another one.';
    return { ok: false, errors };
  }
  if (input.confirmation !== input.password) {
    return { ok: false, errors: { confirmation: 'The two passwords are not the same. Type it again.' } };
  }
  return { ok: true, password: input.password };
}
