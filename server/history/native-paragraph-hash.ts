import { createHash } from 'node:crypto';
import { paragraphHash, type Sha256Hex, type TextBlockJson } from '../../shared/domain/paragraph-hash.js';

/** Node's native SHA-256: the same digest as the shared one, for a fraction of the time. */
export const nativeSha256Hex: Sha256Hex = (text) => createHash('sha256').update(text, 'utf8').digest('hex');

/** A paragraph's hash as the shared code defines it (canonical form and all), hashed natively. */
export function nativeParagraphHash(block: TextBlockJson): string {
  return paragraphHash(block, nativeSha256Hex);
}
