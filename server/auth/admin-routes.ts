import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import {
  createOfficeRequestSchema,
  createUserRequestSchema,
  setOfficeAdminRequestSchema,
  type Account,
  type AccountListResponse,
  type InvitationLinkResponse,
} from '../../shared/api/accounts.js';
import { ErrorCode } from '../../shared/api/errors.js';
import { uuidSchema } from '../../shared/api/ids.js';
import type { OfficeListResponse } from '../../shared/api/letters.js';
import { type SessionUser, workspacePersonOf } from '../../shared/api/session.js';
import { administersOffice } from '../../shared/domain/permissions.js';
import type { AppEnv } from '../http/app-env.js';
import { AppError } from '../http/app-error.js';
import { readJsonBody } from '../http/read-json-body.js';
import type { Store, UserRecord } from '../store/store.js';
import type { InvitationService } from './invitation-service.js';
import { AuditKind } from '../../shared/api/audit.js';
import { actorOf, auditDraft } from '../audit/audit-draft.js';
import { requireAdmin, requireOfficeAdmin } from './session-middleware.js';

const toAccount = (user: UserRecord): Account => ({
  id: user.id,
  name: user.name,
  email: user.email,
  officeId: user.officeId,
  isAdmin: user.isAdmin,
  isOfficeAdmin: user.isOfficeAdmin,
  isGuest: user.isGuest,
  isActive: user.hasPassword,
});

/** The link the administrator hands over: on this site (PUBLIC_URL, or whatever host they reached it by). */
const invitationUrl = (c: Context<AppEnv>, token: string) => `${c.get('ownOrigin')}/invitations/${token}`;

const administers = (user: SessionUser, officeId: string) => administersOffice(workspacePersonOf(user), officeId);

/**
 * Workspace administration: offices and people. The workspace administrator does everything here;
 * an office administrator sees and adds the people of their own office only (invariant 11).
 */
export function adminRoutes(store: Store, invitations: InvitationService): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.use('*', requireOfficeAdmin);

  routes.get('/offices', async (c) => c.json<OfficeListResponse>({ offices: await store.accounts.listOffices() }));

  routes.post('/offices', requireAdmin, async (c) => {
    const office = await readJsonBody(c, createOfficeRequestSchema);
    if ((await store.accounts.listOffices()).some((existing) => existing.id === office.id)) {
      throw new AppError(409, ErrorCode.conflict, `An office with the id "${office.id}" exists already.`);
    }
    await store.accounts.insertOffices([office], [auditDraft(AuditKind.officeCreated, actorOf(c.get('user')!), null, { officeId: office.id, name: office.name })]);
    return c.json(office, 201);
  });

  routes.get('/users', async (c) => {
    const user = c.get('user')!;
    const users = (await store.accounts.listUsers()).filter((listed) => administers(user, listed.officeId));
    return c.json<AccountListResponse>({ users: users.map(toAccount) });
  });

  routes.post('/users', async (c) => {
    const request = await readJsonBody(c, createUserRequestSchema);
    const actor = c.get('user')!;
    if (!(await store.accounts.listOffices()).some((office) => office.id === request.officeId)) {
      throw new AppError(400, ErrorCode.validationFailed, `officeId: no office "${request.officeId}"`);
    }
    if (!administers(actor, request.officeId) || (request.isAdmin && !actor.isAdmin)) {
      throw new AppError(403, ErrorCode.officeAuthorityRequired, 'Only the workspace administrator or the office’s own administrator can add its people.');
    }
    if (await store.accounts.findAccountByEmail(request.email)) {
      throw new AppError(409, ErrorCode.conflict, `Someone with the e-mail address ${request.email} exists already.`);
    }
    const user = { id: randomUUID(), ...request, passwordHash: null, createdAt: new Date().toISOString() };
    await store.accounts.insertUser(user, [auditDraft(AuditKind.userCreated, actorOf(actor), null, { userId: user.id, email: user.email, officeId: user.officeId, isAdmin: user.isAdmin })]);
    const { token, expiresAt, mailedTo } = await invitations.create(user.id, actor.id);
    return c.json<InvitationLinkResponse>(
      { user: toAccount({ ...user, isOfficeAdmin: false, isGuest: false, hasPassword: false }), invitationUrl: invitationUrl(c, token), expiresAt, mailedTo },
      201,
    );
  });

  routes.post('/users/:userId/invitations', async (c) => {
    const userId = c.req.param('userId');
    const user = uuidSchema.safeParse(userId).success ? await store.accounts.getUser(userId) : null;
    if (!user || !administers(c.get('user')!, user.officeId)) throw AppError.notFound('This user');
    const { token, expiresAt, mailedTo } = await invitations.create(user.id, c.get('user')!.id);
    return c.json<InvitationLinkResponse>({ user: toAccount(user), invitationUrl: invitationUrl(c, token), expiresAt, mailedTo }, 201);
  });

  // Only the workspace administrator appoints an office's administrator, always one of its own people.
  routes.put('/users/:userId/office-admin', requireAdmin, async (c) => {
    const userId = c.req.param('userId');
    const { isOfficeAdmin } = await readJsonBody(c, setOfficeAdminRequestSchema);
    const user = uuidSchema.safeParse(userId).success ? await store.accounts.getUser(userId) : null;
    if (!user) throw AppError.notFound('This user');
    const audit = [auditDraft(AuditKind.officeAdminChanged, actorOf(c.get('user')!), null, { userId, officeId: user.officeId, isOfficeAdmin })];
    if (!(await store.accounts.setOfficeAdmin(userId, isOfficeAdmin, audit))) throw AppError.notFound('This user');
    return c.json<Account>(toAccount({ ...user, isOfficeAdmin }));
  });

  return routes;
}
