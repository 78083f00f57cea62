import { Hono } from 'hono';
import { uuidSchema } from '../../shared/api/ids.js';
import { setMemberRolesRequestSchema, type DirectoryResponse, type MemberListResponse } from '../../shared/api/members.js';
import { Permission } from '../../shared/domain/permissions.js';
import { requireUser } from '../auth/session-middleware.js';
import { AppError } from '../http/app-error.js';
import { readJsonBody } from '../http/read-json-body.js';
import type { Store } from '../store/store.js';
import { letterPermission, type LetterAccess, type LetterEnv } from './letter-access.js';
import type { MemberService } from './member-service.js';

export function memberRoutes(members: MemberService, access: LetterAccess, store: Store): Hono<LetterEnv> {
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
    await members.setRoles(c.get('letterId'), userId, roles);
    return c.json<MemberListResponse>({ members: await members.list(c.get('letterId')) });
  });

  routes.delete('/letters/:letterId/members/:userId', letterPermission(access, Permission.manageMembers), async (c) => {
    const userId = c.req.param('userId');
    if (!uuidSchema.safeParse(userId).success) throw AppError.notFound('This member');
    await members.remove(c.get('letterId'), userId);
    return c.json<MemberListResponse>({ members: await members.list(c.get('letterId')) });
  });

  return routes;
}
