import { Hono } from 'hono';
import { AuditKind, type AuditVerification, type LetterAudit } from '../../shared/api/audit.js';
import { Permission } from '../../shared/domain/permissions.js';
import { requireAdmin } from '../auth/session-middleware.js';
import { letterPermission, type LetterAccess, type LetterEnv } from '../letters/letter-access.js';
import type { Store } from '../store/store.js';
import { actorOf, auditDraft } from './audit-draft.js';
import { auditRows, describeAuditRecords } from './audit-events.js';
import { csvDownload } from '../http/csv-download.js';
import { IncrementalAuditVerifier, verifyAuditChain } from './audit-verifier.js';

/** The coordinator's view and export of a letter's audit trail, and the check of the whole chain. */
export function auditRoutes(store: Store, access: LetterAccess): Hono<LetterEnv> {
  const routes = new Hono<LetterEnv>();
  const auditor = letterPermission(access, Permission.readAudit);
  // Every view of a letter's trail shows the chain's state; only what was appended since the last view is read.
  const pageVerifier = new IncrementalAuditVerifier(store.audit);

  routes.get('/letters/:letterId/audit', auditor, async (c) => {
    const records = await store.audit.listForLetter(c.get('letterId'));
    return c.json<LetterAudit>({ events: await describeAuditRecords(store, records), verification: await pageVerifier.verify() });
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
