import { t } from '../i18n/translate.js';
import { passwordSchema } from '../../shared/api/accounts.js';

export type NewPasswordField = 'password' | 'confirmation';

export type NewPasswordValidation =
  | { ok: true; password: string }
  | { ok: false; errors: Partial<Record<NewPasswordField, string>> };

/** Checks a new password with the server's own rule, and that it was typed the same way twice. */
export function validateNewPassword(input: { password: string; confirmation: string }): NewPasswordValidation {
  const minimum = passwordSchema.minLength ?? 12;
  if (!input.password) return { ok: false, errors: { password: t('invitations.chooseAPassword') } };
  if (!passwordSchema.safeParse(input.password).success) {
    const errors: Partial<Record<NewPasswordField, string>> = {};
    errors.password =
      input.password.length < minimum
        ? t('invitations.useAtLeastCharactersThis', { minimum: minimum, count: input.password.length })
        : t('invitations.thisPasswordCannotBeUsed');
    return { ok: false, errors };
  }
  if (input.confirmation !== input.password) {
    return { ok: false, errors: { confirmation: t('invitations.theTwoPasswordsAreNot') } };
  }
  return { ok: true, password: input.password };
}
