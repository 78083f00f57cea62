import { expect, type Locator, type Page, test } from '@playwright/test';
import { expectNoAxeViolations, openPerson, startLetterInReview } from './support/sign-off-journey.js';
import { letterText, saveStatus, saveStatusText, uniqueText } from './support/workspace.js';

const signatoryOffices = new Set(['fi-interior', 'ee-interior']);

function statusMoves(page: Page): Locator {
  return page.getByRole('group', { name: 'Change the status' });
}

function paragraphPanel(page: Page, number: number): Locator {
  return page.getByRole('region', { name: `Sign-off of paragraph ${number}` });
}

/** Clicks into a paragraph by its unique last word; other people's caret labels may sit inside the rest. */
async function clickParagraph(page: Page, text: string): Promise<void> {
  await letterText(page).getByText(text.split(' ').at(-1)!).click();
}

/** The approver approves every pending paragraph of their office through the confirmation dialog. */
async function approveEverything(page: Page, country: string, count: number): Promise<void> {
  await page.getByRole('button', { name: `Approve every pending paragraph for ${country}` }).click();
  const noun = count === 1 ? 'paragraph' : 'paragraphs';
  await page.getByRole('dialog', { name: `Approve ${count} ${noun} for ${country}?` }).getByRole('button', { name: `Approve ${count} ${noun}` }).click();
  await expect(page.getByText(`${count} ${noun} approved for ${country}.`)).toBeVisible();
}

test('C5 from ready the text is read-only on every screen, live, until the coordinator moves the letter back to review', async ({ browser }) => {
  test.info().setTimeout(120_000);
  const helena = await openPerson(browser, 'helena@fi-interior.example');
  const aino = await openPerson(browser, 'aino@fi-interior.example');
  const kadri = await openPerson(browser, 'kadri@ee-interior.example');
  const first = uniqueText('Member States need common rules against instrumentalisation');
  const second = uniqueText('The Commission should propose them this year');
  const letterUrl = await startLetterInReview(helena, { title: uniqueText('Letter that freezes in ready'), officeIds: signatoryOffices, paragraphs: [first, second] });
  for (const page of [aino, kadri]) {
    await page.goto(letterUrl);
    await expect(saveStatus(page)).toHaveText(saveStatusText.saved);
  }

  // The status buttons sit in the letter bar; a refused move is told right there, and announced.
  const bar = statusMoves(helena);
  await expect(bar.getByRole('button', { name: 'Mark ready to sign' })).toBeInViewport();
  await bar.getByRole('button', { name: 'Mark ready to sign' }).focus();
  await helena.keyboard.press('Enter');
  await expect(helena.getByRole('alert').filter({ hasText: 'Not every paragraph is approved' })).toBeVisible();
  await expect(helena.getByRole('alert').filter({ hasText: 'Not every paragraph is approved' })).toBeInViewport();
  await helena.screenshot({ path: '/tmp/status-moves-error.png' });
  await expectNoAxeViolations(helena);

  await approveEverything(aino, 'Finland', 2);
  await approveEverything(kadri, 'Estonia', 2);
  await bar.getByRole('button', { name: 'Mark ready to sign' }).click();

  // Every open editor turns read-only at once and says why; nobody can change the text or its sign-offs.
  for (const page of [helena, aino, kadri]) {
    await expect(page.getByText('Status: Ready to sign')).toBeVisible();
    await expect(letterText(page)).toHaveAttribute('aria-readonly', 'true');
    await expect(page.getByText('The letter is ready to sign; its text and sign-offs are read-only until it goes back to review.')).toBeVisible();
  }
  await expect(kadri.getByRole('status').filter({ hasText: 'The letter is ready to sign: its text is read-only.' })).toBeVisible();
  await clickParagraph(kadri, first);
  await kadri.keyboard.type('Sneaked in ');
  await expect(letterText(kadri)).not.toContainText('Sneaked in');
  await expect(paragraphPanel(kadri, 1).getByRole('button', { name: 'Approve' })).toHaveCount(0);
  await expect(kadri.getByRole('button', { name: 'Approve every pending paragraph for Estonia' })).toHaveCount(0);
  await expect(kadri.getByRole('button', { name: 'Sign the letter for Estonia' })).toBeVisible();
  await kadri.screenshot({ path: '/tmp/ready-read-only.png', fullPage: true });
  await expectNoAxeViolations(kadri);

  // Back to review: editable again on every screen, and the change counts.
  await statusMoves(helena).getByRole('button', { name: 'Back to review' }).click();
  for (const page of [helena, aino, kadri]) {
    await expect(page.getByText('Status: In review')).toBeVisible();
    await expect(letterText(page)).toHaveAttribute('aria-readonly', 'false');
  }
  await clickParagraph(kadri, first);
  await kadri.keyboard.press('End');
  await kadri.keyboard.type(' now');
  await expect(saveStatus(kadri)).toHaveText(saveStatusText.saved);
  await expect(letterText(aino)).toContainText(`${first} now`);
  await clickParagraph(aino, `${first} now`);
  await expect(paragraphPanel(aino, 1).getByRole('listitem').filter({ hasText: /^\s*Estonia/ })).toContainText('Stale');

  for (const page of [helena, aino, kadri]) await page.context().close();
});

test('S12 approving every pending paragraph lists them, shows what changed in stale ones and asks first; the panel moves on after each approval', async ({ browser }) => {
  test.info().setTimeout(120_000);
  const helena = await openPerson(browser, 'helena@fi-interior.example');
  const aino = await openPerson(browser, 'aino@fi-interior.example');
  const paragraphs = [
    uniqueText('Hybrid attacks at the border are a threat to the Union'),
    uniqueText('We ask for support to the agencies at the external border'),
    uniqueText('We stand ready to work with the Commission'),
  ];
  const letterUrl = await startLetterInReview(helena, { title: uniqueText('Letter approved with care'), officeIds: signatoryOffices, paragraphs });
  await aino.goto(letterUrl);
  await expect(saveStatus(aino)).toHaveText(saveStatusText.saved);

  // Aino approves paragraph 1; the panel of paragraph 2 opens and takes the focus; she goes on by keyboard.
  await clickParagraph(aino, paragraphs[0]!);
  await paragraphPanel(aino, 1).getByRole('button', { name: 'Approve' }).click();
  await expect(aino.getByRole('heading', { name: 'Sign-off of paragraph 2' })).toBeFocused();
  await aino.keyboard.press('Tab');
  await expect(paragraphPanel(aino, 2).getByRole('button', { name: 'Approve' })).toBeFocused();
  await aino.keyboard.press('Enter');
  await expect(aino.getByRole('heading', { name: 'Sign-off of paragraph 3' })).toBeFocused();

  // Helena changes paragraph 1: Finland's approval of it is stale.
  await clickParagraph(helena, paragraphs[0]!);
  await helena.keyboard.press('End');
  await helena.keyboard.type(' of today');
  await expect(saveStatus(helena)).toHaveText(saveStatusText.saved);

  // The stale paragraph's panel shows what changed first, above the offices' states.
  await clickParagraph(aino, `${paragraphs[0]!} of today`);
  const diff = paragraphPanel(aino, 1).getByRole('region', { name: 'What changed since Finland approved' });
  await expect(diff.getByRole('insertion')).toContainText('of today');
  const offices = paragraphPanel(aino, 1).getByRole('list');
  expect((await diff.boundingBox())!.y).toBeLessThan((await offices.boundingBox())!.y);

  // "Approve every pending paragraph" lists paragraph 1 with its diff and paragraph 3, and asks.
  await aino.getByRole('button', { name: 'Approve every pending paragraph for Finland' }).click();
  const dialog = aino.getByRole('dialog', { name: 'Approve 2 paragraphs for Finland?' });
  await expect(dialog).toBeVisible();
  const listed = dialog.getByRole('list', { name: 'Paragraphs to approve' }).getByRole('listitem');
  await expect(listed).toHaveCount(2);
  await expect(listed.nth(0)).toContainText('Paragraph 1, changed since Finland approved it');
  await expect(dialog.getByRole('region', { name: 'What changed in paragraph 1' }).getByRole('insertion')).toContainText('of today');
  await expect(listed.nth(1)).toContainText('Paragraph 3, pending');
  await expect(dialog).toContainText('1 of them was approved before and changed since');
  await aino.screenshot({ path: '/tmp/approve-all-dialog.png' });
  await expectNoAxeViolations(aino);

  // Cancelled with Escape, nothing is recorded; confirmed by keyboard, both are approved.
  await aino.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(paragraphPanel(aino, 1).getByRole('listitem').filter({ hasText: /^\s*Finland/ })).toContainText('Stale');
  await aino.getByRole('button', { name: 'Approve every pending paragraph for Finland' }).click();
  const confirm = dialog.getByRole('button', { name: 'Approve 2 paragraphs' });
  await expect(confirm).toBeEnabled();
  await confirm.focus();
  await aino.keyboard.press('Enter');
  await expect(aino.getByText('2 paragraphs approved for Finland.')).toBeVisible();
  await expect(paragraphPanel(aino, 1).getByRole('listitem').filter({ hasText: /^\s*Finland/ })).toContainText('Approved');
  await clickParagraph(helena, paragraphs[2]!);
  await expect(paragraphPanel(helena, 3).getByRole('listitem').filter({ hasText: /^\s*Finland/ })).toContainText('Approved');

  for (const page of [helena, aino]) await page.context().close();
});
