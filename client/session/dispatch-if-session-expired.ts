import { ErrorCode } from '../../shared/api/errors.js';
import { ApiError } from '../api/api-error.js';
import { SessionExpiredEvent } from './session-expired-event.js';

/** Tells the shell when `error` means the session is gone. Returns whether it did. */
export function dispatchIfSessionExpired(target: EventTarget, error: unknown): boolean {
  if (!(error instanceof ApiError) || error.code !== ErrorCode.unauthenticated) return false;
  target.dispatchEvent(new SessionExpiredEvent());
  return true;
}
