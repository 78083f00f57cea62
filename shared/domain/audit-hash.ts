import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** The hash the first audit event names as the one before it. */
export const auditGenesisHash = '0'.repeat(64);

/** The fields of an audit event that its hash covers, exactly as stored. */
export interface ChainedAuditFields {
  seq: number;
  at: string;
  kind: string;
  actorUserId: string | null;
  actorOfficeId: string | null;
  letterId: string | null;
  /** The event's details as the JSON text stored, so that a changed byte changes the hash. */
  detail: string;
  previousHash: string;
}

/**
 * The hex SHA-256 of an audit event: every stored field in a fixed order, including the hash of
 * the event before, so that changing, removing or reordering any stored event breaks the chain.
 */
export function auditEventHash(event: ChainedAuditFields): string {
  const fields = [event.seq, event.at, event.kind, event.actorUserId, event.actorOfficeId, event.letterId, event.detail, event.previousHash];
  return bytesToHex(sha256(utf8ToBytes(JSON.stringify(fields))));
}
