import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { AccessReason } from './access-reasons.js';
import { MessageType } from './message-types.js';

/**
 * What a connection may now do, and why it changed. The server sends one of the `AccessReason`
 * codes; a reader keeps whatever string came (a newer server may know more reasons).
 */
export interface AccessChange {
  canEdit: boolean;
  reason: AccessReason | (string & {});
}

/** `access` (101): `varUint(101) · varUint(canEdit ? 1 : 0) · varString(reason code)`. */
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
