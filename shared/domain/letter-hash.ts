import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

export interface SignatoryLine {
  officeId: string;
  signerName: string;
  capacity: string;
}

/**
 * The hash a final signature binds to: the paragraphs' hashes in reading order plus the
 * signatories in signing order. Any change to the text or to who signs gives another hash.
 */
export function letterHash(paragraphHashes: readonly string[], signatories: readonly SignatoryLine[]): string {
  const canonical = JSON.stringify([
    paragraphHashes,
    signatories.map((s) => [s.officeId, s.signerName.normalize('NFC'), s.capacity.normalize('NFC')]),
  ]);
  return bytesToHex(sha256(utf8ToBytes(canonical)));
}
