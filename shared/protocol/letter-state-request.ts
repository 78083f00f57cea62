import * as encoding from 'lib0/encoding';
import { MessageType } from './message-types.js';

/**
 * `letter-state-request` (103): `varUint(103)`, no body. The client asks for the full letter
 * state when the numbers of message 102 show it missed a change (see letter-state-sequence.ts);
 * the server answers with a 102 `full`. There is nothing to read on the server but the type.
 */
export function writeLetterStateRequest(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.letterStateRequest);
  return encoding.toUint8Array(encoder);
}
