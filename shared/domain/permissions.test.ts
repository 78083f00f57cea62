import { describe, expect, it } from 'vitest';
import { Permission, hasPermission } from './permissions.js';
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
