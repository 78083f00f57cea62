import { expect, type Locator, type Page, test } from '@playwright/test';
import { expectNoAxeViolations, openPerson, startLetterInReview } from './support/sign-off-journey.js';
import { letterText, uniqueText } from './support/workspace.js';

function paragraphPanel(page: Page, number: number): Locator {
  return page.getByRole('region', { name: `Sign-off of paragraph ${number}` });
}

test('the coordinator reads the audit trail newest first, filters it by kind, office and person, and finds paragraphs by number and opening words', async ({ browser }) => {
  test.info().setTimeout(120_000);
  const helena = await openPerson(browser, 'helena@fi-interior.example');
  const kadri = await openPerson(browser, 'kadri@ee-interior.example');
  try {
    const title = uniqueText('Joint letter on visa policy');
    const first = uniqueText('We call for a common approach to visas for transit countries');
    const second = uniqueText('We ask the Commission to suspend visa facilitation where needed');
    const letterUrl = await startLetterInReview(helena, { title, officeIds: new Set(['fi-interior', 'ee-interior']), paragraphs: [first, second] });

    // The Estonian approver approves both paragraphs in her own browser.
    await kadri.goto(new URL(letterUrl).pathname);
    for (const [number, text] of [[1, first], [2, second]] as const) {
      await letterText(kadri).getByText(text.split(' ').at(-1)!).click();
      await paragraphPanel(kadri, number).getByRole('button', { name: 'Approve' }).click();
      // After an approval the panel moves on to the next paragraph; the course panel counts the approvals.
      await expect(kadri.getByRole('listitem').filter({ hasText: new RegExp(`Estonia[\\s\\S]*${number} of 2 paragraphs approved`) })).toBeVisible();
    }

    await helena.getByRole('link', { name: 'Audit trail' }).click();
    await expect(helena.getByRole('heading', { level: 1, name: `Audit trail: ${title}` })).toBeVisible();
    const rows = helena.getByRole('region', { name: 'Audit events' }).getByRole('row');
    // Newest first: the second approval, the first, the version saved as the review started, the start of the review.
    await expect(rows.nth(1).getByRole('rowheader')).toHaveText('Sign-off recorded');
    await expect(rows.nth(1)).toContainText(`Paragraph 2: “${second.split(' ').slice(0, 8).join(' ')}…”`);
    await expect(rows.nth(2)).toContainText(`Paragraph 1: “${first.split(' ').slice(0, 8).join(' ')}…”`);
    await expect(rows.nth(3).getByRole('rowheader')).toHaveText('Version saved');
    await expect(rows.nth(4).getByRole('rowheader')).toHaveText('Status changed');
    await expect(rows.last().getByRole('rowheader')).toHaveText('Letter created');
    await expect(helena.getByRole('button', { name: 'Show older events' })).toHaveCount(0);
    await expectNoAxeViolations(helena);

    // By keyboard: only Estonia's sign-offs.
    const filters = helena.getByRole('form', { name: 'Filter the events' });
    await filters.getByLabel('Kind').selectOption({ label: 'Sign-off recorded' });
    await filters.getByLabel('Office').selectOption({ label: 'Estonia' });
    await filters.getByRole('button', { name: 'Show events' }).focus();
    await helena.keyboard.press('Enter');
    await expect(helena.getByText('Showing the 2 newest matching events.')).toBeVisible();
    await expect(helena.getByText('Showing the 2 newest matching events.')).toBeFocused();
    await expect(rows).toHaveCount(3);
    for (const row of [rows.nth(1), rows.nth(2)]) await expect(row).toContainText('Kadri Tamm');

    // Helena's own acts: the review she started and the letter she created, nothing of Kadri's.
    await filters.getByLabel('Kind').selectOption({ label: 'Every kind' });
    await filters.getByLabel('Office').selectOption({ label: 'Every office' });
    await filters.getByLabel('Person').selectOption({ label: 'Helena Virtanen' });
    await filters.getByRole('button', { name: 'Show events' }).click();
    await expect(rows.getByRole('rowheader')).toHaveText(['Version saved', 'Status changed', 'Letter created']);
    await expect(helena.getByRole('region', { name: 'Audit events' })).not.toContainText('Kadri Tamm');
    await expectNoAxeViolations(helena);
    await helena.screenshot({ path: '/tmp/letters-audit-filtered.png', fullPage: true });
  } finally {
    await helena.context().close();
    await kadri.context().close();
  }
});
