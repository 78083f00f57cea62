import { expect, test } from '@playwright/test';
import { demoLetterTitle, demoUserOf, letterText, openLetter, saveStatus, saveStatusText, signIn, typeNewParagraph, uniqueText } from './support/workspace.js';

// The server refuses a change that leaves a paragraph without an id of its own (4422). Everything
// a person does in the editor must therefore reach it with the ids already given: a split, a list,
// and a paste of a copied paragraph, whose HTML carries the id of the one it was copied from.
test('INV-10 splitting, listing and pasting a copied paragraph are saved: the editor gives each new paragraph its own id', async ({ page }) => {
  await signIn(page, demoUserOf('lv-interior').email);
  await openLetter(page, demoLetterTitle);
  const text = letterText(page);

  const sentence = uniqueText('Split here and keep both halves');
  await typeNewParagraph(page, sentence);
  await page.keyboard.press('Home');
  for (let i = 0; i < 'Split here'.length; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(saveStatus(page)).toHaveText(saveStatusText.saved);

  const listed = uniqueText('A point made in a list');
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type(`- ${listed}`);
  await expect(text.getByRole('listitem').filter({ hasText: listed })).toBeVisible();
  await expect(saveStatus(page)).toHaveText(saveStatusText.saved);

  // What the browser puts on the clipboard when a person copies a paragraph: this test's own, so
  // that the demo letter other journeys read keeps its wording once.
  const secondHalf = sentence.slice('Split here'.length).trim();
  const copied = await text.locator('p').filter({ hasText: secondHalf }).evaluate((paragraph) => paragraph.outerHTML);
  expect(copied).toContain('data-id=');
  const pasted = uniqueText('Pasted paragraph');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await text.evaluate(
    (editor, html) => {
      const data = new DataTransfer();
      data.setData('text/html', html);
      editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    },
    `${copied}<p>${pasted}</p>`,
  );
  await expect(text.getByText(pasted)).toBeVisible();
  await expect(saveStatus(page)).toHaveText(saveStatusText.saved);
  await expect(page.getByRole('alert')).toHaveCount(0);

  await page.reload();
  await expect(saveStatus(page)).toHaveText(saveStatusText.saved);
  await expect(text.getByText(pasted)).toBeVisible();
  await expect(text.getByText(listed)).toBeVisible();
  await expect(text.getByText(secondHalf).first()).toBeVisible();
});
