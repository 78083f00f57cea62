/**
 * A fault of the server's own while it handled a frame (not the frame's): the route closes the
 * connection with 4500 and logs it as an error, so the client reconnects and resends.
 */
export class ServerFault extends Error {
  constructor(readonly fault: unknown) {
    super('the server failed to handle the message', { cause: fault });
    this.name = 'ServerFault';
  }
}

/** Errors that reading a malformed frame raises (lib0's decoders, JSON): the sender's fault, not the server's. */
export function isDecodingError(error: unknown): boolean {
  if (error instanceof SyntaxError || error instanceof RangeError) return true;
  return error instanceof Error && (error.message === 'Unexpected end of array' || error.message === 'Integer out of Range');
}
