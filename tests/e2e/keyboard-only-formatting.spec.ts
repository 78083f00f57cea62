import { expect, test } from '@playwright/test';
import {
  demoLetterTitle,
  demoPassword,
  demoUserOf,
  letterText,
  saveStatus,
  saveStatusText,
  tabTo,
  uniqueText,
} from './support/workspace.js';

test('a keyboard-only person signs in, opens the letter, reaches the toolbar and makes text bold', async ({ page }) => {
  const person = demoUserOf('dk-immigration');
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Jointly' })).toBeVisible();

  await tabTo(page, page.getByLabel('E-mail address'));
  await page.keyboard.type(person.email);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Password', { exact: true })).toBeFocused();
  await page.keyboard.type(demoPassword);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Letters' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText(person.name);

  await tabTo(page, page.getByRole('link', { name: demoLetterTitle }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: demoLetterTitle })).toBeVisible();
  await expect(saveStatus(page)).toHaveText(saveStatusText.saved);

  // The toolbar is one Tab stop, right before the text.
  const toolbar = page.getByRole('toolbar', { name: 'Text formatting' });
  await tabTo(page, toolbar.getByRole('button', { name: 'Paragraph' }));
  await page.keyboard.press('Tab');
  await expect(letterText(page)).toBeFocused();

  const text = uniqueText('Keyboard bold');
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type(text);
  // Select only once the editor has taken in every keystroke, as a person would after a glance.
  await expect(letterText(page)).toContainText(text);
  await expect(saveStatus(page)).toHaveText(saveStatusText.saved);
  await page.keyboard.press('Shift+Home');

  // Back to the toolbar, arrow to Bold, press it.
  await page.keyboard.press('Shift+Tab');
  const bold = toolbar.getByRole('button', { name: 'Bold' });
  for (let press = 0; press < 10 && !(await bold.evaluate((element) => element.matches(':focus'))); press++) {
    await page.keyboard.press('ArrowRight');
  }
  await expect(bold).toBeFocused();
  await expect(bold).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('Enter');

  await expect(letterText(page)).toBeFocused();
  await expect(letterText(page).locator('strong', { hasText: text })).toBeVisible();
  await expect(bold).toHaveAttribute('aria-pressed', 'true');

  // Ctrl+B turns bold off again for what comes next.
  await page.keyboard.press('End');
  await page.keyboard.press('Control+B');
  await expect(bold).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.type(' plain');
  await expect(letterText(page).locator('strong', { hasText: 'plain' })).toHaveCount(0);
  await expect(saveStatus(page)).toHaveText(saveStatusText.saved);
});
