import { Role, roles } from '../../shared/domain/roles.js';

/** Each role as people read it. */
export const roleLabel: Record<Role, string> = {
  [Role.coordinator]: 'Coordinator',
  [Role.drafter]: 'Drafter',
  [Role.approver]: 'Approver',
  [Role.observer]: 'Observer',
};

/** What members with each role do, in a few words ("Drafters … edit the text"). */
export const roleDescription: Record<Role, string> = {
  [Role.coordinator]: 'manage the letter and its members, and edit the text',
  [Role.drafter]: 'edit the text',
  [Role.approver]: 'approve paragraphs for their office',
  [Role.observer]: 'only read',
};

/** "Drafter, approver": a member's roles in the usual order. */
export function describeRoles(memberRoles: readonly Role[]): string {
  const text = roles.filter((role) => memberRoles.includes(role)).map((role) => roleLabel[role].toLowerCase()).join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
