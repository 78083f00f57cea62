import type { LetterStatus } from '../api/letters.js';
import { areSignatoriesFixed } from './letter-course.js';
import { Role, roles as allRoles } from './roles.js';

/** Everything a member can do on a letter. Each route and channel names the one it needs. */
export const Permission = {
  readLetter: 'letter.read',
  editText: 'letter.edit_text',
  manageMembers: 'letter.manage_members',
  manageLetter: 'letter.manage',
  signOff: 'letter.sign_off',
  /** Download the letter as Word, PDF or Markdown. */
  exportLetter: 'letter.export',
  /** Read and export the letter's audit trail. */
  readAudit: 'letter.read_audit',
  /** Change the letter's title, subject, addressees and date after creating it. */
  editDetails: 'letter.edit_details',
  /** Propose insertions and deletions in the text, and withdraw one's own (rule S13). */
  suggest: 'letter.suggest',
} as const;
export type Permission = (typeof Permission)[keyof typeof Permission];

const grants: Record<Role, readonly Permission[]> = {
  [Role.coordinator]: [
    Permission.readLetter,
    Permission.exportLetter,
    Permission.editText,
    Permission.manageMembers,
    Permission.manageLetter,
    Permission.readAudit,
    Permission.editDetails,
    Permission.suggest,
  ],
  [Role.drafter]: [Permission.readLetter, Permission.exportLetter, Permission.editText, Permission.suggest],
  [Role.approver]: [Permission.readLetter, Permission.exportLetter, Permission.signOff, Permission.suggest],
  [Role.observer]: [Permission.readLetter, Permission.exportLetter],
};

/** Whether a member with these roles may do this. No roles means not a member: nothing. */
export function hasPermission(memberRoles: readonly Role[], permission: Permission): boolean {
  return memberRoles.some((role) => grants[role].includes(permission));
}

/**
 * Who a person is in the workspace, as far as offices are concerned: the workspace administrator,
 * and an office's own administrator (appointed by the workspace administrator).
 */
export interface WorkspacePerson {
  isAdmin: boolean;
  isOfficeAdmin: boolean;
  officeId: string;
}

/**
 * Whether this person speaks for the office's people (invariant 11): the workspace administrator
 * for every office, an office administrator for their own office and no other.
 */
export function administersOffice(person: WorkspacePerson, officeId: string): boolean {
  return person.isAdmin || (person.isOfficeAdmin && person.officeId === officeId);
}

/**
 * The roles a person may give on a letter to someone of `officeId`, given their own roles there.
 *
 * | who                                   | own office                    | another office       |
 * | ------------------------------------- | ----------------------------- | -------------------- |
 * | workspace administrator               | every role                    | every role           |
 * | coordinator who is office administrator| every role                   | drafter, observer    |
 * | coordinator                           | coordinator, drafter, observer| drafter, observer    |
 * | office administrator (any member)     | approver                      | nothing              |
 *
 * The approver role acts for an office, so only whoever administers that office gives it.
 */
export function assignableRoles(person: WorkspacePerson, letterRoles: readonly Role[], officeId: string): Role[] {
  if (person.isAdmin) return [...allRoles];
  const assignable = new Set<Role>();
  if (hasPermission(letterRoles, Permission.manageMembers)) {
    if (person.officeId === officeId) assignable.add(Role.coordinator);
    assignable.add(Role.drafter).add(Role.observer);
  }
  if (administersOffice(person, officeId)) assignable.add(Role.approver);
  return allRoles.filter((role) => assignable.has(role));
}

/** Whether a person may change someone's roles on a letter at all: they manage it, or administer the person's office. */
export function mayChangeMembersOf(person: WorkspacePerson, letterRoles: readonly Role[], officeId: string): boolean {
  return person.isAdmin || hasPermission(letterRoles, Permission.manageMembers) || administersOffice(person, officeId);
}

/**
 * Whether the letter's details (title, subject, addressees, date) are fixed in this status: like
 * its signatories, from "ready" on the offices sign the letter as it reads, so a coordinator moves
 * it back to review (or reopens a signed letter) before changing them (rule D1).
 */
export function areDetailsFixed(status: LetterStatus): boolean {
  return areSignatoriesFixed(status);
}

/** Whether a member with these roles may change the letter's details now, in this status. */
export function mayEditDetails(memberRoles: readonly Role[], status: LetterStatus): boolean {
  return hasPermission(memberRoles, Permission.editDetails) && !areDetailsFixed(status);
}

/**
 * Whether a member may propose changes in the text now (rule S13): drafters, approvers and
 * coordinators may; a member the coordinator also made an observer reads along instead, even if
 * they keep their office's approver role (which only the office's administrator takes away).
 */
export function maySuggest(memberRoles: readonly Role[]): boolean {
  return hasPermission(memberRoles, Permission.suggest) && (hasPermission(memberRoles, Permission.editText) || !memberRoles.includes(Role.observer));
}

/**
 * Whether a member may change the text only by suggesting: they may suggest but not edit (an
 * approver who is not also a drafter). The server lets such a connection add its own proposals and
 * withdraw them, and nothing else (rule S13).
 */
export function isSuggestOnly(memberRoles: readonly Role[]): boolean {
  return maySuggest(memberRoles) && !hasPermission(memberRoles, Permission.editText);
}
