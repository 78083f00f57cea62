import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { letterStateMessageSchema, type LetterStateMessage } from '../api/signoffs.js';
import { MessageType } from './message-types.js';

/** `letter-state` (102): `varUint(102) · varString(JSON)`, validated by letterStateMessageSchema. */
export function writeLetterStateMessage(state: LetterStateMessage): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.letterState);
  encoding.writeVarString(encoder, JSON.stringify(state));
  return encoding.toUint8Array(encoder);
}

/** Reads the body of a `letter-state` message whose type number has already been read. */
export function readLetterStateMessage(decoder: decoding.Decoder): LetterStateMessage {
  return letterStateMessageSchema.parse(JSON.parse(decoding.readVarString(decoder)));
}
