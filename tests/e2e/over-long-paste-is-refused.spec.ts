import { expect, test } from '@playwright/test';
import { defaultLetterLimits } from '../../shared/domain/letter-limits.js';
import { demoLetterTitle, demoUserOf, letterText, openLetter, saveStatus, saveStatusText, signIn, typeNewParagraph, uniqueText } from './support/workspace.js';

// The server refuses an update that makes a paragraph longer than the limit (4413) and closes the
// connection; the editor refuses such a paste before it is sent, says why, and stays connected.
test('INV-13 a paste longer than a paragraph may be is not added, the person is told why, and editing goes on', async ({ page }) => {
  await signIn(page, demoUserOf('ee-interior').email);
  await openLetter(page, demoLetterTitle);
  const text = letterText(page);

  const marker = uniqueText('Overlong paste');
  await typeNewParagraph(page, uniqueText('Paste after this'));
  await text.evaluate((editor, plain) => {
    const data = new DataTransfer();
    data.setData('text/plain', plain);
    editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, `${marker} `.padEnd(defaultLetterLimits.maxParagraphLength + 1, 'x'));

  await expect(page.getByRole('status').filter({ hasText: 'A paragraph can hold at most 20,000 characters' })).toBeVisible();
  await expect(text).not.toContainText(marker);

  // Still connected: what is typed next is saved, and the refused text is not there after a reload.
  const typed = uniqueText('Typed after the refused paste');
  await page.keyboard.type(` ${typed}`);
  await expect(saveStatus(page)).toHaveText(saveStatusText.saved);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.reload();
  await expect(saveStatus(page)).toHaveText(saveStatusText.saved);
  await expect(text.getByText(typed)).toBeVisible();
  await expect(text).not.toContainText(marker);
});
