import { describe, expect, it } from 'vitest';
import { Permission, administersOffice, assignableRoles, hasPermission, isSuggestOnly, mayChangeMembersOf, maySuggest } from './permissions.js';
import { Role, canEditText } from './roles.js';

describe('permissions', () => {
  it('lets coordinators and drafters edit the text, and nobody else', () => {
    for (const role of Object.values(Role)) {
      expect(hasPermission([role], Permission.editText)).toBe(canEditText([role]));
    }
    expect(hasPermission([Role.approver], Permission.editText)).toBe(false);
    expect(hasPermission([Role.observer], Permission.editText)).toBe(false);
  });

  it('lets only the coordinator manage members', () => {
    expect(Object.values(Role).filter((role) => hasPermission([role], Permission.manageMembers))).toEqual([Role.coordinator]);
  });

  it('lets every member read, and a non-member do nothing', () => {
    for (const role of Object.values(Role)) expect(hasPermission([role], Permission.readLetter)).toBe(true);
    for (const permission of Object.values(Permission)) expect(hasPermission([], permission)).toBe(false);
  });

  it('lets every member who reads the letter also export it', () => {
    for (const role of Object.values(Role)) expect(hasPermission([role], Permission.exportLetter)).toBe(hasPermission([role], Permission.readLetter));
  });

  it('combines roles: an approver who also drafts may edit and sign off', () => {
    expect(hasPermission([Role.approver, Role.drafter], Permission.editText)).toBe(true);
    expect(hasPermission([Role.approver, Role.drafter], Permission.signOff)).toBe(true);
  });
});

describe('who appoints an office\'s people (invariant 11)', () => {
  const coordinator = { isAdmin: false, isOfficeAdmin: false, officeId: 'fi' };
  const officeAdmin = { isAdmin: false, isOfficeAdmin: true, officeId: 'no' };

  it('gives the approver role only to whoever administers the office', () => {
    expect(assignableRoles(coordinator, [Role.coordinator], 'no')).toEqual([Role.drafter, Role.observer]);
    expect(assignableRoles(coordinator, [Role.coordinator], 'fi')).toEqual([Role.coordinator, Role.drafter, Role.observer]);
    expect(assignableRoles(officeAdmin, [Role.drafter], 'no')).toEqual([Role.approver]);
    expect(assignableRoles(officeAdmin, [Role.coordinator], 'pl')).toEqual([Role.drafter, Role.observer]);
    expect(assignableRoles({ ...coordinator, isAdmin: true }, [Role.observer], 'pl')).toEqual(Object.values(Role));
  });

  it('lets an office administrator speak for their own office only', () => {
    expect(administersOffice(officeAdmin, 'no')).toBe(true);
    expect(administersOffice(officeAdmin, 'pl')).toBe(false);
    expect(administersOffice(coordinator, 'fi')).toBe(false);
    expect(mayChangeMembersOf(officeAdmin, [Role.drafter], 'pl')).toBe(false);
    expect(mayChangeMembersOf(coordinator, [Role.drafter], 'fi')).toBe(false);
  });

  it('S13 lets drafters, approvers and coordinators suggest, observers not; an approver who does not draft only suggests', () => {
    expect(Object.values(Role).filter((role) => maySuggest([role]))).toEqual([Role.coordinator, Role.drafter, Role.approver]);
    expect(isSuggestOnly([Role.approver])).toBe(true);
    expect(isSuggestOnly([Role.approver, Role.drafter])).toBe(false);
    expect(isSuggestOnly([Role.drafter])).toBe(false);
    // Made an observer, an approver keeps signing off for the office but reads the text along.
    expect(maySuggest([Role.observer, Role.approver])).toBe(false);
    expect(maySuggest([Role.observer, Role.drafter])).toBe(true);
  });
});
