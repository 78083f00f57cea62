import { describe, expect, it } from 'vitest';
import { demoAccounts } from '../../client/session/demo-accounts.js';
import { demoPeople } from '../../server/workspace/demo-offices.js';

describe('the demo accounts the sign-in page lists', () => {
  it('are the accounts the server seeds, in the same order', () => {
    expect(demoAccounts.map(({ email, name }) => ({ email, name }))).toEqual(demoPeople.map(({ email, name }) => ({ email, name })));
  });
});
