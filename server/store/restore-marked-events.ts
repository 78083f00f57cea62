import { AuditKind } from '../../shared/api/audit.js';
import type { AuditDraft } from './store.js';

/**
 * The audit events of marking a restore: one per letter, by no person (an operator ran the
 * command on the server), naming the letter's new text generation.
 */
export function restoreMarkedEvents(marked: readonly { letterId: string; generation: string }[]): AuditDraft[] {
  const at = new Date().toISOString();
  return marked.map(({ letterId, generation }) => ({
    at,
    kind: AuditKind.restoreMarked,
    actorUserId: null,
    actorOfficeId: null,
    letterId,
    detail: { generation },
  }));
}
