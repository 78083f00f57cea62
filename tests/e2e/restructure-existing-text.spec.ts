import { expect, test } from '@playwright/test';
import { demoLetterTitle, demoUserOf, letterText, openLetter, saveStatus, saveStatusText, signIn } from './support/workspace.js';

// Changing an existing block (its heading level, or splitting it) rewrites attributes the server
// already holds; the server must accept that like any other edit.
test('a person changes a heading level and splits a paragraph; both are saved and survive a reload', async ({ page }) => {
  await signIn(page, demoUserOf('ee-interior').email);
  await openLetter(page, demoLetterTitle);
  const text = letterText(page);

  await text.getByRole('heading', { level: 2, name: 'What we see at our borders' }).click();
  await page.getByRole('toolbar', { name: 'Text formatting' }).getByRole('button', { name: 'H3' }).click();
  await expect(text.getByRole('heading', { level: 3, name: 'What we see at our borders' })).toBeVisible();
  await expect(saveStatus(page)).toHaveText(saveStatusText.saved);

  await text.getByText('Dear President, dear Commissioner,').click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Allow us to be brief.');
  await expect(saveStatus(page)).toHaveText(saveStatusText.saved);
  await expect(page.getByRole('alert')).toHaveCount(0);

  await page.reload();
  await expect(saveStatus(page)).toHaveText(saveStatusText.saved);
  await expect(text.getByRole('heading', { level: 3, name: 'What we see at our borders' })).toBeVisible();
  await expect(text.getByText('Allow us to be brief.')).toBeVisible();
});
