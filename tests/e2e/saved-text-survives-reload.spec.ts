import { expect, test } from '@playwright/test';
import {
  demoLetterTitle,
  demoUserOf,
  letterText,
  openLetter,
  saveStatus,
  saveStatusText,
  signIn,
  typeNewParagraph,
  uniqueText,
} from './support/workspace.js';

test('typed text is reported saved only after the server confirms it, and survives a reload', async ({ page }) => {
  await signIn(page, demoUserOf('lv-interior').email);
  await openLetter(page, demoLetterTitle);

  // Record every status the person is shown, so a quick Saving… is not missed between polls.
  const status = saveStatus(page);
  await status.evaluate((element) => {
    const seen: string[] = [];
    (window as unknown as { seenStatuses: string[] }).seenStatuses = seen;
    new MutationObserver(() => seen.push(element.textContent?.trim() ?? '')).observe(element, {
      subtree: true,
      characterData: true,
      childList: true,
    });
  });

  const text = uniqueText('Latvia adds a sentence');
  await typeNewParagraph(page, text);
  await expect(status).toHaveText(saveStatusText.saved);

  const seen = await page.evaluate(() => (window as unknown as { seenStatuses: string[] }).seenStatuses);
  expect(seen).toContain(saveStatusText.saving);
  expect(seen.at(-1)).toBe(saveStatusText.saved);
  expect(seen.indexOf(saveStatusText.saving)).toBeLessThan(seen.lastIndexOf(saveStatusText.saved));

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: demoLetterTitle })).toBeVisible();
  await expect(letterText(page)).toContainText(text);
  await expect(status).toHaveText(saveStatusText.saved);
});
