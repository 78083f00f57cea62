import { expect, test } from '@playwright/test';
import { demoCoordinator, openMembers, saveStatus, saveStatusText, signIn } from './support/workspace.js';

const hostileTitle = '<img src=x onerror="window.__pwned=1">Letter';
const hostileName = '<script>window.__pwned=2</script>Eve';

test('text that looks like markup is shown as text: in a letter title and in a member’s name', async ({ page }) => {
  await signIn(page, demoCoordinator.email);
  const form = page.getByRole('region', { name: 'New letter' });
  await form.getByLabel('Title').fill(hostileTitle);
  await form.getByLabel('Subject').fill('<b>not bold</b>');
  await form.getByRole('button', { name: 'Create letter' }).click();

  const heading = page.getByRole('heading', { level: 1, name: hostileTitle });
  await expect(heading).toBeVisible();
  await expect(heading).toHaveText(hostileTitle);
  await expect(heading.locator('img')).toHaveCount(0);
  await expect(page.getByText('<b>not bold</b>')).toBeVisible();
  await expect(saveStatus(page)).toHaveText(saveStatusText.saved);

  const panel = await openMembers(page);
  const invite = panel.getByRole('form', { name: 'Invite someone new' });
  await invite.getByLabel('Name').fill(hostileName);
  await invite.getByLabel('E-mail address').fill(`eve.${Math.random().toString(36).slice(2, 8)}@fi-interior.example`);
  await invite.getByLabel('Office').selectOption({ label: 'Finland: Ministry of the Interior' });
  await invite.getByRole('button', { name: 'Create invitation link' }).click();
  await expect(panel.getByLabel(`Invitation link for ${hostileName}`)).toBeVisible();
  await expect(panel.getByRole('list', { name: 'Members' }).getByText(hostileName, { exact: true })).toBeVisible();

  await page.getByRole('link', { name: 'All letters' }).click();
  await expect(page.getByRole('link', { name: hostileTitle })).toBeVisible();

  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});
