import type { AuditEvent } from '../../shared/api/audit.js';
import type { AuditRecord, Store } from '../store/store.js';

/** Stored audit records as the screens show them: with the actor's name. */
export async function describeAuditRecords(store: Store, records: AuditRecord[]): Promise<AuditEvent[]> {
  const users = new Map((await store.accounts.listUsers()).map((user) => [user.id, user]));
  return records.map((record) => ({
    seq: record.seq,
    at: record.at,
    kind: record.kind,
    actor: record.actorUserId
      ? { userId: record.actorUserId, name: users.get(record.actorUserId)?.name ?? 'unknown', officeId: record.actorOfficeId }
      : null,
    letterId: record.letterId,
    detail: parseDetail(record.detail),
    previousHash: record.previousHash,
    hash: record.hash,
  }));
}

function parseDetail(detail: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(detail);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : { value: parsed };
  } catch {
    // A tampered row may not even be JSON any more; show it as it is, the verifier names it.
    return { unreadable: detail };
  }
}

/** The events as rows for a spreadsheet, one each, for the coordinator's records. */
export function auditRows(events: AuditEvent[]): string[][] {
  const header = ['seq', 'at', 'kind', 'actor', 'actor office', 'letter', 'detail', 'previous hash', 'hash'];
  const rows = events.map((event) => [
    String(event.seq),
    event.at,
    event.kind,
    event.actor?.name ?? '',
    event.actor?.officeId ?? '',
    event.letterId ?? '',
    JSON.stringify(event.detail),
    event.previousHash,
    event.hash,
  ]);
  return [header, ...rows];
}
