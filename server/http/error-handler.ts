import { randomUUID } from 'node:crypto';
import type { ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ErrorCode, type ErrorResponse } from '../../shared/api/errors.js';
import type { Logger } from '../logger.js';
import { isStoreBusy } from '../store/store-busy.js';
import { AppError } from './app-error.js';

/** What a 503 tells the client to wait before asking again. */
const retryAfterSeconds = 5;

/** Turns every failure into `{ error: { code, message } }`; unexpected ones are logged with a request id. */
export function createErrorHandler(logger: Logger): ErrorHandler {
  return (error, c) => {
    if (error instanceof AppError) {
      // A store that is briefly unavailable: say when to ask again rather than leave clients guessing.
      if (error.status === 503) c.header('Retry-After', String(retryAfterSeconds));
      return c.json<ErrorResponse>({ error: { code: error.code, message: error.message, ...(error.issue ? { issue: error.issue } : {}) } }, error.status);
    }
    if (isStoreBusy(error)) {
      // Another program holds the database's write lock: nothing was written, the request may be repeated.
      c.header('Retry-After', String(retryAfterSeconds));
      return c.json<ErrorResponse>(
        { error: { code: ErrorCode.storeUnavailable, message: 'The database is busy just now; nothing was changed. Try again in a few seconds.' } },
        503,
      );
    }
    if (error instanceof HTTPException && error.status < 500) {
      const code = error.status === 413 ? ErrorCode.payloadTooLarge : ErrorCode.badRequest;
      return c.json<ErrorResponse>({ error: { code, message: error.message || 'Bad request.' } }, error.status);
    }
    const requestId = randomUUID();
    logger.error({ err: error, requestId, path: c.req.path }, 'request failed');
    return c.json<ErrorResponse>(
      { error: { code: ErrorCode.internal, message: 'Something went wrong on the server.', requestId } },
      500,
    );
  };
}

export const notFoundHandler: NotFoundHandler = (c) =>
  c.json<ErrorResponse>({ error: { code: ErrorCode.notFound, message: 'No such endpoint.' } }, 404);
