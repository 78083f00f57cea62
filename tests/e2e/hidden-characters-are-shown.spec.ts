import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, openPerson, startLetterInReview } from './support/sign-off-journey.js';
import { letterText, saveStatus, saveStatusText, uniqueText } from './support/workspace.js';

test('T1 T2 T3 the sign-off panel shows a zero-width mark and flags a mixed-script word; typed direction controls are left out', async ({ browser }) => {
  test.info().setTimeout(120_000);
  const helena = await openPerson(browser, 'helena@fi-interior.example');
  const aino = await openPerson(browser, 'aino@fi-interior.example');

  // "аccept" starts with a Cyrillic а; "pay<U+200B>ment" holds a zero-width space. Both look ordinary.
  const tag = uniqueText('Offer');
  const paragraph = `${tag}: we \u0430ccept the pay\u200Bment terms`;
  const letterUrl = await startLetterInReview(helena, { title: uniqueText('Letter with hidden characters'), officeIds: new Set(['fi-interior']), paragraphs: [paragraph] });

  // T1: a right-to-left override pasted into the text is left out, the person is told, and nothing is refused.
  await letterText(helena).getByText(tag).click();
  await helena.keyboard.press('End');
  await helena.keyboard.insertText(' of EUR \u202E000,01');
  await expect(helena.getByRole('status').filter({ hasText: 'An invisible direction control (U+202E) was left out' })).toBeVisible();
  await expect(saveStatus(helena)).toHaveText(saveStatusText.saved);
  await expect(letterText(helena)).toContainText('terms of EUR 000,01');

  await aino.goto(letterUrl);
  await expect(saveStatus(aino)).toHaveText(saveStatusText.saved);
  await expect(letterText(aino)).toContainText('terms of EUR 000,01');
  await letterText(aino).getByText(tag).click();
  const panel = aino.getByRole('region', { name: 'Sign-off of paragraph 1' });
  const check = panel.getByRole('region', { name: 'Check this paragraph’s characters' });
  await expect(check.getByRole('note').filter({ hasText: 'Mixed scripts' })).toContainText('“\u0430ccept” mixes Latin letters with Cyrillic or Greek ones');
  await expect(check.getByText('U+200B', { exact: true })).toBeVisible();
  await expect(check.getByText('(Latin + Cyrillic)')).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Approve' })).toBeVisible();
  await aino.screenshot({ path: '/tmp/signoff-hidden-characters.png', fullPage: true });
  await expectNoAxeViolations(aino);

  // The coordinator's overview shows the same mark in the paragraph's excerpt.
  await helena.goto(`${letterUrl}/sign-off`);
  await expect(helena.getByRole('table').getByRole('row').filter({ hasText: tag }).getByText('U+200B', { exact: true })).toBeVisible();
  await expectNoAxeViolations(helena);

  for (const page of [helena, aino]) await page.context().close();
});
