import { expect, test } from '@playwright/test';
import {
  demoCoordinator,
  demoLetterTitle,
  letterText,
  openLetter,
  openMembers,
  saveStatus,
  saveStatusText,
  signIn,
  typeNewParagraph,
  uniqueText,
} from './support/workspace.js';

test('a coordinator invites someone new to the letter; with the link they set a password and open the letter', async ({
  browser,
}) => {
  const coordinatorContext = await browser.newContext();
  const coordinator = await coordinatorContext.newPage();
  await signIn(coordinator, demoCoordinator.email);
  await openLetter(coordinator, demoLetterTitle);
  const panel = await openMembers(coordinator);

  const name = 'Liisa Laine';
  const email = `liisa.${Math.random().toString(36).slice(2, 8)}@ee-interior.example`;
  const invite = panel.getByRole('form', { name: 'Invite someone new' });
  await invite.getByLabel('Name').fill(name);
  await invite.getByLabel('E-mail address').fill(email);
  await invite.getByLabel('Office').selectOption({ label: 'Estonia: Ministry of the Interior' });
  await expect(invite.getByRole('group', { name: 'Roles' }).getByRole('checkbox', { name: 'Drafter' })).toBeChecked();
  // Estonia's approvers are appointed by Estonia's own administrator, not by the coordinator.
  await expect(invite.getByRole('group', { name: 'Roles' }).getByRole('checkbox', { name: 'Approver' })).toBeDisabled();
  await expect(invite.getByText('Only the workspace administrator or the office’s own administrator can make someone an approver for it.')).toBeVisible();
  await invite.getByRole('button', { name: 'Create invitation link' }).click();

  const linkField = panel.getByLabel(`Invitation link for ${name}`);
  await expect(linkField).toBeFocused();
  await panel.getByRole('button', { name: 'Copy the invitation link' }).click();
  await expect(panel.getByRole('status').filter({ hasText: /Link copied|The link is selected/ })).toBeVisible();
  const link = await linkField.inputValue();
  expect(link).toMatch(/\/invitations\/[A-Za-z0-9_-]+$/);
  await expect(panel.getByRole('list', { name: 'Members' })).toContainText(name);
  await expect(panel.getByText(`${name} joins as a person of Ministry of the Interior, Estonia.`)).toBeVisible();

  // The invited person, in their own browser.
  const newcomerContext = await browser.newContext();
  const newcomer = await newcomerContext.newPage();
  await newcomer.goto(link);
  await expect(newcomer.getByRole('heading', { level: 1, name: `Welcome, ${name} (Siseministeerium)` })).toBeVisible();
  await expect(newcomer.getByLabel('E-mail address')).toHaveValue(email);

  const password = 'four words make a password';
  await newcomer.getByLabel('New password').fill('too short');
  await newcomer.getByLabel('Repeat the password').fill('too short');
  await newcomer.getByRole('button', { name: 'Set password and sign in' }).click();
  await expect(newcomer.getByText('Use at least 12 characters (this one has 9).')).toBeVisible();
  await expect(newcomer.getByLabel('New password')).toBeFocused();

  await newcomer.getByLabel('New password').fill(password);
  await newcomer.getByLabel('Repeat the password').fill(`${password}!`);
  await newcomer.getByRole('button', { name: 'Set password and sign in' }).click();
  await expect(newcomer.getByText('The two passwords are not the same. Type it again.')).toBeVisible();

  await newcomer.getByLabel('Repeat the password').fill(password);
  await newcomer.getByRole('button', { name: 'Set password and sign in' }).click();
  await expect(newcomer.getByRole('heading', { level: 1, name: 'Letters' })).toBeVisible();
  await expect(newcomer.getByRole('banner')).toContainText(name);
  await expect(newcomer).toHaveURL(/\/$/);

  await openLetter(newcomer, demoLetterTitle);
  const sentence = uniqueText('Estonia’s new colleague writes');
  await typeNewParagraph(newcomer, sentence);
  await expect(saveStatus(newcomer)).toHaveText(saveStatusText.saved);
  await expect(letterText(coordinator)).toContainText(sentence);

  // The link worked once.
  await newcomer.goto(link);
  await expect(newcomer.getByRole('heading', { level: 1, name: 'This invitation link cannot be used any more' })).toBeVisible();
  await newcomer.goto('/invitations/no-such-token');
  await expect(newcomer.getByRole('heading', { level: 1, name: 'This invitation link is not known' })).toBeVisible();

  await coordinatorContext.close();
  await newcomerContext.close();
});
