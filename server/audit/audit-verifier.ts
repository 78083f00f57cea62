import type { AuditVerification } from '../../shared/api/audit.js';
import { auditEventHash, auditGenesisHash } from '../../shared/domain/audit-hash.js';
import type { AuditStore } from '../store/store.js';

const pageSize = 1000;

/** A prefix of the chain found intact: its last event's number and hash, and how many events it holds. */
interface VerifiedPrefix {
  seq: number;
  hash: string;
  checked: number;
}

const emptyPrefix: VerifiedPrefix = { seq: 0, hash: auditGenesisHash, checked: 0 };

/**
 * Walks the audit chain in order from `from` and recomputes every hash. The first event whose
 * number does not follow the one before (removed or inserted), whose stored hash does not match
 * its fields (changed), or that does not name the hash before it (reordered, replaced) is named.
 */
async function walkChain(audit: AuditStore, from: VerifiedPrefix): Promise<{ verification: AuditVerification; intact: VerifiedPrefix }> {
  let expectedSeq = from.seq + 1;
  let previousHash = from.hash;
  let checked = from.checked;
  const intact = (): VerifiedPrefix => ({ seq: expectedSeq - 1, hash: previousHash, checked });
  for (;;) {
    const page = await audit.readChain(expectedSeq - 1, pageSize);
    for (const event of page) {
      const broken = (reason: string) => ({ verification: { intact: false, checked, firstBroken: { seq: event.seq, reason } }, intact: intact() });
      if (event.seq !== expectedSeq) {
        return { verification: { intact: false, checked, firstBroken: { seq: expectedSeq, reason: `event ${expectedSeq} is missing` } }, intact: intact() };
      }
      if (event.previousHash !== previousHash) return broken('it does not name the hash of the event before it');
      if (auditEventHash(event) !== event.hash) return broken('its content does not match its hash: it was changed after it was written');
      previousHash = event.hash;
      expectedSeq += 1;
      checked += 1;
    }
    if (page.length < pageSize) return { verification: { intact: true, checked, firstBroken: null }, intact: intact() };
  }
}

/** Checks the whole chain, from the first event: for the command line and the administrator's check. */
export async function verifyAuditChain(audit: AuditStore): Promise<AuditVerification> {
  return (await walkChain(audit, emptyPrefix)).verification;
}

/**
 * Checks the chain for every view of an audit page without reading it all each time: it remembers
 * the prefix it found intact and reads on from there. The last event of that prefix is read again
 * each time, so that a change to it is still seen; the full check is `verifyAuditChain`.
 */
export class IncrementalAuditVerifier {
  private verified: VerifiedPrefix = emptyPrefix;

  constructor(private readonly audit: AuditStore) {}

  async verify(): Promise<AuditVerification> {
    let from = this.verified;
    if (from.seq > 0) {
      const [last] = await this.audit.readChain(from.seq - 1, 1);
      if (last?.seq !== from.seq || last.hash !== from.hash || auditEventHash(last) !== last.hash) from = emptyPrefix;
    }
    const { verification, intact } = await walkChain(this.audit, from);
    this.verified = intact;
    return verification;
  }
}
