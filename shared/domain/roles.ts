/** What a member may do on one letter. A member may hold several roles. */
export const Role = {
  coordinator: 'coordinator',
  drafter: 'drafter',
  approver: 'approver',
  observer: 'observer',
} as const;

export type Role = (typeof Role)[keyof typeof Role];

export const roles = Object.values(Role);

/** Coordinators and drafters change the text; approvers and observers read it. */
export function canEditText(memberRoles: readonly Role[]): boolean {
  return memberRoles.includes(Role.coordinator) || memberRoles.includes(Role.drafter);
}
