import { type LetterAudit, letterAuditSchema } from '../../shared/api/audit.js';
import { requestJson } from './request-json.js';

const auditBase = (letterId: string) => `/api/letters/${encodeURIComponent(letterId)}/audit`;

/** The letter's audit events, oldest first, and whether their chain is intact. */
export async function loadAudit(letterId: string): Promise<LetterAudit> {
  return requestJson(auditBase(letterId), letterAuditSchema);
}

/** Downloading it is itself recorded in the audit trail. */
export function auditCsvPath(letterId: string): string {
  return `${auditBase(letterId)}.csv`;
}
