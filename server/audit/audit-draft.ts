import type { AuditKind } from '../../shared/api/audit.js';
import type { SessionUser } from '../../shared/api/session.js';
import type { AuditDraft } from '../store/store.js';

/** Who did something, as the audit trail records it: the authenticated user and their office. */
export interface Actor {
  id: string;
  officeId: string | null;
}

export const actorOf = (user: Pick<SessionUser, 'id' | 'office'>): Actor => ({ id: user.id, officeId: user.office.id });

/** One audit event, to be stored with the act it records (see AuditStore). */
export function auditDraft(kind: AuditKind, actor: Actor | null, letterId: string | null, detail: Record<string, unknown> = {}): AuditDraft {
  return { at: new Date().toISOString(), kind, actorUserId: actor?.id ?? null, actorOfficeId: actor?.officeId ?? null, letterId, detail };
}
