import { randomUUID } from 'node:crypto';
import type { InviteToLetterRequest, Member } from '../../shared/api/members.js';
import { ErrorCode } from '../../shared/api/errors.js';
import { type SessionUser, workspacePersonOf as workspacePerson } from '../../shared/api/session.js';
import { administersOffice, assignableRoles, mayChangeMembersOf, Permission, hasPermission } from '../../shared/domain/permissions.js';
import { Role } from '../../shared/domain/roles.js';
import { AppError } from '../http/app-error.js';
import { AuditKind } from '../../shared/api/audit.js';
import { actorOf, auditDraft } from '../audit/audit-draft.js';
import type { RefusalAudit } from '../audit/refusal-audit.js';
import type { Store, UserRecord } from '../store/store.js';

export type AccessChangeListener = (letterId: string, userId: string, roles: Role[]) => void;

/** Who changes a membership: the signed-in person and their own roles on the letter. */
export interface MemberChanger {
  user: SessionUser;
  letterRoles: readonly Role[];
}

/** A new person invited to a letter, already validated. */
export type NewInvitee = Pick<InviteToLetterRequest, 'name' | 'email' | 'officeId'> & { roles: Role[] };

/**
 * Membership of letters. Open connections hear of every change at once through the listeners.
 * An office speaks only through its own people (invariant 11): every change is checked against
 * `assignableRoles` in shared/domain/permissions.ts, and a refused one is audited.
 */
export class MemberService {
  private readonly listeners = new Set<AccessChangeListener>();

  constructor(
    private readonly store: Store,
    private readonly refusals: RefusalAudit,
  ) {}

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

  async setRoles(by: MemberChanger, letterId: string, userId: string, roles: Role[]): Promise<void> {
    const person = await this.store.accounts.getUser(userId);
    if (!person) throw AppError.notFound('This person');
    const before = await this.store.letters.getRoles(letterId, userId);
    await this.requireAuthority(by, letterId, person, before, roles);
    if (!roles.includes(Role.coordinator)) await this.keepACoordinator(letterId, userId);
    const audit = [auditDraft(AuditKind.memberRolesChanged, actorOf(by.user), letterId, { userId, from: before, to: roles })];
    await this.store.letters.setRoles(letterId, userId, roles, audit);
    this.announce(letterId, userId, roles);
  }

  async remove(by: MemberChanger, letterId: string, userId: string): Promise<void> {
    const before = await this.store.letters.getRoles(letterId, userId);
    const person = await this.store.accounts.getUser(userId);
    if (before.length === 0 || !person) throw AppError.notFound('This member');
    await this.requireAuthority(by, letterId, person, before, []);
    await this.keepACoordinator(letterId, userId);
    await this.store.letters.removeMember(letterId, userId, [auditDraft(AuditKind.memberRemoved, actorOf(by.user), letterId, { userId, from: before })]);
    this.announce(letterId, userId, []);
  }

  /**
   * Creates the account of someone new in an existing office and makes them a member. Someone who
   * does not administer that office creates a guest: drafter or observer only, never an approver.
   * Returns the new person's id.
   */
  async invite(by: MemberChanger, letterId: string, invitee: NewInvitee): Promise<string> {
    const office = (await this.store.accounts.listOffices()).find((candidate) => candidate.id === invitee.officeId);
    if (!office) throw new AppError(400, ErrorCode.validationFailed, `officeId: no office "${invitee.officeId}"`);
    if (await this.store.accounts.findAccountByEmail(invitee.email)) {
      throw new AppError(409, ErrorCode.conflict, `${invitee.email} has an account already: add them from the list of people.`);
    }
    const userId = randomUUID();
    const isGuest = !administersOffice(workspacePerson(by.user), office.id);
    const account = { id: userId, name: invitee.name, email: invitee.email, officeId: office.id, isAdmin: false, isGuest, passwordHash: null, createdAt: new Date().toISOString() };
    await this.requireAuthority(by, letterId, { ...account, isOfficeAdmin: false, hasPassword: false }, [], invitee.roles);
    await this.store.accounts.insertUser(account, [
      auditDraft(AuditKind.userCreated, actorOf(by.user), letterId, { userId, email: invitee.email, officeId: office.id, isAdmin: false, isGuest }),
    ]);
    await this.setRoles(by, letterId, userId, invitee.roles);
    return userId;
  }

  /**
   * Refuses (403, audited) a change of `person`'s roles from `before` to `after` that the changer may
   * not make: every role given must be one they may assign to that office's people; someone who only
   * administers the office (not the letter) may take away only what they could give.
   */
  private async requireAuthority(by: MemberChanger, letterId: string, person: UserRecord, before: readonly Role[], after: readonly Role[]): Promise<void> {
    const changer = workspacePerson(by.user);
    // An office administrator reaching for another office's people is an attempt worth recording below.
    const mayChange = mayChangeMembersOf(changer, by.letterRoles, person.officeId);
    if (!mayChange && !changer.isOfficeAdmin) {
      throw AppError.forbidden('Your role on this letter does not allow this.');
    }
    const assignable = assignableRoles(changer, by.letterRoles, person.officeId);
    const managesLetter = by.user.isAdmin || hasPermission(by.letterRoles, Permission.manageMembers);
    const given = after.filter((role) => !before.includes(role));
    const taken = managesLetter ? [] : before.filter((role) => !after.includes(role));
    const refused = mayChange ? [...new Set([...given, ...taken])].filter((role) => !assignable.includes(role)) : [...new Set([...before, ...after])];
    if (refused.length === 0) return;
    await this.refusals.record(AuditKind.appointmentRefused, actorOf(by.user), letterId, { userId: person.id, officeId: person.officeId, roles: refused });
    const officeName = (await this.store.accounts.listOffices()).find((office) => office.id === person.officeId)?.nameEn ?? person.officeId;
    throw new AppError(
      403,
      ErrorCode.officeAuthorityRequired,
      refused.includes(Role.approver)
        ? `Only the workspace administrator or an administrator of ${officeName} can appoint its approvers.`
        : `You can give people of ${officeName} only these roles on this letter: ${assignable.join(', ') || 'none'}.`,
    );
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
