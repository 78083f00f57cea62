import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import {
  createOfficeRequestSchema,
  createUserRequestSchema,
  type Account,
  type AccountListResponse,
  type InvitationLinkResponse,
} from '../../shared/api/accounts.js';
import { ErrorCode } from '../../shared/api/errors.js';
import { uuidSchema } from '../../shared/api/ids.js';
import type { OfficeListResponse } from '../../shared/api/letters.js';
import type { AppEnv } from '../http/app-env.js';
import { AppError } from '../http/app-error.js';
import { readJsonBody } from '../http/read-json-body.js';
import type { Store, UserRecord } from '../store/store.js';
import type { InvitationService } from './invitation-service.js';
import { AuditKind } from '../../shared/api/audit.js';
import { actorOf, auditDraft } from '../audit/audit-draft.js';
import { requireAdmin } from './session-middleware.js';

const toAccount = (user: UserRecord): Account => ({
  id: user.id,
  name: user.name,
  email: user.email,
  officeId: user.officeId,
  isAdmin: user.isAdmin,
  isActive: user.hasPassword,
});

/** The link the administrator hands over: on this server, whatever host they reached it by. */
const invitationUrl = (c: Context, token: string) => `${new URL(c.req.url).origin}/invitations/${token}`;

/** Workspace administration: offices and people. Every route needs an administrator. */
export function adminRoutes(store: Store, invitations: InvitationService): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.use('*', requireAdmin);

  routes.get('/offices', async (c) => c.json<OfficeListResponse>({ offices: await store.accounts.listOffices() }));

  routes.post('/offices', async (c) => {
    const office = await readJsonBody(c, createOfficeRequestSchema);
    if ((await store.accounts.listOffices()).some((existing) => existing.id === office.id)) {
      throw new AppError(409, ErrorCode.conflict, `An office with the id "${office.id}" exists already.`);
    }
    await store.accounts.insertOffices([office], [auditDraft(AuditKind.officeCreated, actorOf(c.get('user')!), null, { officeId: office.id, name: office.name })]);
    return c.json(office, 201);
  });

  routes.get('/users', async (c) =>
    c.json<AccountListResponse>({ users: (await store.accounts.listUsers()).map(toAccount) }),
  );

  routes.post('/users', async (c) => {
    const request = await readJsonBody(c, createUserRequestSchema);
    if (!(await store.accounts.listOffices()).some((office) => office.id === request.officeId)) {
      throw new AppError(400, ErrorCode.validationFailed, `officeId: no office "${request.officeId}"`);
    }
    if (await store.accounts.findAccountByEmail(request.email)) {
      throw new AppError(409, ErrorCode.conflict, `Someone with the e-mail address ${request.email} exists already.`);
    }
    const user = { id: randomUUID(), ...request, passwordHash: null, createdAt: new Date().toISOString() };
    await store.accounts.insertUser(user, [auditDraft(AuditKind.userCreated, actorOf(c.get('user')!), null, { userId: user.id, email: user.email, officeId: user.officeId, isAdmin: user.isAdmin })]);
    const { token, expiresAt } = await invitations.create(user.id, c.get('user')!.id);
    return c.json<InvitationLinkResponse>(
      { user: toAccount({ ...user, hasPassword: false }), invitationUrl: invitationUrl(c, token), expiresAt },
      201,
    );
  });

  routes.post('/users/:userId/invitations', async (c) => {
    const userId = c.req.param('userId');
    const user = uuidSchema.safeParse(userId).success ? await store.accounts.getUser(userId) : null;
    if (!user) throw AppError.notFound('This user');
    const { token, expiresAt } = await invitations.create(user.id, c.get('user')!.id);
    return c.json<InvitationLinkResponse>({ user: toAccount(user), invitationUrl: invitationUrl(c, token), expiresAt }, 201);
  });

  return routes;
}
