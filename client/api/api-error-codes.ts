/** Codes the client itself produces, next to the server's stable codes in shared/api/errors.ts. */
export const ClientErrorCode = {
  network: 'network_error',
  unexpectedResponse: 'unexpected_response',
} as const;
