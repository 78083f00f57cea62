import fs from 'node:fs';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { commentedText, docxPart, wordComments } from '../fixtures/interchange/docx-parts.js';
import { expectNoAxeViolations, openPerson, startLetterInReview } from './support/sign-off-journey.js';
import { letterText, saveStatus, saveStatusText, uniqueText } from './support/workspace.js';

const signatoryOffices = new Set(['fi-interior', 'ee-interior']);

function paragraphPanel(page: Page, number: number): Locator {
  return page.getByRole('region', { name: `Sign-off of paragraph ${number}` });
}

function reservations(page: Page, number: number): Locator {
  return page.getByRole('region', { name: `Reservations on paragraph ${number}` });
}

function commentList(page: Page): Locator {
  return page.getByRole('region', { name: 'Comments' });
}

/** Clicks into a paragraph by its unique last word; other people's caret labels may sit inside the rest. */
async function clickParagraph(page: Page, text: string): Promise<void> {
  await letterText(page).getByText(text.split(' ').at(-1)!).click();
}

async function openLetter(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(saveStatus(page)).toHaveText(saveStatusText.saved);
}

/** The course panel's count of an office's approvals: an approval moves the paragraph panel on to the next paragraph. */
function approvedInCourse(page: Page, country: string, approved: number): Locator {
  return page.getByRole('listitem').filter({ hasText: new RegExp(`${country}[\\s\\S]*${approved} of 2 paragraphs approved`) });
}

test('R1 R2 R3 R4 Estonia enters a scrutiny reservation; the coordinator sees it block ready; Estonia lifts it', async ({ browser }) => {
  test.info().setTimeout(120_000);
  const helena = await openPerson(browser, 'helena@fi-interior.example');
  const kadri = await openPerson(browser, 'kadri@ee-interior.example');
  const aino = await openPerson(browser, 'aino@fi-interior.example');
  const first = uniqueText('We condemn the instrumentalisation of migrants at the border');
  const second = uniqueText('We ask for funding of the border agencies');
  const letterUrl = await startLetterInReview(helena, { title: uniqueText('Letter with a reservation'), officeIds: signatoryOffices, paragraphs: [first, second] });
  const dashboard = await helena.context().newPage();
  await dashboard.goto(`${letterUrl}/sign-off`);
  await openLetter(kadri, letterUrl);
  await openLetter(aino, letterUrl);

  // R1: Estonia's approver enters a scrutiny reservation on paragraph 1, with the keyboard.
  await clickParagraph(kadri, first);
  const kadriReservations = reservations(kadri, 1);
  await kadriReservations.getByRole('button', { name: 'Enter a reservation' }).click();
  await kadriReservations.getByLabel('Kind of reservation').selectOption({ label: 'Scrutiny reservation' });
  await kadriReservations.getByLabel('Reason').fill('Tallinn is checking the legal basis.');
  await kadriReservations.getByLabel('Reason').press('Tab');
  await kadri.keyboard.press('Enter');
  await expect(kadriReservations.getByRole('listitem')).toContainText('Scrutiny reservation of Estonia');
  await expect(paragraphPanel(kadri, 1).getByRole('button', { name: 'Approve' })).toBeDisabled();
  await expect(paragraphPanel(kadri, 1)).toContainText('Your office has an open reservation on this paragraph');
  await expectNoAxeViolations(kadri);

  // Everyone sees it, live: the coordinator's panel, the gutter and the grid.
  await clickParagraph(helena, first);
  await expect(paragraphPanel(helena, 1).getByRole('listitem').filter({ hasText: /^\s*Estonia/ })).toContainText('Scrutiny reservation by Kadri Tamm');
  await expect(letterText(helena)).toContainText('Reserved by 1 office');
  const firstRow = dashboard.getByRole('table').getByRole('row').filter({ hasText: first });
  await expect(firstRow).toContainText('⚑ Scrutiny reservation');
  await expect(dashboard.getByText('1 open reservation blocks it until lifted.')).toBeVisible();

  // Finland approves both paragraphs and Estonia the second: only the reservation is left.
  for (const [number, text] of [[1, first], [2, second]] as const) {
    await clickParagraph(aino, text);
    await paragraphPanel(aino, number).getByRole('button', { name: 'Approve' }).click();
    await expect(approvedInCourse(aino, 'Finland', number)).toBeVisible();
  }
  await clickParagraph(kadri, second);
  await paragraphPanel(kadri, 2).getByRole('button', { name: 'Approve' }).click();
  await expect(approvedInCourse(kadri, 'Estonia', 1)).toBeVisible();

  // R3: the coordinator cannot mark the letter ready while the reservation is open.
  await helena.getByRole('button', { name: 'Mark ready to sign' }).click();
  await expect(helena.getByText(/open reservation on the text/)).toBeVisible();
  await expect(helena.getByText('Status: In review')).toBeVisible();
  await expectNoAxeViolations(dashboard);

  // R4: Estonia lifts it and approves; the letter can be marked ready.
  await clickParagraph(kadri, first);
  await reservations(kadri, 1).getByRole('button', { name: 'Lift the scrutiny reservation' }).click();
  await expect(reservations(kadri, 1)).toContainText('No office holds a reservation on this paragraph.');
  await paragraphPanel(kadri, 1).getByRole('button', { name: 'Approve' }).click();
  await expect(approvedInCourse(kadri, 'Estonia', 2)).toBeVisible();
  await expect(firstRow).not.toContainText('Scrutiny');
  await helena.getByRole('button', { name: 'Mark ready to sign' }).click();
  await expect(helena.getByText('Status: Ready to sign')).toBeVisible();

  // The text is read-only now, yet Finland can still select words with the mouse and comment on them.
  await expect(letterText(aino)).toHaveAttribute('aria-readonly', 'true');
  const box = (await letterText(aino).getByText(second).boundingBox())!;
  await aino.mouse.move(box.x + 2, box.y + box.height / 2);
  await aino.mouse.down();
  await aino.mouse.move(box.x + box.width - 2, box.y + box.height / 2, { steps: 5 });
  await aino.mouse.up();
  const ainoComments = commentList(aino);
  await ainoComments.getByLabel(/^Comment on /).focus();
  await expect(ainoComments.getByText(`Comment on the words “${second}” in paragraph 2`)).toBeVisible();
  await ainoComments.getByLabel(/^Comment on /).fill('Which agencies exactly?');
  await ainoComments.getByRole('button', { name: 'Add the comment' }).click();
  await expect(ainoComments.getByRole('article', { name: 'On words in paragraph 2' })).toContainText('Which agencies exactly?');

  // The Word download can carry the open comment, anchored on those words.
  await aino.getByRole('button', { name: 'Download' }).click();
  await aino.getByLabel('With open comments and reservations').check();
  const [download] = await Promise.all([aino.waitForEvent('download'), aino.getByRole('button', { name: 'Word (.docx)' }).click()]);
  const bytes = new Uint8Array(fs.readFileSync(await download.path()));
  const wordComment = wordComments((await docxPart(bytes, 'word/comments.xml')) ?? '');
  expect(wordComment.map((comment) => [comment.author, comment.text])).toEqual([['Aino Mäkelä (Finland)', 'Which agencies exactly?']]);
  expect(commentedText((await docxPart(bytes, 'word/document.xml'))!, wordComment[0]!.id)).toBe(second);
  await expectNoAxeViolations(aino);

  for (const page of [helena, kadri, aino]) await page.context().close();
});

test('K3 K4 K5 K6 a comment thread on a passage, live between two offices, answered with the keyboard only', async ({ browser }) => {
  test.info().setTimeout(120_000);
  const helena = await openPerson(browser, 'helena@fi-interior.example');
  const kadri = await openPerson(browser, 'kadri@ee-interior.example');
  const first = uniqueText('We condemn the instrumentalisation of migrants at the border');
  const letterUrl = await startLetterInReview(helena, { title: uniqueText('Letter with comments'), officeIds: signatoryOffices, paragraphs: [first] });
  await openLetter(kadri, letterUrl);

  // K3 K4: Estonia's drafter selects the last word and comments on it, mentioning Finland; the text stays text.
  await clickParagraph(kadri, first);
  await kadri.keyboard.press('End');
  await kadri.keyboard.press('Shift+Control+ArrowLeft');
  const kadriComments = commentList(kadri);
  const newComment = kadriComments.getByLabel(/^Comment on /);
  await newComment.focus();
  await expect(kadriComments.getByText(/Comment on the words “/)).toBeVisible();
  await newComment.fill('Is this the agreed term, @Finland? <b>not bold</b>');
  await kadriComments.getByRole('button', { name: 'Add the comment' }).click();
  const kadriThread = kadriComments.getByRole('article', { name: 'On words in paragraph 1' });
  await expect(kadriThread).toContainText('Is this the agreed term, @Finland? <b>not bold</b>');

  // Finland sees it live, among the threads that mention its office.
  const helenaComments = commentList(helena);
  await helenaComments.getByLabel('Show').selectOption({ label: 'Threads mentioning me or my office' });
  const helenaThread = helenaComments.getByRole('article', { name: 'On words in paragraph 1' });
  await expect(helenaThread).toContainText('Kadri Tamm');
  await expect(helenaThread.locator('blockquote')).toHaveText(first.split(' ').at(-1)!);
  await expectNoAxeViolations(helena);

  // The commented words are marked in Finland's text, live; clicking them opens the thread.
  const marked = letterText(helena).getByTitle('Commented words: click to open the thread');
  await expect(marked).toHaveText(first.split(' ').at(-1)!);
  await helenaComments.getByLabel('Show').selectOption({ label: 'Resolved threads' });
  await marked.click();
  await expect(helenaThread).toBeFocused();
  await expect(helenaComments.getByLabel('Show')).toHaveValue('all');

  // The comment is in the paragraph's history, among its revisions.
  await helena.getByRole('button', { name: 'History of paragraph 1' }).click();
  const helenaHistory = helena.getByRole('list', { name: 'Revisions, sign-offs, comments and reservations, newest first' });
  await expect(helenaHistory.getByRole('listitem').first()).toContainText('Comment on words by Kadri Tamm, Estonia');

  // K5: a reply with the keyboard only.
  await helenaThread.getByLabel('Reply').focus();
  await helena.keyboard.type('Yes, as in the October conclusions, @Kadri Tamm.');
  await helena.keyboard.press('Tab');
  await helena.keyboard.press('Enter');
  await expect(kadriThread).toContainText('Yes, as in the October conclusions, @Kadri Tamm.');

  // With the caret in the marked words, Alt+Enter opens the thread: no mouse needed.
  await clickParagraph(kadri, first);
  await kadri.keyboard.press('End');
  await kadri.keyboard.press('ArrowLeft');
  await kadri.keyboard.press('Alt+Enter');
  await expect(kadriThread).toBeFocused();

  // Estonia rewords its own comment; the earlier wording stays readable.
  await kadriThread.getByRole('button', { name: 'Edit my comment' }).click();
  await kadriThread.getByLabel('New wording').fill('Is this the term agreed in October, @Finland?');
  await kadriThread.getByRole('button', { name: 'Save the new wording' }).click();
  await expect(helenaThread).toContainText('Is this the term agreed in October, @Finland?');
  await helenaThread.getByText('Earlier wording (1)').click();
  await expect(helenaThread).toContainText('Is this the agreed term, @Finland? <b>not bold</b>');

  // K6: Finland resolves the thread with the keyboard; it leaves Estonia's open threads.
  await helenaThread.getByRole('button', { name: 'Resolve the thread' }).focus();
  await helena.keyboard.press('Enter');
  await expect(kadriComments.getByText('No threads to show.')).toBeVisible();
  await kadriComments.getByLabel('Show').selectOption({ label: 'Resolved threads' });
  await expect(kadriThread).toContainText('resolved by Helena Virtanen');
  await expect(letterText(kadri).getByTitle('Commented words: click to open the thread')).toHaveCount(0);
  await expect(helenaHistory.getByRole('listitem').first()).toContainText('Thread resolved by Helena Virtanen');
  await expect(helenaHistory).toContainText('Reply by Helena Virtanen, Finland');

  // K4: the quoted words are deleted; the thread stays readable and says so.
  await clickParagraph(kadri, first);
  await kadri.keyboard.press('End');
  await kadri.keyboard.press('Shift+Control+ArrowLeft');
  await kadri.keyboard.press('Backspace');
  await expect(saveStatus(kadri)).toHaveText(saveStatusText.saved);
  await expect(kadriThread).toContainText('This text has been deleted from the letter.');
  await expect(kadriThread.locator('blockquote')).toHaveText(first.split(' ').at(-1)!);

  // K7: after a reload the thread is still there, as it stands.
  await helena.reload();
  await commentList(helena).getByLabel('Show').selectOption({ label: 'All threads' });
  await expect(commentList(helena).getByRole('article', { name: 'On words in paragraph 1' })).toContainText('Is this the term agreed in October, @Finland?');

  for (const page of [helena, kadri]) await page.context().close();
});
