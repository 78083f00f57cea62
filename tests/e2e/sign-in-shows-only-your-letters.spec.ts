import { type Browser, expect, type Page, test } from '@playwright/test';
import {
  demoAdministrator,
  demoCoordinator,
  demoLetterTitle,
  demoUserOf,
  letterText,
  loadOffices,
  saveStatus,
  saveStatusText,
  signIn,
  submitSignIn,
  uniqueText,
} from './support/workspace.js';

async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

test('a wrong password is refused with a message; too many attempts are slowed down', async ({ page }) => {
  const person = demoUserOf('dk-immigration');
  await page.goto('/');
  await submitSignIn(page, person.email, 'not the password');
  await expect(page.getByRole('alert')).toHaveText('The e-mail address or the password is not right.');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Jointly' })).toBeVisible();
  await expect(page.getByLabel('Password', { exact: true })).toHaveValue('');

  // Someone guessing at one address is stopped, and told for how long.
  const guessed = `nobody-${Math.random().toString(36).slice(2, 8)}@example.org`;
  for (let attempt = 0; attempt < 5; attempt++) {
    await submitSignIn(page, guessed, `guess ${attempt}`);
    await expect(page.getByRole('alert')).toHaveText('The e-mail address or the password is not right.');
  }
  await submitSignIn(page, guessed, 'one more guess');
  await expect(page.getByRole('alert')).toHaveText(/^Too many sign-in attempts\. Try again in \d+ minutes?\.$/);

  // Empty fields are explained before anything is sent.
  await page.getByLabel('E-mail address').fill('');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByText('Enter your e-mail address.')).toBeVisible();
  await expect(page.getByLabel('E-mail address')).toBeFocused();
});

test('people see only the letters they are members of; the administrator sees every letter', async ({ browser }) => {
  // A Danish letter with Denmark as its only signatory: nobody from another office is a member.
  const dane = await signedInPage(browser, demoUserOf('dk-immigration').email);
  const title = uniqueText('Danish note on return flights');
  const form = dane.getByRole('region', { name: 'New letter' });
  await form.getByLabel('Title').fill(title);
  const choices = form.getByRole('group', { name: 'Signatory offices' });
  for (const office of await loadOffices(dane.request)) {
    if (office.id !== 'dk-immigration') await choices.getByRole('checkbox', { name: new RegExp(`^${office.country}:`) }).uncheck();
  }
  await form.getByRole('button', { name: 'Create letter' }).click();
  await expect(dane.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(saveStatus(dane)).toHaveText(saveStatusText.saved);
  const letterUrl = dane.url();

  const finn = await signedInPage(browser, demoCoordinator.email);
  await expect(finn.getByRole('link', { name: demoLetterTitle })).toBeVisible();
  await expect(finn.getByRole('link', { name: title })).toHaveCount(0);
  // Nor can the address be guessed.
  await finn.goto(letterUrl);
  await expect(finn.getByRole('heading', { level: 1, name: 'Letter not found' })).toBeVisible();

  const administrator = await signedInPage(browser, demoAdministrator.email);
  await expect(administrator.getByRole('link', { name: demoLetterTitle })).toBeVisible();
  await expect(administrator.getByRole('link', { name: title })).toBeVisible();
  // Reading is all an administrator who is not a member may do.
  await administrator.getByRole('link', { name: title }).click();
  await expect(administrator.getByText('You can read this letter; your role does not let you edit it.')).toBeVisible();
  await expect(letterText(administrator)).toHaveAttribute('aria-readonly', 'true');

  for (const page of [dane, finn, administrator]) await page.context().close();
});

test('signing out ends the session in every tab; the open letter says so and offers to sign in', async ({ browser }) => {
  const context = await browser.newContext();
  const reading = await context.newPage();
  await signIn(reading, demoUserOf('se-government').email);
  await reading.getByRole('link', { name: demoLetterTitle }).click();
  await expect(saveStatus(reading)).toHaveText(saveStatusText.saved);

  const other = await context.newPage();
  await other.goto('/');
  await other.getByRole('button', { name: 'Sign out' }).click();
  await expect(other.getByRole('heading', { level: 1, name: 'Sign in to Jointly' })).toBeVisible();

  await expect(reading.getByRole('alert')).toContainText('Your session has ended. Sign in again');
  await reading.getByRole('button', { name: 'Sign in again' }).click();
  await expect(reading.getByRole('heading', { level: 1, name: 'Sign in to Jointly' })).toBeVisible();
  await expect(reading.getByText('Your session has ended. Sign in again.')).toBeVisible();
  await context.close();
});
