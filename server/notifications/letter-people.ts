import { Role } from '../../shared/domain/roles.js';
import type { Store } from '../store/store.js';

export interface LetterPerson {
  userId: string;
  officeId: string;
  roles: Role[];
}

/** The members of a letter with their offices. */
export async function letterPeople(store: Store, letterId: string): Promise<LetterPerson[]> {
  const [members, users] = await Promise.all([store.letters.listMembers(letterId), store.accounts.listUsers()]);
  const officeOf = new Map(users.map((user) => [user.id, user.officeId]));
  return members.flatMap((member) => {
    const officeId = officeOf.get(member.userId);
    return officeId ? [{ userId: member.userId, officeId, roles: member.roles }] : [];
  });
}

/** The people who act for these offices on the letter: its approvers there. */
export function approversOf(people: readonly LetterPerson[], officeIds: Iterable<string>): string[] {
  const offices = new Set(officeIds);
  return people.filter((p) => offices.has(p.officeId) && p.roles.includes(Role.approver)).map((p) => p.userId);
}

export function coordinatorsOf(people: readonly LetterPerson[]): string[] {
  return people.filter((p) => p.roles.includes(Role.coordinator)).map((p) => p.userId);
}
