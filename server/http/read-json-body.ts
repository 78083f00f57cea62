import type { Context } from 'hono';
import type { z } from 'zod';
import { ErrorCode } from '../../shared/api/errors.js';
import { validationIssueOf } from '../../shared/api/validation-issue.js';
import { AppError } from './app-error.js';

/**
 * Reads a JSON body and validates it against a shared schema. Only `application/json` is
 * accepted: a form or text/plain body (what a cross-site form can send) is refused outright.
 */
export async function readJsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const contentType = c.req.header('content-type') ?? '';
  if (!/^application\/json(\s*;|$)/i.test(contentType)) {
    throw new AppError(415, ErrorCode.unsupportedMediaType, 'Send the request body as application/json.');
  }
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new AppError(400, ErrorCode.badRequest, 'The request body is not valid JSON.');
  }
  return parseWithSchema(schema, body);
}

/** Validates a request value against a shared schema; the first problem becomes a 400 naming its field. */
export function parseWithSchema<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first && first.path.length > 0 ? `${first.path.join('.')}: ` : '';
    throw new AppError(400, ErrorCode.validationFailed, `${where}${first?.message ?? 'invalid body'}`, first && validationIssueOf(first));
  }
  return parsed.data;
}
