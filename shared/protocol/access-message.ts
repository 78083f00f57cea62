import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { MessageType } from './message-types.js';

/** What a connection may now do, and why it changed (for the person to read). */
export interface AccessChange {
  canEdit: boolean;
  reason: string;
}

/** `access` (101): `varUint(101) · varUint(canEdit ? 1 : 0) · varString(reason)`. */
export function writeAccessMessage(change: AccessChange): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.access);
  encoding.writeVarUint(encoder, change.canEdit ? 1 : 0);
  encoding.writeVarString(encoder, change.reason);
  return encoding.toUint8Array(encoder);
}

/** Reads the body of an `access` message whose type number has already been read. */
export function readAccessMessage(decoder: decoding.Decoder): AccessChange {
  const canEdit = decoding.readVarUint(decoder) === 1;
  return { canEdit, reason: decoding.readVarString(decoder) };
}
