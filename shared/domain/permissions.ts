import { Role } from './roles.js';

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
  ],
  [Role.drafter]: [Permission.readLetter, Permission.exportLetter, Permission.editText],
  [Role.approver]: [Permission.readLetter, Permission.exportLetter, Permission.signOff],
  [Role.observer]: [Permission.readLetter, Permission.exportLetter],
};

/** Whether a member with these roles may do this. No roles means not a member: nothing. */
export function hasPermission(memberRoles: readonly Role[], permission: Permission): boolean {
  return memberRoles.some((role) => grants[role].includes(permission));
}
