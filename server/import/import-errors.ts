import { ErrorCode } from '../../shared/api/errors.js';
import { AppError } from '../http/app-error.js';

/** The answers an import gives for a file it cannot take; each says what to do instead. */
export const ImportError = {
  unsupported: (message: string) => new AppError(415, ErrorCode.unsupportedFile, message),
  broken: (message: string) => new AppError(422, ErrorCode.brokenFile, message),
  tooLarge: (message: string) => new AppError(413, ErrorCode.payloadTooLarge, message),
} as const;
