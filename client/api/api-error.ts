import { t } from '../i18n/translate.js';
/** Codes the client itself produces, next to the server's stable codes in shared/api/errors.ts. */
export const ClientErrorCode = {
  network: 'network_error',
  unexpectedResponse: 'unexpected_response',
} as const;

/** An expected failure of an API call: the server's `{ error: { code, message } }`, or no answer. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** A person-readable message for any error an API call may throw. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return t('api.somethingWentWrongReloadThe');
}
