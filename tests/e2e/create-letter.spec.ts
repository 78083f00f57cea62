import { expect, test } from '@playwright/test';
import { demoUserOf, letterText, loadOffices, saveStatus, saveStatusText, signIn, uniqueText } from './support/workspace.js';

test('a person starts a new letter; its letterhead and signature blocks follow the chosen offices', async ({ page }) => {
  await signIn(page, demoUserOf('fi-interior').email);
  // page.request shares the session cookie the sign-in just set.
  const offices = await loadOffices(page.request);
  const leftOut = new Set(['dk-immigration', 'no-justice', 'se-government']);
  const chosen = offices.filter((office) => !leftOut.has(office.id));

  const form = page.getByRole('region', { name: 'New letter' });
  // Submitting without a title explains what is missing and puts the cursor there.
  await form.getByRole('button', { name: 'Create letter' }).click();
  await expect(form.getByText('Enter a title.')).toBeVisible();
  await expect(form.getByLabel('Title')).toBeFocused();

  const title = uniqueText('Joint statement on border security');
  await form.getByLabel('Title').fill(title);
  await form.getByLabel('Subject').fill('Funding for the protection of the external border');
  await form.getByLabel('Addressees').fill('The President of the European Council\nThe High Representative');
  const officeChoices = form.getByRole('group', { name: 'Signatory offices' });
  for (const office of offices) {
    const checkbox = officeChoices.getByRole('checkbox', { name: new RegExp(`^${office.country}:`) });
    await expect(checkbox).toBeChecked();
    if (leftOut.has(office.id)) await checkbox.uncheck();
  }
  await form.getByRole('button', { name: 'Create letter' }).click();

  await expect(page).toHaveURL(/\/letters\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText('The High Representative')).toBeVisible();
  await expect(saveStatus(page)).toHaveText(saveStatusText.saved);
  await expect(letterText(page)).toBeVisible();

  const letterhead = page.getByRole('region', { name: 'Letterhead' }).getByRole('listitem');
  await expect(letterhead).toHaveCount(chosen.length);
  for (const [index, office] of chosen.entries()) {
    await expect(letterhead.nth(index)).toContainText(office.name);
    await expect(letterhead.nth(index)).toContainText(office.nameEn);
  }

  const signatures = page.getByRole('region', { name: 'Signatures' }).getByRole('listitem');
  await expect(signatures).toHaveCount(chosen.length);
  for (const [index, office] of chosen.entries()) {
    await expect(signatures.nth(index)).toContainText(office.ministerName);
    await expect(signatures.nth(index)).toContainText(office.ministerTitle);
  }
  for (const office of offices.filter((candidate) => leftOut.has(candidate.id))) {
    await expect(page.getByRole('region', { name: 'Signatures' })).not.toContainText(office.ministerName);
  }

  // The new letter is in the list.
  await page.getByRole('link', { name: 'All letters' }).click();
  await expect(page.getByRole('link', { name: title })).toBeVisible();
});
