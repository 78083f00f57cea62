import type { AuditVerification } from '../../shared/api/audit.js';
import { auditEventHash, auditGenesisHash } from '../../shared/domain/audit-hash.js';
import type { AuditStore } from '../store/store.js';

const pageSize = 1000;

/**
 * Walks the whole audit chain in order and recomputes every hash. The first event whose number
 * does not follow the one before (removed or inserted), whose stored hash does not match its
 * fields (changed), or that does not name the hash before it (reordered, replaced) is named.
 */
export async function verifyAuditChain(audit: AuditStore): Promise<AuditVerification> {
  let expectedSeq = 1;
  let previousHash = auditGenesisHash;
  let checked = 0;
  for (;;) {
    const page = await audit.readChain(expectedSeq - 1, pageSize);
    for (const event of page) {
      const broken = (reason: string): AuditVerification => ({ intact: false, checked, firstBroken: { seq: event.seq, reason } });
      if (event.seq !== expectedSeq) {
        return { intact: false, checked, firstBroken: { seq: expectedSeq, reason: `event ${expectedSeq} is missing` } };
      }
      if (event.previousHash !== previousHash) return broken('it does not name the hash of the event before it');
      if (auditEventHash(event) !== event.hash) return broken('its content does not match its hash: it was changed after it was written');
      previousHash = event.hash;
      expectedSeq += 1;
      checked += 1;
    }
    if (page.length < pageSize) return { intact: true, checked, firstBroken: null };
  }
}
