import { type AuditQuery, type LetterAudit, letterAuditSchema } from '../../shared/api/audit.js';
import { requestJson } from './request-json.js';

const auditBase = (letterId: string) => `/api/letters/${encodeURIComponent(letterId)}/audit`;

/** One page of the letter's audit events, newest first, and whether their chain is intact. */
export async function loadAudit(letterId: string, query: AuditQuery = {}): Promise<LetterAudit> {
  const search = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== ''));
  const suffix = search.size > 0 ? `?${search.toString()}` : '';
  return requestJson(`${auditBase(letterId)}${suffix}`, letterAuditSchema);
}

/** Downloading it is itself recorded in the audit trail. */
export function auditCsvPath(letterId: string): string {
  return `${auditBase(letterId)}.csv`;
}
