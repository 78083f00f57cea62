import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { MessageType } from './message-types.js';

/**
 * `saved` (100): `varUint(100) · varUint(frame)`. The client's update frames on one connection are
 * numbered 1, 2, 3… in the order it sent them (see `numberedFrameKind`); `frame` is the highest
 * number whose frame, and every frame before it, is committed to the store. Numbering starts
 * afresh on every connection, so a confirmation never speaks for another connection.
 */
export function writeSavedMessage(frame: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.saved);
  encoding.writeVarUint(encoder, frame);
  return encoding.toUint8Array(encoder);
}

/** Reads the body of a `saved` message whose type number has already been read. */
export function readSavedMessage(decoder: decoding.Decoder): number {
  return decoding.readVarUint(decoder);
}

/** What a numbered frame carries: the client's sync answer (sync step 2) or a single update. */
export type NumberedFrameKind = 'sync-answer' | 'update';

/**
 * Whether a client → server frame is one that `saved` counts, and which kind: a sync message (0)
 * of step 1 (sync step 2) or 2 (update). Whatever it holds, even nothing new, it gets a number, so
 * both sides count alike without decoding the update.
 */
export function numberedFrameKind(frame: Uint8Array): NumberedFrameKind | null {
  if (frame.length < 2) return null;
  const decoder = decoding.createDecoder(frame);
  if (decoding.readVarUint(decoder) !== MessageType.sync) return null;
  const step = decoding.readVarUint(decoder);
  if (step === 1) return 'sync-answer';
  if (step === 2) return 'update';
  return null;
}
