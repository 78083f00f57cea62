import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { expectNoAxeViolations, openPerson, startLetterInReview } from './support/sign-off-journey.js';
import { letterText, saveStatus, saveStatusText, uniqueText } from './support/workspace.js';

const signatoryOffices = new Set(['fi-interior', 'ee-interior']);

function paragraphPanel(page: Page, number: number): Locator {
  return page.getByRole('region', { name: `Sign-off of paragraph ${number}` });
}

async function clickParagraph(page: Page, text: string): Promise<void> {
  await letterText(page).getByText(text.split(' ').at(-1)!).click();
}

test('the sign-off overview shows the grid first, short office columns, reasons and links to paragraphs; its CSV names offices by country', async ({
  browser,
}) => {
  test.info().setTimeout(120_000);
  const helena = await openPerson(browser, 'helena@fi-interior.example');
  const kadri = await openPerson(browser, 'kadri@ee-interior.example');
  const first = uniqueText('Border security is a shared responsibility');
  const second = uniqueText(`We ask the Commission to fund the agencies that guard ${'the external border of the Union, '.repeat(4)}today`);
  const letterUrl = await startLetterInReview(helena, { title: uniqueText('Letter in the overview'), officeIds: signatoryOffices, paragraphs: [first, second] });
  await kadri.goto(letterUrl);
  await expect(saveStatus(kadri)).toHaveText(saveStatusText.saved);

  // Presence names the office with its country: four offices are called "Ministry of the Interior".
  await expect(helena.getByRole('list', { name: 'Also here:' })).toContainText(/Kadri Tamm\s*\(Estonia – Ministry of the Interior\)/);
  await expect(kadri.getByRole('list', { name: 'Also here:' })).toContainText(/Helena Virtanen\s*\(Finland – Ministry of the Interior\)/);

  // Estonia asks for a change in paragraph 2, with a reason.
  await clickParagraph(kadri, second);
  const panel = paragraphPanel(kadri, 2);
  await panel.getByRole('button', { name: 'Request changes' }).click();
  await panel.getByLabel('What should change').fill('Name the agencies.');
  await panel.getByRole('button', { name: 'Send the request for changes' }).click();
  await expect(panel.getByRole('listitem').filter({ hasText: /^\s*Estonia/ })).toContainText('Changes requested');

  // The coordinator's overview: the grid on the first screen, one short column per office.
  const overview = await helena.context().newPage();
  await overview.goto(`${letterUrl}/sign-off`);
  const grid = overview.getByRole('table', { name: 'Sign-off of each paragraph by each signatory office' });
  await expect(grid.getByRole('row').nth(1)).toBeInViewport();
  const headers = grid.getByRole('columnheader');
  await expect(headers).toHaveText([/Paragraph/, /^\s*Estonia\s+Interior\s+0 of 2 approved\s*$/, /^\s*Finland\s+Interior\s+0 of 2 approved\s*$/]);
  const secondRow = grid.getByRole('row').filter({ hasText: 'Name the agencies.' });
  await expect(secondRow.getByRole('cell').first()).toHaveText(/Changes requested\s*Name the agencies\./);
  await overview.screenshot({ path: '/tmp/signoff-overview.png' });
  await expectNoAxeViolations(overview);

  // The spreadsheet: "Country – office" columns, whole paragraphs, states in words.
  const download = overview.waitForEvent('download');
  await overview.getByRole('link', { name: 'Download the sign-off as CSV' }).click();
  const csv = await readFile(await (await download).path(), 'utf8');
  const [header, , secondLine] = csv.replace(/^\uFEFF/, '').split('\r\n');
  expect(header).toBe('Paragraph,Text,Estonia – Ministry of the Interior,Finland – Ministry of the Interior,Open reservations');
  expect(secondLine).toBe(`2,"${second}",Changes requested: Name the agencies.,Pending,`);

  // A row opens its paragraph in the letter, its sign-off panel ready, by keyboard too.
  await secondRow.getByRole('link').focus();
  await overview.keyboard.press('Enter');
  await expect(overview).toHaveURL(/\?paragraph=/);
  await expect(overview.getByRole('heading', { name: 'Sign-off of paragraph 2' })).toBeFocused();
  await expect(paragraphPanel(overview, 2).getByRole('listitem').filter({ hasText: /^\s*Estonia/ })).toContainText('Name the agencies.');

  for (const page of [helena, kadri]) await page.context().close();
});

test('the members panel opens on screen wherever the letter is scrolled to, and Escape closes it', async ({ browser }) => {
  test.info().setTimeout(120_000);
  const helena = await openPerson(browser, 'helena@fi-interior.example');
  const aino = await openPerson(browser, 'aino@fi-interior.example');
  const paragraphs = Array.from({ length: 8 }, (_, index) => uniqueText(`Point ${index + 1} of a long letter`));
  const letterUrl = await startLetterInReview(helena, { title: uniqueText('Long letter'), officeIds: signatoryOffices, paragraphs });
  await aino.goto(letterUrl);
  await expect(saveStatus(aino)).toHaveText(saveStatusText.saved);

  await helena.getByRole('region', { name: 'Signatures' }).scrollIntoViewIfNeeded();
  const toggle = helena.getByRole('button', { name: 'Members' });
  await toggle.focus();
  await helena.keyboard.press('Enter');
  const members = helena.getByRole('list', { name: 'Members' });
  await expect(members).toBeInViewport();
  await expect(members).toContainText('Aino Mäkelä');
  await helena.screenshot({ path: '/tmp/members-panel-scrolled.png' });
  await expectNoAxeViolations(helena);
  await helena.keyboard.press('Tab');
  await helena.keyboard.press('Escape');
  await expect(members).toBeHidden();
  await expect(toggle).toBeFocused();

  for (const page of [helena, aino]) await page.context().close();
});
