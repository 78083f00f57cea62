import { expect, test } from '@playwright/test';
import { invitationLinkResponseSchema } from '../../shared/api/accounts.js';
import {
  demoAdministrator,
  demoCoordinator,
  demoLetterTitle,
  demoUserOf,
  openLetter,
  openMembers,
  signIn,
} from './support/workspace.js';
import { expectNoViolations } from './support/accessibility.js';

test('sign-in, the letter list and the letter page have no WCAG 2.1 AA violations', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Jointly' })).toBeVisible();
  await expectNoViolations(page);

  // With the errors shown too.
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByText('Enter your e-mail address.')).toBeVisible();
  await expectNoViolations(page);

  await signIn(page, demoUserOf('no-justice').email);
  await expect(page.getByRole('link', { name: demoLetterTitle })).toBeVisible();
  await expect(page.getByRole('checkbox').first()).toBeVisible();
  await expectNoViolations(page);

  await openLetter(page, demoLetterTitle);
  await expectNoViolations(page);

  // The link dialog too.
  await page.getByRole('textbox', { name: 'Letter text' }).click();
  await page.getByRole('button', { name: 'Link…' }).click();
  await expect(page.getByRole('dialog', { name: 'Add a link' })).toBeVisible();
  await expectNoViolations(page);
});

test('a coordinator’s letter page with the members panel open has no WCAG 2.1 AA violations', async ({ page }) => {
  await signIn(page, demoCoordinator.email);
  await openLetter(page, demoLetterTitle);
  const panel = await openMembers(page);
  await expect(panel.getByRole('form', { name: 'Add a person' }).getByLabel('Person')).toBeEnabled();
  await expectNoViolations(page);

  // A removal waiting for confirmation, and an invitation link to copy.
  const member = demoUserOf('lv-interior');
  await panel.getByRole('button', { name: `Remove ${member.name} from the letter` }).click();
  const invite = panel.getByRole('form', { name: 'Invite someone new' });
  await invite.getByRole('button', { name: 'Create invitation link' }).click();
  await expect(invite.getByText('Enter the person’s name.')).toBeVisible();
  await expectNoViolations(page);
  await panel.getByRole('button', { name: 'Cancel' }).click();
});

test('administration and the invitation page have no WCAG 2.1 AA violations', async ({ page }) => {
  await signIn(page, demoAdministrator.email);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Administration' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Administration' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'People' })).toContainText(demoCoordinator.name);
  await expectNoViolations(page);

  // An invitation link shown, ready to copy.
  const response = await page.request.post('/api/admin/users', {
    data: { name: 'Anna Axe', email: `anna.${Math.random().toString(36).slice(2, 8)}@se-government.example`, officeId: 'se-government' },
  });
  expect(response.status()).toBe(201);
  const { invitationUrl, user } = invitationLinkResponseSchema.parse(await response.json());
  await page.reload();
  await page.getByRole('button', { name: `New link for ${user.name}` }).click();
  await expect(page.getByLabel(`Invitation link for ${user.name}`)).toBeVisible();
  await expectNoViolations(page);

  await page.goto(new URL(invitationUrl).pathname);
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome, Anna Axe (Regeringskansliet)' })).toBeVisible();
  await expectNoViolations(page);
  await page.getByRole('button', { name: 'Set password and sign in' }).click();
  await expect(page.getByText('Choose a password.')).toBeVisible();
  await expectNoViolations(page);
});
