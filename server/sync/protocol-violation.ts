import type { CloseCode } from '../../shared/protocol/close-codes.js';

/** A message that costs its sender the connection: the route closes with `code`. */
export class ProtocolViolation extends Error {
  constructor(
    readonly code: CloseCode,
    message: string,
  ) {
    super(message);
    this.name = 'ProtocolViolation';
  }
}
