import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { letterCommentsMessageSchema, type LetterCommentsMessage } from '../api/comments.js';
import { MessageType } from './message-types.js';

/** `letter-comments` (105): `varUint(105) · varString(JSON)`, validated by letterCommentsMessageSchema. */
export function writeLetterCommentsMessage(message: LetterCommentsMessage): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.letterComments);
  encoding.writeVarString(encoder, JSON.stringify(message));
  return encoding.toUint8Array(encoder);
}

/** Reads the body of a `letter-comments` message whose type number has already been read. */
export function readLetterCommentsMessage(decoder: decoding.Decoder): LetterCommentsMessage {
  return letterCommentsMessageSchema.parse(JSON.parse(decoding.readVarString(decoder)));
}
