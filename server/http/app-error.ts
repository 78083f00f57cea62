import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ErrorCode, type ValidationIssue } from '../../shared/api/errors.js';

/** The one error type for expected failures: an HTTP status, a stable code and a message for people. */
export class AppError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    /** With `validation_failed`: the problem in words a client can translate. */
    readonly issue?: ValidationIssue,
  ) {
    super(message);
    this.name = 'AppError';
  }

  static notFound(what = 'This resource'): AppError {
    return new AppError(404, ErrorCode.notFound, `${what} does not exist or you cannot see it.`);
  }

  static unauthenticated(): AppError {
    return new AppError(401, ErrorCode.unauthenticated, 'Sign in first.');
  }

  /** The store cannot take or confirm a write just now; the request may be repeated. */
  static storeUnavailable(message: string): AppError {
    return new AppError(503, ErrorCode.storeUnavailable, message);
  }

  static forbidden(message = 'You are not allowed to do this.'): AppError {
    return new AppError(403, ErrorCode.forbidden, message);
  }
}
