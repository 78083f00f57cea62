import type { Member } from '../../shared/api/members.js';
import { ErrorCode } from '../../shared/api/errors.js';
import { Role } from '../../shared/domain/roles.js';
import { AppError } from '../http/app-error.js';
import { AuditKind } from '../../shared/api/audit.js';
import { type Actor, auditDraft } from '../audit/audit-draft.js';
import type { Store } from '../store/store.js';

export type AccessChangeListener = (letterId: string, userId: string, roles: Role[]) => void;

/** Membership of letters. Open connections hear of every change at once through the listeners. */
export class MemberService {
  private readonly listeners = new Set<AccessChangeListener>();

  constructor(private readonly store: Store) {}

  onAccessChanged(listener: AccessChangeListener): void {
    this.listeners.add(listener);
  }

  async list(letterId: string): Promise<Member[]> {
    const [memberships, users, offices] = await Promise.all([
      this.store.letters.listMembers(letterId),
      this.store.accounts.listUsers(),
      this.store.accounts.listOffices(),
    ]);
    const userById = new Map(users.map((user) => [user.id, user]));
    const officeById = new Map(offices.map((office) => [office.id, office]));
    return memberships.flatMap(({ userId, roles }) => {
      const user = userById.get(userId);
      const office = user && officeById.get(user.officeId);
      return user && office ? [{ userId, name: user.name, email: user.email, office, roles }] : [];
    });
  }

  async setRoles(actor: Actor, letterId: string, userId: string, roles: Role[]): Promise<void> {
    if (!(await this.store.accounts.getUser(userId))) throw AppError.notFound('This person');
    if (!roles.includes(Role.coordinator)) await this.keepACoordinator(letterId, userId);
    const before = await this.store.letters.getRoles(letterId, userId);
    const audit = [auditDraft(AuditKind.memberRolesChanged, actor, letterId, { userId, from: before, to: roles })];
    await this.store.letters.setRoles(letterId, userId, roles, audit);
    this.announce(letterId, userId, roles);
  }

  async remove(actor: Actor, letterId: string, userId: string): Promise<void> {
    const before = await this.store.letters.getRoles(letterId, userId);
    if (before.length === 0) throw AppError.notFound('This member');
    await this.keepACoordinator(letterId, userId);
    await this.store.letters.removeMember(letterId, userId, [auditDraft(AuditKind.memberRemoved, actor, letterId, { userId, from: before })]);
    this.announce(letterId, userId, []);
  }

  /** A letter without a coordinator could never be managed again. */
  private async keepACoordinator(letterId: string, leavingUserId: string): Promise<void> {
    const members = await this.store.letters.listMembers(letterId);
    const others = members.filter((member) => member.userId !== leavingUserId && member.roles.includes(Role.coordinator));
    const isCoordinator = members.some((member) => member.userId === leavingUserId && member.roles.includes(Role.coordinator));
    if (isCoordinator && others.length === 0) {
      throw new AppError(409, ErrorCode.conflict, 'A letter needs at least one coordinator. Make someone else coordinator first.');
    }
  }

  private announce(letterId: string, userId: string, roles: Role[]): void {
    for (const listener of this.listeners) listener(letterId, userId, roles);
  }
}
