import type { Context } from 'hono';
import type { z } from 'zod';
import { ErrorCode } from '../../shared/api/errors.js';
import { AppError } from '../http/app-error.js';
import { parseWithSchema } from '../http/read-json-body.js';
import type { UploadedFile } from './identify-import-file.js';

export interface Upload {
  file: UploadedFile;
  /** The other form fields, as sent. */
  fields: Record<string, string>;
}

/** Reads a `multipart/form-data` request with one file in the field `file`. */
export async function readUpload(c: Context): Promise<Upload> {
  if (!/^multipart\/form-data\s*;/i.test(c.req.header('content-type') ?? '')) {
    throw new AppError(415, ErrorCode.unsupportedMediaType, 'Send the file as multipart/form-data in the field "file".');
  }
  let form: Record<string, string | File | (string | File)[]>;
  try {
    form = await c.req.parseBody();
  } catch {
    throw new AppError(400, ErrorCode.badRequest, 'The upload could not be read. Try again.');
  }
  const file = form['file'];
  if (!(file instanceof File)) throw new AppError(400, ErrorCode.validationFailed, 'file: choose a file to import');
  const fields = Object.fromEntries(Object.entries(form).flatMap(([name, value]) => (typeof value === 'string' ? [[name, value]] : [])));
  return { file: { name: file.name, type: file.type, bytes: new Uint8Array(await file.arrayBuffer()) }, fields };
}

/** A form field holding JSON, validated against a shared schema; absent means `{}`. */
export function readJsonField<S extends z.ZodType>(fields: Record<string, string>, name: string, schema: S): z.output<S> {
  let value: unknown = {};
  try {
    if (fields[name] !== undefined) value = JSON.parse(fields[name]);
  } catch {
    throw new AppError(400, ErrorCode.badRequest, `${name}: not valid JSON`);
  }
  return parseWithSchema(schema, value);
}
