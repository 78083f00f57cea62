import { Hono } from 'hono';
import { uuidSchema } from '../../shared/api/ids.js';
import {
  inviteToLetterRequestSchema,
  setMemberRolesRequestSchema,
  type DirectoryResponse,
  type LetterInvitationResponse,
  type MemberListResponse,
} from '../../shared/api/members.js';
import { randomUUID } from 'node:crypto';
import { ErrorCode } from '../../shared/api/errors.js';
import type { InvitationService } from '../auth/invitation-service.js';
import { Permission } from '../../shared/domain/permissions.js';
import { requireUser } from '../auth/session-middleware.js';
import { AppError } from '../http/app-error.js';
import { readJsonBody } from '../http/read-json-body.js';
import type { Store } from '../store/store.js';
import { letterPermission, type LetterAccess, type LetterEnv } from './letter-access.js';
import { AuditKind } from '../../shared/api/audit.js';
import { actorOf, auditDraft } from '../audit/audit-draft.js';
import type { MemberService } from './member-service.js';

export function memberRoutes(members: MemberService, access: LetterAccess, store: Store, invitations: InvitationService): Hono<LetterEnv> {
  const routes = new Hono<LetterEnv>();

  routes.get('/people', requireUser, async (c) => {
    const [users, offices] = await Promise.all([store.accounts.listUsers(), store.accounts.listOffices()]);
    const officeById = new Map(offices.map((office) => [office.id, office]));
    const people = users.flatMap((user) => {
      const office = officeById.get(user.officeId);
      return office ? [{ userId: user.id, name: user.name, office }] : [];
    });
    return c.json<DirectoryResponse>({ people });
  });

  routes.get('/letters/:letterId/members', letterPermission(access, Permission.readLetter), async (c) =>
    c.json<MemberListResponse>({ members: await members.list(c.get('letterId')) }),
  );

  routes.put('/letters/:letterId/members/:userId', letterPermission(access, Permission.manageMembers), async (c) => {
    const userId = c.req.param('userId');
    if (!uuidSchema.safeParse(userId).success) throw AppError.notFound('This person');
    const { roles } = await readJsonBody(c, setMemberRolesRequestSchema);
    await members.setRoles(actorOf(c.get('user')!), c.get('letterId'), userId, roles);
    return c.json<MemberListResponse>({ members: await members.list(c.get('letterId')) });
  });

  routes.delete('/letters/:letterId/members/:userId', letterPermission(access, Permission.manageMembers), async (c) => {
    const userId = c.req.param('userId');
    if (!uuidSchema.safeParse(userId).success) throw AppError.notFound('This member');
    await members.remove(actorOf(c.get('user')!), c.get('letterId'), userId);
    return c.json<MemberListResponse>({ members: await members.list(c.get('letterId')) });
  });

  // Someone new: their account, their membership and a link that works once, handed over by the coordinator.
  routes.post('/letters/:letterId/invitations', letterPermission(access, Permission.manageMembers), async (c) => {
    const request = await readJsonBody(c, inviteToLetterRequestSchema);
    if (!(await store.accounts.listOffices()).some((office) => office.id === request.officeId)) {
      throw new AppError(400, ErrorCode.validationFailed, `officeId: no office "${request.officeId}"`);
    }
    if (await store.accounts.findAccountByEmail(request.email)) {
      throw new AppError(409, ErrorCode.conflict, `${request.email} has an account already: add them from the list of people.`);
    }
    const userId = randomUUID();
    const { name, email, officeId, roles } = request;
    const actor = actorOf(c.get('user')!);
    await store.accounts.insertUser(
      { id: userId, name, email, officeId, isAdmin: false, passwordHash: null, createdAt: new Date().toISOString() },
      [auditDraft(AuditKind.userCreated, actor, c.get('letterId'), { userId, email, officeId, isAdmin: false })],
    );
    await members.setRoles(actor, c.get('letterId'), userId, roles);
    const { token, expiresAt } = await invitations.create(userId, c.get('user')!.id);
    return c.json<LetterInvitationResponse>(
      { invitationUrl: `${new URL(c.req.url).origin}/invitations/${token}`, expiresAt, members: await members.list(c.get('letterId')) },
      201,
    );
  });

  return routes;
}
