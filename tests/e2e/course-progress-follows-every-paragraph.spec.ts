import { expect, type Locator, type Page, test } from '@playwright/test';
import { expectNoAxeViolations, openPerson, startLetterInReview } from './support/sign-off-journey.js';
import { clickParagraph, letterText, saveStatus, saveStatusText, uniqueText } from './support/workspace.js';

/** An office's line in the course panel ("Signatory offices"), by country. */
function courseOffice(page: Page, country: string): Locator {
  return page.getByRole('region', { name: 'Signatory offices' }).getByRole('listitem').filter({ hasText: new RegExp(`^\\s*${country}`) });
}

/** Counts the page's requests for the sign-off grid (the spreadsheet download aside) from now on. */
function countGridRequests(page: Page): () => number {
  let count = 0;
  page.on('request', (request) => {
    if (/\/signoff-grid(\?|$)/.test(new URL(request.url()).pathname)) count += 1;
  });
  return () => count;
}

test('GRID the course panel counts every paragraph live, also one someone else changes away from the caret, without asking the server for the grid', async ({
  browser,
}) => {
  test.info().setTimeout(120_000);
  const helena = await openPerson(browser, 'helena@fi-interior.example');
  const aino = await openPerson(browser, 'aino@fi-interior.example');
  const kadri = await openPerson(browser, 'kadri@ee-interior.example');
  try {
    const first = uniqueText('We call for joint patrols on the external border');
    const second = uniqueText('We ask the Commission to report every quarter');
    const letterUrl = await startLetterInReview(helena, {
      title: uniqueText('Joint letter on patrols'),
      officeIds: new Set(['fi-interior', 'ee-interior']),
      paragraphs: [first, second],
    });
    const gridRequests = countGridRequests(aino);
    for (const page of [aino, kadri]) {
      await page.goto(new URL(letterUrl).pathname);
      await expect(saveStatus(page)).toHaveText(saveStatusText.saved);
    }
    await expect(courseOffice(aino, 'Finland')).toContainText('0 of 2 paragraphs approved');

    // Finland approves paragraph 1 from the keyboard; the panel moves on to paragraph 2.
    await clickParagraph(aino, first);
    const approve = aino.getByRole('region', { name: 'Sign-off of paragraph 1' }).getByRole('button', { name: 'Approve' });
    await approve.focus();
    await aino.keyboard.press('Enter');
    await expect(aino.getByRole('heading', { name: 'Sign-off of paragraph 2' })).toBeFocused();
    await expect(courseOffice(aino, 'Finland')).toContainText('1 of 2 paragraphs approved');
    await expect(courseOffice(helena, 'Finland')).toContainText('1 of 2 paragraphs approved');
    await expect(aino.getByRole('region', { name: 'Signatory offices' })).toContainText('1 of 4 paragraph sign-offs approved');

    // Aino's caret stays in paragraph 2; Helena's is in paragraph 2 too. Estonia edits paragraph 1.
    await clickParagraph(aino, second);
    await clickParagraph(helena, second);
    await clickParagraph(kadri, first);
    await kadri.keyboard.press('End');
    await kadri.keyboard.type(' by the end of the year');
    await expect(saveStatus(kadri)).toHaveText(saveStatusText.saved);
    await expect(letterText(aino)).toContainText('by the end of the year');
    // Finland's approval of paragraph 1 is stale: both Finnish pages count it out at once.
    await expect(courseOffice(aino, 'Finland')).toContainText('0 of 2 paragraphs approved');
    await expect(courseOffice(helena, 'Finland')).toContainText('0 of 2 paragraphs approved');
    await expect(aino.getByRole('region', { name: 'Signatory offices' })).toContainText('0 of 4 paragraph sign-offs approved');
    await expect(aino.getByRole('heading', { name: 'Sign-off of paragraph 2' })).toBeVisible();

    // The approval (a message 102 to every page) and the edit cost no request for the grid.
    expect(gridRequests()).toBe(0);
    await expectNoAxeViolations(aino);
  } finally {
    for (const page of [helena, aino, kadri]) await page.context().close();
  }
});
