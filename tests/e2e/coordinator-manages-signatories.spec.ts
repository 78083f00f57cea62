import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, expect, type Locator, type Page, test } from '@playwright/test';
import { letterText, loadOffices, saveStatus, saveStatusText, signIn, uniqueText } from './support/workspace.js';

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const signatoryOffices = new Set(['fi-interior', 'ee-interior']);

async function openPerson(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

function courseOffice(page: Page, country: string): Locator {
  return page
    .getByRole('region', { name: 'Signatory offices' })
    .getByRole('listitem')
    .filter({ hasText: new RegExp(`^\\s*${country}`) });
}

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('the coordinator edits, adds and removes signatories; an approver approves every pending paragraph at once', async ({ browser }) => {
  const helena = await openPerson(browser, 'helena@fi-interior.example');
  const aino = await openPerson(browser, 'aino@fi-interior.example');
  test.info().setTimeout(120_000);

  const offices = await loadOffices(helena.request);
  const form = helena.getByRole('region', { name: 'New letter' });
  await form.getByLabel('Title').fill(uniqueText('Joint letter on signatories'));
  const choices = form.getByRole('group', { name: 'Signatory offices' });
  for (const office of offices) {
    if (!signatoryOffices.has(office.id)) await choices.getByRole('checkbox', { name: new RegExp(`^${office.country}:`) }).uncheck();
  }
  await form.getByRole('button', { name: 'Create letter' }).click();
  await expect(helena).toHaveURL(/\/letters\/[0-9a-f-]{36}$/);
  const letterUrl = helena.url();

  const first = uniqueText('We call for a common approach to the external border');
  const second = uniqueText('We ask for joint funding of surveillance');
  await letterText(helena).click();
  await helena.keyboard.type(first);
  await helena.keyboard.press('Enter');
  await helena.keyboard.type(second);
  await expect(saveStatus(helena)).toHaveText(saveStatusText.saved);
  await helena.getByRole('button', { name: 'Start the review' }).click();
  await expect(helena.getByText('Status: In review')).toBeVisible();

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
  await expect(aino.getByRole('status').filter({ hasText: '2 paragraphs approved for Finland.' })).toBeVisible();
  await expect(courseOffice(helena, 'Finland')).toContainText('2 of 2 paragraphs approved');
  await expectNoAxeViolations(aino);

  for (const page of [helena, aino]) await page.context().close();
});
