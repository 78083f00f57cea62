import type { Context, MiddlewareHandler } from 'hono';
import { AuditKind } from '../../shared/api/audit.js';
import type { SessionUser } from '../../shared/api/session.js';
import type { CloseCode } from '../../shared/protocol/close-codes.js';
import { isWellFormedParagraphId } from '../../shared/domain/paragraph-id.js';
import type { AppEnv } from '../http/app-env.js';
import { AppError } from '../http/app-error.js';
import type { LetterEnv } from '../letters/letter-access.js';
import { actorOf } from './audit-draft.js';
import type { RefusalAudit } from './refusal-audit.js';

/** The sign-off acts whose refusal is audited: approvals and requests for changes, final signatures, status moves. */
export const refusableSignoffRoutes = [
  '/api/letters/:letterId/signoffs',
  '/api/letters/:letterId/paragraphs/:paragraphId/signoffs',
  '/api/letters/:letterId/final-signatures',
  '/api/letters/:letterId/status',
] as const;

/**
 * Records an act that a signed-in person was refused (403, 409, 422...) after the route answered.
 * Without a session (401) there is nobody to record; the throttle keeps a flood to one event a window.
 * A refusal on a letter the person cannot see is recorded without a letter (once a window per person).
 */
export function auditRefusedActs(refusals: RefusalAudit, kind: AuditKind): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const user = c.get('user');
    const status = c.res.status;
    if (!user || status < 400 || status >= 500 || status === 401) return;
    const code = c.error instanceof AppError ? c.error.code : String(status);
    // Only what the server established goes into the trail: the letter once its access check found
    // it (so made-up letter ids neither reach the chain nor open a window each), a paragraph id only
    // when it has the form of one.
    const letterId = (c as unknown as Context<LetterEnv>).get('letterId') ?? null;
    const given = c.req.param('paragraphId');
    const paragraphId = isWellFormedParagraphId(given) ? given : null;
    await refusals.record(kind, actorOf(user), letterId, {
      act: c.req.routePath,
      status,
      code,
      ...(paragraphId ? { paragraphId } : {}),
    });
  };
}

/** The sync route's hook: a refused websocket frame (its connection is closed, so once per connection). */
export function auditRefusedFrame(refusals: RefusalAudit) {
  return ({ letterId, user, code, reason }: { letterId: string; user: SessionUser; code: CloseCode; reason: string }): void => {
    void refusals.record(AuditKind.syncRefused, actorOf(user), letterId, { closeCode: code, reason });
  };
}
