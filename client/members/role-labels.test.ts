import { describe, expect, it } from 'vitest';
import { Role } from '../../shared/domain/roles.js';
import { describeRoles } from './role-labels.js';

describe('describeRoles', () => {
  it('lists roles in the usual order, whatever order they come in', () => {
    expect(describeRoles([Role.approver, Role.drafter])).toBe('Drafter, approver');
    expect(describeRoles([Role.observer])).toBe('Observer');
  });

  it('says nothing for no roles', () => {
    expect(describeRoles([])).toBe('');
  });
});
