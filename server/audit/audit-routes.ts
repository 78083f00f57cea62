import { Hono } from 'hono';
import { AuditKind, auditPageLimits, auditQuerySchema, type AuditVerification, type LetterAudit } from '../../shared/api/audit.js';
import { ErrorCode } from '../../shared/api/errors.js';
import { AppError } from '../http/app-error.js';
import { Permission } from '../../shared/domain/permissions.js';
import { requireAdmin } from '../auth/session-middleware.js';
import { letterPermission, type LetterAccess, type LetterEnv } from '../letters/letter-access.js';
import type { Store } from '../store/store.js';
import { actorOf, auditDraft } from './audit-draft.js';
import { auditRows, describeAuditRecords, type NamedParagraph } from './audit-events.js';
import { csvDownload } from '../http/csv-download.js';
import { IncrementalAuditVerifier, verifyAuditChain } from './audit-verifier.js';

/** The coordinator's view and export of a letter's audit trail, and the check of the whole chain. */
export function auditRoutes(
  store: Store,
  access: LetterAccess,
  /** The letter's paragraphs now, to name those events are about; none when absent. */
  readParagraphs: (letterId: string) => Promise<NamedParagraph[]> = async () => [],
): Hono<LetterEnv> {
  const routes = new Hono<LetterEnv>();
  const auditor = letterPermission(access, Permission.readAudit);
  // Every view of a letter's trail shows the chain's state; only what was appended since the last view is read.
  const pageVerifier = new IncrementalAuditVerifier(store.audit);

  // One page, newest first; the cursor is the number of the page's oldest event.
  routes.get('/letters/:letterId/audit', auditor, async (c) => {
    const parsed = auditQuerySchema.safeParse(c.req.query());
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new AppError(400, ErrorCode.validationFailed, `${issue?.path.join('.') || 'query'}: ${issue?.message ?? 'not valid'}`);
    }
    const { before, limit = auditPageLimits.defaultSize, kind, person, office } = parsed.data;
    const letterId = c.get('letterId');
    const rows = await store.audit.pageForLetter(letterId, {
      limit: limit + 1,
      ...(before !== undefined ? { beforeSeq: before } : {}),
      ...(kind !== undefined ? { kind } : {}),
      ...(person !== undefined ? { actorUserId: person } : {}),
      ...(office !== undefined ? { actorOfficeId: office } : {}),
    });
    const records = rows.slice(0, limit);
    const nextCursor = rows.length > limit ? String(records.at(-1)!.seq) : null;
    const paragraphs = records.some((record) => record.detail.includes('"paragraphId"')) ? await readParagraphs(letterId) : [];
    return c.json<LetterAudit>({ events: await describeAuditRecords(store, records, paragraphs), verification: await pageVerifier.verify(), nextCursor });
  });

  routes.get('/letters/:letterId/audit.csv', auditor, async (c) => {
    const letterId = c.get('letterId');
    // Taking a copy of the trail is itself an act the trail records.
    await store.audit.append([auditDraft(AuditKind.auditExported, actorOf(c.get('user')!), letterId, { format: 'csv' })]);
    const events = await describeAuditRecords(store, await store.audit.listForLetter(letterId));
    return csvDownload(c, 'audit-trail.csv', auditRows(events));
  });

  routes.get('/admin/audit/verify', requireAdmin, async (c) => c.json<AuditVerification>(await verifyAuditChain(store.audit)));

  return routes;
}
