import { expect, type Locator, type Page, test } from '@playwright/test';
import { expectNoAxeViolations, openPerson, startLetterInReview } from './support/sign-off-journey.js';
import { letterText, saveStatus, saveStatusText, uniqueText } from './support/workspace.js';

const signatoryOffices = new Set(['fi-interior', 'ee-interior']);


/** The sign-off panel of the paragraph holding the caret. */
function paragraphPanel(page: Page, number: number): Locator {
  return page.getByRole('region', { name: `Sign-off of paragraph ${number}` });
}

function officeState(panel: Locator, country: string): Locator {
  return panel.getByRole('listitem').filter({ hasText: new RegExp(`^\\s*${country}`) });
}

/** Clicks into a paragraph by its unique last word; other people's caret labels may sit inside the rest. */
async function clickParagraph(page: Page, text: string): Promise<void> {
  await letterText(page).getByText(text.split(' ').at(-1)!).click();
}


test('S2 S3 S5 S10 a letter is signed off paragraph by paragraph by Finland and Estonia, then signed', async ({ browser }) => {
  const helena = await openPerson(browser, 'helena@fi-interior.example');
  const aino = await openPerson(browser, 'aino@fi-interior.example');
  const kadri = await openPerson(browser, 'kadri@ee-interior.example');
  test.info().setTimeout(240_000);

  // The coordinator starts a letter for two signatory offices.
  const title = uniqueText('Joint letter on returns');
  const first = uniqueText('We call for faster returns of people without a right to stay');
  const second = uniqueText('We ask the Commission to fund the border agencies');
  const letterUrl = await startLetterInReview(helena, { title: title, officeIds: signatoryOffices, paragraphs: [first, second] });

  // The coordinator changes the signing order; letterhead and signature blocks follow.
  const letterhead = helena.getByRole('region', { name: 'Letterhead' }).getByRole('listitem');
  await expect(letterhead.first()).toContainText('Siseministeerium');
  await helena.getByRole('button', { name: 'Move Finland up' }).click();
  await expect(letterhead.first()).toContainText('Sisäministeriö');
  await expect(helena.getByRole('region', { name: 'Signatures' }).getByRole('listitem').first()).toContainText('Sisäministeriö');

  // The coordinator's overview, open beside the letter.
  const dashboard = await helena.context().newPage();
  await dashboard.goto(`${letterUrl}/sign-off`);
  const grid = dashboard.getByRole('table');
  const firstRow = grid.getByRole('row').filter({ hasText: first });
  await expect(firstRow.getByRole('cell')).toHaveText(['○ Pending', '○ Pending']);

  for (const page of [aino, kadri]) {
    await page.goto(letterUrl);
    await expect(saveStatus(page)).toHaveText(saveStatusText.saved);
  }

  // S2: Finland approves paragraph 1.
  await clickParagraph(aino, first);
  const ainoPanel = paragraphPanel(aino, 1);
  await expect(officeState(ainoPanel, 'Finland')).toContainText('Pending');
  await ainoPanel.getByRole('button', { name: 'Approve' }).click();
  // The panel moves on to the next paragraph; back in paragraph 1 the approval shows.
  await expect(aino.getByRole('heading', { name: 'Sign-off of paragraph 2' })).toBeFocused();
  await clickParagraph(aino, first);
  await expect(officeState(ainoPanel, 'Finland')).toContainText('Approved by Aino');
  await clickParagraph(helena, first);
  const helenaPanel = paragraphPanel(helena, 1);
  await expect(officeState(helenaPanel, 'Finland')).toContainText('Approved');
  await expect(firstRow).toContainText('✓ Approved');

  // S3: Estonia's drafter edits paragraph 1; Finland's approval turns stale for everyone, live.
  await clickParagraph(kadri, first);
  await kadri.keyboard.press('End');
  await kadri.keyboard.type(' within three months');
  await expect(saveStatus(kadri)).toHaveText(saveStatusText.saved);
  await expect(officeState(ainoPanel, 'Finland')).toContainText('Stale');
  await expect(officeState(helenaPanel, 'Finland')).toContainText('Stale');
  await expect(grid.getByRole('row').filter({ hasText: 'within three months' })).toContainText('⟳ Stale');

  // Finland reads what changed and approves again.
  const diff = aino.getByRole('region', { name: 'What changed since Finland approved' });
  await expect(diff.getByRole('insertion')).toContainText('within three months');
  await aino.screenshot({ path: '/tmp/signoff-panel-diff.png', fullPage: true });
  await expectNoAxeViolations(aino);
  await ainoPanel.getByRole('button', { name: 'Approve' }).click();
  await expect(officeState(helenaPanel, 'Finland')).toContainText('Approved');

  // Every paragraph approved by both offices.
  await clickParagraph(aino, second);
  await paragraphPanel(aino, 2).getByRole('button', { name: 'Approve' }).click();
  await expect(officeState(paragraphPanel(aino, 2), 'Finland')).toContainText('Approved');
  // S5: Estonia asks for a change with a reason; everyone reads it; Estonia then approves.
  await clickParagraph(kadri, second);
  const kadriSecond = paragraphPanel(kadri, 2);
  await kadriSecond.getByRole('button', { name: 'Request changes' }).click();
  await kadriSecond.getByLabel('What should change').fill('Name the agencies.');
  await kadriSecond.getByRole('button', { name: 'Send the request for changes' }).click();
  await expect(officeState(paragraphPanel(aino, 2), 'Estonia')).toContainText('Changes requested');
  await expect(officeState(paragraphPanel(aino, 2), 'Estonia')).toContainText('Name the agencies.');
  await expect(grid.getByRole('row').filter({ hasText: second })).toContainText('✎ Changes requested');
  await aino.screenshot({ path: '/tmp/signoff-changes-requested.png', fullPage: true });

  for (const [number, text] of [
    [1, first],
    [2, second],
  ] as const) {
    await clickParagraph(kadri, text);
    await paragraphPanel(kadri, number).getByRole('button', { name: 'Approve' }).click();
    // The approval moves the panel on to the next paragraph, perhaps after this click: click until it is back.
    await expect(async () => {
      await clickParagraph(kadri, text);
      await expect(officeState(paragraphPanel(kadri, number), 'Estonia')).toContainText('Approved', { timeout: 2_000 });
    }).toPass({ timeout: 20_000 });
  }
  await expect(dashboard.getByText('4 of 4 sign-offs approved.')).toBeVisible();
  await dashboard.screenshot({ path: '/tmp/signoff-dashboard-all.png', fullPage: true });
  await dashboard.getByLabel('Show').selectOption('blocking');
  await expect(grid.getByRole('row').filter({ hasText: 'No paragraph matches.' })).toBeVisible();
  await dashboard.screenshot({ path: '/tmp/signoff-dashboard.png', fullPage: true });
  await expectNoAxeViolations(dashboard);

  // S10: the coordinator marks the letter ready; both offices sign it.
  await helena.getByRole('button', { name: 'Mark ready to sign' }).click();
  for (const page of [helena, aino, kadri]) await expect(page.getByText('Status: Ready to sign')).toBeVisible();
  await aino.getByRole('button', { name: 'Sign the letter for Finland' }).click();
  await expect(aino.getByText('Signed by Aino')).toBeVisible();
  await kadri.getByRole('button', { name: 'Sign the letter for Estonia' }).click();

  for (const page of [helena, aino, kadri]) {
    await expect(page.getByText('Status: Signed')).toBeVisible();
    await expect(page.getByText('The letter is signed; its text is frozen.')).toBeVisible();
    await expect(letterText(page)).toHaveAttribute('aria-readonly', 'true');
  }
  await helena.screenshot({ path: '/tmp/signoff-signed.png', fullPage: true });

  for (const page of [helena, aino, kadri]) await page.context().close();
});
