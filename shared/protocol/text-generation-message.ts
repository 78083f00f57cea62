import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { MessageType } from './message-types.js';

/**
 * The query parameter on `/sync/:letterId` in which a client names the generation of the text it
 * holds (`?generation=…`). Without it (a stock client, or a first visit) the connection is admitted.
 */
export const generationParameter = 'generation';

/**
 * The generation of every letter's text until the database is first restored from a backup. A
 * browser copy kept before generations were recorded was made against it, and names it.
 */
export const originalGeneration = 'original';

/**
 * `text-generation` (104): `varUint(104) · varString(generation)`. Sent first on joining, before
 * sync step 1: the generation of the letter's stored text. It changes only when the database is
 * restored from a backup; a client keeps it with its copy of the text and names it when it
 * connects again, so that a copy of another generation is refused (4409) instead of merged.
 */
export function writeTextGenerationMessage(generation: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.textGeneration);
  encoding.writeVarString(encoder, generation);
  return encoding.toUint8Array(encoder);
}

/** Reads the body of a `text-generation` message whose type number has already been read. */
export function readTextGenerationMessage(decoder: decoding.Decoder): string {
  return decoding.readVarString(decoder);
}
