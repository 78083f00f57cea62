import { expect, type Locator, type Page, test } from '@playwright/test';
import { expectNoAxeViolations, openPerson, startLetterInReview } from './support/sign-off-journey.js';
import { loadOffices, saveStatus, saveStatusText, uniqueText } from './support/workspace.js';

const signatoryOffices = new Set(['fi-interior', 'ee-interior']);


function courseOffice(page: Page, country: string): Locator {
  return page
    .getByRole('region', { name: 'Signatory offices' })
    .getByRole('listitem')
    .filter({ hasText: new RegExp(`^\\s*${country}`) });
}


test('the coordinator edits, adds and removes signatories; an approver approves every pending paragraph at once', async ({ browser }) => {
  const helena = await openPerson(browser, 'helena@fi-interior.example');
  const aino = await openPerson(browser, 'aino@fi-interior.example');
  test.info().setTimeout(120_000);

  const first = uniqueText('We call for a common approach to the external border');
  const second = uniqueText('We ask for joint funding of surveillance');
  const letterUrl = await startLetterInReview(helena, { title: uniqueText('Joint letter on signatories'), officeIds: signatoryOffices, paragraphs: [first, second] });

  await aino.goto(letterUrl);
  await expect(saveStatus(aino)).toHaveText(saveStatusText.saved);

  // The coordinator changes Estonia's capacity line; the signature block on Aino's page follows, live.
  const capacity = uniqueText('Minister of the Interior of the Republic of Estonia');
  await courseOffice(helena, 'Estonia').getByRole('button', { name: 'Edit the signatory for Estonia' }).click();
  await helena.getByLabel('Capacity line for Estonia').fill(capacity);
  await helena.getByRole('button', { name: 'Save' }).click();
  await expect(helena.getByLabel('Capacity line for Estonia')).toBeHidden();
  await expect(aino.getByRole('region', { name: 'Signatures' }).getByRole('listitem').filter({ hasText: 'Siseministeerium' })).toContainText(capacity);

  // The coordinator adds a third office, prefilled from its minister, and removes it again.
  const offices = await loadOffices(helena.request);
  const extra = offices.find((office) => !signatoryOffices.has(office.id) && !['Finland', 'Estonia'].includes(office.country))!;
  const addForm = helena.getByRole('form', { name: 'Add a signatory office' });
  await addForm.getByLabel('Office', { exact: true }).selectOption(extra.id);
  await expect(addForm.getByLabel('Signing person')).toHaveValue(extra.ministerName);
  await expect(addForm.getByLabel('Capacity line')).toHaveValue(extra.ministerTitle);
  await expectNoAxeViolations(helena);
  await addForm.getByRole('button', { name: 'Add the office' }).click();
  await expect(courseOffice(helena, extra.country)).toBeVisible();
  await expect(aino.getByRole('region', { name: 'Signatures' }).getByRole('listitem')).toHaveCount(3);
  await courseOffice(helena, extra.country).getByRole('button', { name: `Remove ${extra.country}` }).click();
  await expectNoAxeViolations(helena);
  await helena.getByRole('button', { name: `Yes, remove ${extra.country}` }).click();
  await expect(courseOffice(helena, extra.country)).toHaveCount(0);
  await expect(aino.getByRole('region', { name: 'Signatures' }).getByRole('listitem')).toHaveCount(2);

  // Finland's approver approves both paragraphs in one go.
  await aino.getByRole('button', { name: 'Approve every pending paragraph for Finland' }).click();
  await aino.getByRole('dialog', { name: 'Approve 2 paragraphs for Finland?' }).getByRole('button', { name: 'Approve 2 paragraphs' }).click();
  await expect(aino.getByRole('status').filter({ hasText: '2 paragraphs approved for Finland.' })).toBeVisible();
  await expect(courseOffice(helena, 'Finland')).toContainText('2 of 2 paragraphs approved');
  await expectNoAxeViolations(aino);

  for (const page of [helena, aino]) await page.context().close();
});
