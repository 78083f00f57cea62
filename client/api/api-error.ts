import type { ValidationIssue } from '../../shared/api/errors.js';
import { sourceLanguage } from '../../shared/i18n/languages.js';
import { describeValidationIssue } from '../i18n/describe-schema-issue.js';
import { currentLanguage, t } from '../i18n/translate.js';
import { errorText } from './error-texts.js';

export { ClientErrorCode } from './api-error-codes.js';

/** An expected failure of an API call: the server's `{ error: { code, message } }`, or no answer. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** With `validation_failed`: what the server's schema refused, to be said in the person's language. */
    readonly issue?: ValidationIssue,
  ) {
    super(message);
  }
}

/**
 * A person-readable message for any error an API call may throw: the server's own (English)
 * message in English, otherwise what its stable code means in the chosen language.
 */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    const byCode = errorText[error.code];
    if (currentLanguage() === sourceLanguage || !byCode) return error.message;
    return error.issue ? `${byCode()} ${describeValidationIssue(error.issue)}` : byCode();
  }
  return t('api.somethingWentWrongReloadThe');
}
