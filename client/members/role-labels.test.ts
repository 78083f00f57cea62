import { afterEach, describe, expect, it } from 'vitest';
import { Role } from '../../shared/domain/roles.js';
import { translator } from '../i18n/translate.js';
import { describeRoles } from './role-labels.js';

describe('describeRoles', () => {
  afterEach(async () => {
    await translator.changeLanguage('en');
  });

  it('lists roles in the usual order, whatever order they come in', () => {
    expect(describeRoles([Role.approver, Role.drafter])).toBe('Drafter and approver');
    expect(describeRoles([Role.observer])).toBe('Observer');
  });

  it('joins them as a list of the chosen language', async () => {
    await translator.changeLanguage('sv');
    expect(describeRoles([Role.approver, Role.drafter, Role.coordinator])).toMatch(/^[A-ZÅÄÖ][^,]+, [^,]+ och [^,]+$/);
  });

  it('says nothing for no roles', () => {
    expect(describeRoles([])).toBe('');
  });
});
