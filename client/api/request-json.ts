import { t } from '../i18n/translate.js';
import type { z } from 'zod';
import { errorResponseSchema } from '../../shared/api/errors.js';
import { ApiError, ClientErrorCode } from './api-error.js';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON; a FormData (a file upload) is sent as multipart/form-data. */
  body?: unknown;
}

/**
 * Calls the same-origin API and parses the answer with `schema`, so a server that drifts from
 * the shared contract fails here, loudly, instead of deep inside a component.
 * Pass `null` as schema for answers without a body (204).
 */
export async function requestJson<Schema extends z.ZodType>(
  path: string,
  schema: Schema,
  options?: RequestOptions,
): Promise<z.infer<Schema>>;
export async function requestJson(path: string, schema: null, options?: RequestOptions): Promise<void>;
export async function requestJson(
  path: string,
  schema: z.ZodType | null,
  { method = 'GET', body }: RequestOptions = {},
): Promise<unknown> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const isForm = body instanceof FormData;
  // The browser sets a form's Content-Type itself, with the boundary.
  if (method !== 'GET' && !isForm) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: method === 'GET' ? undefined : isForm ? body : JSON.stringify(body ?? {}),
    });
  } catch {
    throw new ApiError(0, ClientErrorCode.network, t('api.couldNotReachTheServer'));
  }

  if (!response.ok) throw await readError(response);
  if (schema === null) return undefined;

  const parsed = schema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) {
    throw new ApiError(
      response.status,
      ClientErrorCode.unexpectedResponse,
      t('api.theServerSentAnAnswer'),
    );
  }
  return parsed.data;
}

/** The server's `{ error: { code, message } }` of a failed response, as an ApiError. */
export async function readError(response: Response): Promise<ApiError> {
  const parsed = errorResponseSchema.safeParse(await response.json().catch(() => undefined));
  if (parsed.success) return new ApiError(response.status, parsed.data.error.code, parsed.data.error.message, parsed.data.error.issue);
  return new ApiError(
    response.status,
    ClientErrorCode.unexpectedResponse,
    t('api.theServerAnsweredWithAn', { status: response.status }),
  );
}
