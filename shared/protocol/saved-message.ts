import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { MessageType } from './message-types.js';

/**
 * `saved` (100): `varUint(100) · varUint8Array(stateVector)`. The state vector (Yjs' own encoding)
 * covers everything the store has committed for this letter at the time it is sent.
 */
export function writeSavedMessage(stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.saved);
  encoding.writeVarUint8Array(encoder, stateVector);
  return encoding.toUint8Array(encoder);
}

/** Reads the body of a `saved` message whose type number has already been read. */
export function readSavedMessage(decoder: decoding.Decoder): Uint8Array {
  return decoding.readVarUint8Array(decoder);
}
