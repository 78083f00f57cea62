import { expect, test } from '@playwright/test';
import { demoAdministrator, demoLetterTitle, demoUserOf, openLetter, openMembers, signIn } from './support/workspace.js';

test('an administrator adds an office and a person; the person’s newest link works, the older one not after it', async ({
  browser,
}) => {
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, demoAdministrator.email);
  await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Administration' }).click();
  await expect(admin).toHaveURL(/\/admin$/);

  const suffix = Math.random().toString(36).slice(2, 6);
  const officeForm = admin.getByRole('form', { name: 'Add an office' });
  await officeForm.getByLabel('Country').fill('Iceland');
  await officeForm.getByLabel('Name in the office’s own language').fill('Dómsmálaráðuneytið');
  await officeForm.getByLabel('Name in English').fill('Ministry of Justice');
  await officeForm.getByLabel('Short id').fill(`is-justice-${suffix}`);
  await officeForm.getByLabel('Minister’s name').fill('Guðrún Hafsteinsdóttir');
  await officeForm.getByLabel('Minister’s title').fill('Minister of Justice of Iceland');
  await officeForm.getByRole('button', { name: 'Add office' }).click();
  await expect(admin.getByRole('status').filter({ hasText: 'Ministry of Justice, Iceland was added.' })).toBeVisible();
  await expect(admin.getByRole('table', { name: 'Offices' })).toContainText('Dómsmálaráðuneytið');

  const name = `Sigríður Jónsdóttir ${suffix}`;
  const personForm = admin.getByRole('form', { name: 'Add a person' });
  await personForm.getByLabel('Name').fill(name);
  await personForm.getByLabel('E-mail address').fill(`sigridur.${suffix}@is-justice.example`);
  await personForm.getByLabel('Office').selectOption({ label: 'Iceland: Ministry of Justice' });
  await personForm.getByRole('button', { name: 'Add person and create invitation link' }).click();
  const linkField = admin.getByLabel(`Invitation link for ${name}`);
  const firstLink = await linkField.inputValue();
  const row = admin.getByRole('table', { name: 'People' }).getByRole('row').filter({ hasText: name });
  await expect(row).toContainText('Invitation pending');

  await row.getByRole('button', { name: `New link for ${name}` }).click();
  await expect(linkField).not.toHaveValue(firstLink);
  const newestLink = await linkField.inputValue();

  const personContext = await browser.newContext();
  const person = await personContext.newPage();
  await person.goto(newestLink);
  await expect(person.getByRole('heading', { level: 1, name: `Welcome, ${name} (Dómsmálaráðuneytið)` })).toBeVisible();
  await person.getByLabel('New password').fill('glacier ferry lighthouse');
  await person.getByLabel('Repeat the password').fill('glacier ferry lighthouse');
  await person.getByRole('button', { name: 'Set password and sign in' }).click();
  await expect(person.getByRole('heading', { level: 1, name: 'Letters' })).toBeVisible();
  await expect(person.getByText('There are no letters yet.')).toBeVisible();

  // The lost first link must not set the password a second time.
  await person.goto(firstLink);
  await expect(person.getByRole('heading', { level: 1, name: 'This invitation link cannot be used any more' })).toBeVisible();

  await admin.reload();
  await expect(admin.getByRole('table', { name: 'People' }).getByRole('row').filter({ hasText: name })).toContainText('Active');

  await adminContext.close();
  await personContext.close();
});

test('people who are not administrators have no administration page', async ({ page }) => {
  await signIn(page, demoUserOf('lv-interior').email);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Administration' })).toHaveCount(0);
  await page.goto('/admin');
  await expect(page.getByText('Only workspace and office administrators can see this page.')).toBeVisible();
});

test('the administrator makes someone their office’s administrator, who then appoints an approver for that office only', async ({ browser }) => {
  const norwegian = demoUserOf('no-justice');
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, demoAdministrator.email);
  await admin.goto('/admin');
  const appoint = admin
    .getByRole('table', { name: 'People' })
    .getByRole('button', { name: `Office administrator (${norwegian.name})` });
  await expect(appoint).toHaveAttribute('aria-pressed', 'false');
  await appoint.click();
  await expect(admin.getByRole('status').filter({ hasText: `${norwegian.name} is now an administrator of` })).toBeVisible();
  await expect(appoint).toHaveAttribute('aria-pressed', 'true');

  const officeAdminContext = await browser.newContext();
  const officeAdmin = await officeAdminContext.newPage();
  await signIn(officeAdmin, norwegian.email);
  await openLetter(officeAdmin, demoLetterTitle);
  const panel = await openMembers(officeAdmin);
  const invite = panel.getByRole('form', { name: 'Invite someone new' });
  const approver = invite.getByRole('group', { name: 'Roles' }).getByRole('checkbox', { name: 'Approver' });

  // Another office's approvers are not hers to appoint.
  await invite.getByLabel('Office').selectOption({ label: 'Poland: Ministry of the Interior and Administration' });
  await expect(approver).toBeDisabled();

  const suffix = Math.random().toString(36).slice(2, 6);
  const name = `Kari Nordmann ${suffix}`;
  await invite.getByLabel('Name').fill(name);
  await invite.getByLabel('E-mail address').fill(`kari.${suffix}@no-justice.example`);
  await invite.getByLabel('Office').selectOption({ label: 'Norway: Ministry of Justice and Public Security' });
  await expect(approver).toBeEnabled();
  await expect(approver).toBeChecked();
  await invite.getByRole('button', { name: 'Create invitation link' }).click();
  await expect(panel.getByLabel(`Invitation link for ${name}`)).toBeVisible();
  await expect(panel.getByText(`${name} joins as a person of Ministry of Justice and Public Security, Norway.`)).toBeVisible();
  await expect(panel.getByRole('list', { name: 'Members' }).getByRole('listitem').filter({ hasText: name })).toBeVisible();

  // Back to how the demo workspace was.
  await appoint.click();
  await expect(appoint).toHaveAttribute('aria-pressed', 'false');
  await adminContext.close();
  await officeAdminContext.close();
});
