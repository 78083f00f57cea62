import { Hono, type Context } from 'hono';
import { uuidSchema } from '../../shared/api/ids.js';
import {
  inviteToLetterRequestSchema,
  setMemberRolesRequestSchema,
  type DirectoryResponse,
  type LetterInvitationResponse,
  type MemberListResponse,
} from '../../shared/api/members.js';
import type { InvitationService } from '../auth/invitation-service.js';
import { Permission } from '../../shared/domain/permissions.js';
import { requireUser } from '../auth/session-middleware.js';
import { AppError } from '../http/app-error.js';
import { readJsonBody } from '../http/read-json-body.js';
import type { Store } from '../store/store.js';
import { letterPermission, type LetterAccess, type LetterEnv } from './letter-access.js';
import type { MemberChanger, MemberService } from './member-service.js';

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

  // Who may give which role is decided per change by the member service (invariant 11), not by the route.
  const changer = (c: Context<LetterEnv>): MemberChanger => ({ user: c.get('user')!, letterRoles: c.get('letterRoles') });

  routes.put('/letters/:letterId/members/:userId', letterPermission(access, Permission.readLetter), async (c) => {
    const userId = c.req.param('userId');
    if (!uuidSchema.safeParse(userId).success) throw AppError.notFound('This person');
    const { roles } = await readJsonBody(c, setMemberRolesRequestSchema);
    await members.setRoles(changer(c), c.get('letterId'), userId, roles);
    return c.json<MemberListResponse>({ members: await members.list(c.get('letterId')) });
  });

  routes.delete('/letters/:letterId/members/:userId', letterPermission(access, Permission.readLetter), async (c) => {
    const userId = c.req.param('userId');
    if (!uuidSchema.safeParse(userId).success) throw AppError.notFound('This member');
    await members.remove(changer(c), c.get('letterId'), userId);
    return c.json<MemberListResponse>({ members: await members.list(c.get('letterId')) });
  });

  // Someone new: their account in an existing office, their membership and a link that works once.
  routes.post('/letters/:letterId/invitations', letterPermission(access, Permission.readLetter), async (c) => {
    const { name, email, officeId, roles } = await readJsonBody(c, inviteToLetterRequestSchema);
    const userId = await members.invite(changer(c), c.get('letterId'), { name, email, officeId, roles });
    const { token, expiresAt, mailedTo } = await invitations.create(userId, c.get('user')!.id);
    const office = (await store.accounts.listOffices()).find((candidate) => candidate.id === officeId)!;
    return c.json<LetterInvitationResponse>(
      { invitationUrl: `${c.get('ownOrigin')}/invitations/${token}`, expiresAt, mailedTo, office, members: await members.list(c.get('letterId')) },
      201,
    );
  });

  return routes;
}
