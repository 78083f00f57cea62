import type { MiddlewareHandler } from 'hono';
import { uuidSchema } from '../../shared/api/ids.js';
import type { SessionUser } from '../../shared/api/session.js';
import { hasPermission, type Permission } from '../../shared/domain/permissions.js';
import { Role } from '../../shared/domain/roles.js';
import type { AppEnv } from '../http/app-env.js';
import { AppError } from '../http/app-error.js';
import type { Store } from '../store/store.js';

export type LetterEnv = AppEnv & { Variables: { letterId: string; letterRoles: Role[] } };

/** Who may do what on a letter: decided here and nowhere else, for REST and websocket alike. */
export class LetterAccess {
  constructor(private readonly store: Store) {}

  /**
   * The roles a person acts with on a letter: their membership, or reading for an administrator
   * who is not a member. Empty means the letter does not exist for them.
   */
  async rolesOf(user: SessionUser, letterId: string): Promise<Role[]> {
    if (!uuidSchema.safeParse(letterId).success) return [];
    const roles = await this.store.letters.getRoles(letterId, user.id);
    if (roles.length > 0 || !user.isAdmin) return roles;
    return (await this.store.letters.getLetter(letterId)) ? [Role.observer] : [];
  }

  /**
   * The roles, if they grant `permission`. A letter you cannot see answers exactly like one that
   * does not exist; one you can see but not change answers 403.
   */
  async require(user: SessionUser, letterId: string, permission: Permission): Promise<Role[]> {
    const roles = await this.rolesOf(user, letterId);
    if (roles.length === 0) throw AppError.notFound('This letter');
    if (!hasPermission(roles, permission)) throw AppError.forbidden('Your role on this letter does not allow this.');
    return roles;
  }
}

/** Declares the permission a route under `/letters/:letterId` needs. */
export function letterPermission(access: LetterAccess, permission: Permission): MiddlewareHandler<LetterEnv> {
  return async (c, next) => {
    const user = c.get('user');
    if (!user) throw AppError.unauthenticated();
    const letterId = c.req.param('letterId') ?? '';
    const roles = await access.rolesOf(user, letterId);
    if (roles.length === 0) throw AppError.notFound('This letter');
    // Set as soon as the letter is known to exist for this person: a refusal after it is recorded against it.
    c.set('letterId', letterId);
    if (!hasPermission(roles, permission)) throw AppError.forbidden('Your role on this letter does not allow this.');
    c.set('letterRoles', roles);
    await next();
  };
}
