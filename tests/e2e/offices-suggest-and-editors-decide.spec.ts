import { expect, type Locator, type Page, test } from '@playwright/test';
import { memberListResponseSchema } from '../../shared/api/members.js';
import { expectNoAxeViolations, openPerson, startLetterInReview } from './support/sign-off-journey.js';
import { clickParagraph, letterText, saveStatus, saveStatusText, tabTo, uniqueText } from './support/workspace.js';

const signatoryOffices = new Set(['fi-interior', 'ee-interior']);

function suggestionsList(page: Page): Locator {
  return page.getByRole('region', { name: /^Suggestions/ });
}

test('S13 an Estonian approver suggests, a Finnish drafter accepts one and rejects another, and Estonia approves the result', async ({ browser }) => {
  test.info().setTimeout(180_000);
  const helena = await openPerson(browser, 'helena@fi-interior.example');
  const aino = await openPerson(browser, 'aino@fi-interior.example');
  const kadri = await openPerson(browser, 'kadri@ee-interior.example');

  const first = uniqueText('We call for faster returns');
  const second = uniqueText('We ask for funding of border agencies');
  const letterUrl = await startLetterInReview(helena, { title: uniqueText('Joint letter on proposals'), officeIds: signatoryOffices, paragraphs: [first, second] });

  // Kadri approves for Estonia but does not draft: she may only suggest.
  const letterId = letterUrl.split('/').at(-1)!;
  const { members } = memberListResponseSchema.parse(await (await helena.request.get(`/api/letters/${letterId}/members`)).json());
  const kadriId = members.find((member) => member.name === 'Kadri Tamm')!.userId;
  expect((await helena.request.put(`/api/letters/${letterId}/members/${kadriId}`, { data: { roles: ['approver'] } })).status()).toBe(200);

  for (const page of [aino, kadri]) {
    await page.goto(letterUrl);
    await expect(saveStatus(page)).toHaveText(saveStatusText.saved);
  }

  // The editor only suggests for her: the switch shows it is on, and she cannot turn it off.
  const kadriSwitch = kadri.getByRole('button', { name: 'Suggesting' });
  await expect(kadriSwitch).toHaveAttribute('aria-pressed', 'true');
  await expect(kadriSwitch).toBeDisabled();
  await expect(kadri.getByText('You can propose changes; people who edit the letter accept or reject them.')).toBeVisible();

  // She proposes words at the end of paragraph 1 and the deletion of its first word, words at the
  // start of paragraph 2 and the deletion of its last word.
  await clickParagraph(kadri, first);
  await kadri.keyboard.press('End');
  await kadri.keyboard.type(' within three months');
  // The server's confirmation and the proposal's hover title redraw the text: a key pressed while
  // they arrive may find the caret where the editor last knew it, so she goes on once they are in.
  await expect(saveStatus(kadri)).toHaveText(saveStatusText.saved);
  await expect(letterText(kadri).getByRole('insertion').filter({ hasText: 'within three months' }).locator('[title]').first()).toHaveAttribute('title', /Kadri Tamm/);
  await kadri.keyboard.press('Home');
  for (let i = 0; i < 'We '.length; i++) await kadri.keyboard.press('Delete');
  const lastWord = second.split(' ').at(-1)!;
  await clickParagraph(kadri, second);
  await kadri.keyboard.press('Home');
  // Accented letters come from dead keys, which the browser sends as a composition, like an input method.
  const composition = await kadri.context().newCDPSession(kadri);
  const compose = async (dead: string, letter: string, typedSoFar: string) => {
    await composition.send('Input.imeSetComposition', { text: dead, selectionStart: 1, selectionEnd: 1 });
    await composition.send('Input.insertText', { text: letter });
    // The editor reads a composition once it has ended: the letter shows before the next key.
    await expect(letterText(kadri).getByRole('insertion').filter({ hasText: 'Also' })).toHaveText(typedSoFar);
  };
  await kadri.keyboard.type('Also, ');
  await compose('`', 'à', 'Also, à');
  await kadri.keyboard.type(' l’unanimit');
  await compose('´', 'é', 'Also, à l’unanimité');
  await kadri.keyboard.type(', ');
  // Paragraph 2 is the last one, and may take two lines: to its very end.
  await kadri.keyboard.press('Control+End');
  for (let i = 0; i < lastWord.length; i++) await kadri.keyboard.press('Backspace');
  // Formatting and new paragraphs are not suggestions: the toolbar is off, Enter is refused with the reason.
  await expect(kadri.getByRole('toolbar', { name: 'Text formatting' }).getByRole('button', { name: 'Bold' })).toBeDisabled();
  await kadri.keyboard.press('Enter');
  await expect(kadri.getByText(/Splitting or joining paragraphs cannot be proposed as a suggestion yet/)).toBeVisible();
  await expect(saveStatus(kadri)).toHaveText(saveStatusText.saved);

  // The proposals are in the text, struck through or underlined, with who proposed them, for which office, on hover.
  const inserted = letterText(kadri).getByRole('insertion').filter({ hasText: 'within three months' });
  await expect(inserted).toHaveText(' within three months');
  await expect(inserted.locator('[title]').first()).toHaveAttribute('title', /^Proposed insertion by Kadri Tamm \(Estonia – Ministry of the Interior\), /);
  // Others' carets (Helena's, at the end of paragraph 2) may sit inside the marked words with their name.
  await expect(letterText(kadri).getByRole('deletion').filter({ hasText: lastWord })).toContainText(lastWord);
  await expect(letterText(kadri)).toContainText(second);

  // Aino, who drafts for Finland, sees both in the side list.
  const list = suggestionsList(aino);
  await expect(list.getByRole('heading', { name: 'Suggestions (4)' })).toBeVisible();
  await expect(list).toContainText('Kadri Tamm, Estonia – Ministry of the Interior');
  await expect(list).toContainText('Estonia – Ministry of the Interior: 4 suggestions');
  await expectNoAxeViolations(aino);
  await list.getByRole('heading', { name: 'By office' }).scrollIntoViewIfNeeded();
  await aino.screenshot({ path: test.info().outputPath('suggestions-by-office.png') });

  // She accepts the insertion by keyboard alone, and rejects the deletion.
  const accept = list.getByRole('button', { name: /^Accept: Insert “ within three months”/ });
  await tabTo(aino, accept, { maxPresses: 80 });
  await aino.keyboard.press('Enter');
  await expect(list.getByRole('status')).toHaveText('Suggestion in paragraph 1 accepted.');
  // The decided suggestion's buttons are gone; the keyboard focus waits on the list's heading.
  await expect(list.getByRole('heading', { name: /^Suggestions/ })).toBeFocused();
  await list.getByRole('button', { name: new RegExp(`^Reject: Delete “${lastWord}”`) }).click();
  await expect(list.getByRole('heading', { name: 'Suggestions (2)' })).toBeVisible();
  // The other two, in both paragraphs, she accepts at once for all of Estonia, by keyboard too.
  const acceptAll = list.getByRole('button', { name: 'Accept all from Estonia – Ministry of the Interior' });
  await tabTo(aino, acceptAll, { maxPresses: 10 });
  await aino.keyboard.press('Enter');
  await expect(list.getByRole('status')).toHaveText('Accepted: 2 suggestions from Estonia – Ministry of the Interior.');
  await expect(list.getByRole('heading', { name: 'Suggestions (0)' })).toBeVisible();

  // Kadri sees the accepted words as plain text and the rejected deletion gone, then approves.
  const accepted = `${first.slice('We '.length)} within three months`;
  await expect(letterText(kadri).getByRole('insertion')).toHaveCount(0);
  await expect(letterText(kadri).getByRole('deletion')).toHaveCount(0);
  await expect(letterText(kadri)).toContainText(accepted);
  await expect(letterText(kadri)).not.toContainText(first);
  await expect(letterText(kadri)).toContainText(`Also, à l’unanimité, ${second}`);
  await expect(suggestionsList(kadri).getByRole('heading', { name: 'Suggestions (0)' })).toBeVisible();
  await clickParagraph(kadri, accepted);
  const panel = kadri.getByRole('region', { name: 'Sign-off of paragraph 1' });
  await panel.getByRole('button', { name: 'Approve' }).click();
  // The panel moves on to the next paragraph; back in paragraph 1 the approval shows.
  await expect(kadri.getByRole('heading', { name: 'Sign-off of paragraph 2' })).toBeFocused();
  await clickParagraph(kadri, accepted);
  await expect(panel.getByRole('listitem').filter({ hasText: /^\s*Estonia/ })).toContainText('Approved by Kadri');

  for (const page of [helena, aino, kadri]) await page.context().close();
});

test('S13 a drafter who deletes an Estonian proposal outright cannot undo it into her own name, and the letter stays saved', async ({ browser }) => {
  test.info().setTimeout(120_000);
  const helena = await openPerson(browser, 'helena@fi-interior.example');
  const kadri = await openPerson(browser, 'kadri@ee-interior.example');
  const first = uniqueText('We call for faster returns');
  const letterUrl = await startLetterInReview(helena, { title: uniqueText('Joint letter on undo'), officeIds: signatoryOffices, paragraphs: [first] });
  await kadri.goto(letterUrl);
  await expect(saveStatus(kadri)).toHaveText(saveStatusText.saved);

  // Kadri turns Suggesting on from the keyboard and proposes words at the end of the paragraph.
  const suggesting = kadri.getByRole('button', { name: 'Suggesting' });
  await tabTo(kadri, suggesting, { maxPresses: 60 });
  await kadri.keyboard.press('Space');
  await expect(suggesting).toHaveAttribute('aria-pressed', 'true');
  await kadri.locator('.suggesting-bar').screenshot({ path: test.info().outputPath('suggesting-switch-focused.png') });
  await clickParagraph(kadri, first);
  await kadri.keyboard.press('End');
  await kadri.keyboard.type(' at once');
  // Her caret moves away, so that Helena's arrow keys do not step over its name.
  await kadri.keyboard.press('Home');
  await expect(saveStatus(kadri)).toHaveText(saveStatusText.saved);
  await expect(letterText(helena).getByRole('insertion')).toHaveText(' at once');

  // Helena, editing directly, selects the paragraph with the proposal and deletes it, then presses undo.
  await clickParagraph(helena, first);
  await helena.keyboard.press('End');
  await helena.keyboard.press('Shift+Home');
  await helena.keyboard.press('Backspace');
  await expect(letterText(kadri)).not.toContainText(first);
  await expect(saveStatus(helena)).toHaveText(saveStatusText.saved);
  await helena.keyboard.press('Control+z');
  await expect(helena.getByText(/This step cannot be undone here: it would bring back someone else’s suggestion under your name/)).toBeVisible();

  // Nothing was sent that the server refuses: she stays connected, and her next edit is saved and undone on its own.
  const restated = uniqueText('We call for returns');
  await helena.keyboard.type(restated);
  await expect(saveStatus(helena)).toHaveText(saveStatusText.saved);
  await expect(letterText(kadri)).toContainText(restated);
  await expect(helena.getByText(/The server refused a change from this tab/)).toHaveCount(0);
  await helena.keyboard.press('Control+z');
  await expect(letterText(kadri)).not.toContainText(restated);
  await expect(saveStatus(helena)).toHaveText(saveStatusText.saved);
  await expect(letterText(kadri).getByRole('insertion')).toHaveCount(0);
  await expect(helena.getByText(/The server refused a change from this tab/)).toHaveCount(0);

  for (const page of [helena, kadri]) await page.context().close();
});
