import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, openPerson, startLetterInReview } from './support/sign-off-journey.js';
import { clickParagraph, tabTo, uniqueText } from './support/workspace.js';

test('a mention in a comment reaches the other person’s bell live; she reads and marks it with the keyboard alone', async ({ browser }) => {
  test.info().setTimeout(120_000);
  const helena = await openPerson(browser, 'helena@fi-interior.example');
  const kadri = await openPerson(browser, 'kadri@ee-interior.example');
  // Earlier journeys on this server may have left Kadri notices: she reads them first, so that the
  // counts below are this journey's own.
  const bell = kadri.getByRole('button', { name: /^Notifications/ });
  const earlier = await kadri.request.get('/api/notifications');
  if (((await earlier.json()) as { unread: number }).unread > 0) {
    await expect(bell).toHaveAccessibleName(/unread$/);
    await bell.click();
    await kadri.getByRole('button', { name: 'Mark all read' }).click();
    await expect(bell).toHaveAccessibleName('Notifications');
    await kadri.keyboard.press('Escape');
  }
  const title = uniqueText('Joint letter with a question for Estonia');
  const paragraph = uniqueText('We ask the Commission to fund the border guards');
  await startLetterInReview(helena, { title, officeIds: new Set(['fi-interior', 'ee-interior']), paragraphs: [paragraph] });

  // Kadri stays on the letters list: her bell hears that the review began, without a reload.
  await expect(bell).toHaveAccessibleName('Notifications, 1 unread');

  // Helena asks Kadri by name in a comment on the paragraph.
  await clickParagraph(helena, paragraph);
  const comments = helena.getByRole('region', { name: 'Comments' });
  await comments.getByLabel(/^Comment on /).focus();
  await helena.keyboard.type('Can Tallinn agree to this wording, @Kadri Tamm?');
  await comments.getByRole('button', { name: 'Add the comment' }).focus();
  await helena.keyboard.press('Enter');
  await expect(comments.getByRole('article', { name: 'On paragraph 1' })).toContainText('@Kadri Tamm');

  // Kadri's count rises by itself; she opens the list with the keyboard and finds the mention.
  await expect(bell).toHaveAccessibleName('Notifications, 2 unread');
  await tabTo(kadri, bell, { maxPresses: 80 });
  await kadri.keyboard.press('Enter');
  const list = kadri.getByRole('list', { name: 'Your notifications' });
  const mentionName = `Helena Virtanen mentioned you or your office in “${title}”`;
  await expect(list.getByRole('link', { name: `Unread: ${mentionName}` })).toBeVisible();
  await expectNoAxeViolations(kadri);

  // She marks it read: the count falls on her page, the item stays, now read.
  const markRead = list.getByRole('listitem').filter({ hasText: 'mentioned you' }).getByRole('button', { name: /^Mark read/ });
  await tabTo(kadri, markRead);
  await kadri.keyboard.press('Enter');
  await expect(bell).toHaveAccessibleName('Notifications, 1 unread');
  await expect(list.getByRole('link', { name: mentionName })).toBeVisible();
  await kadri.keyboard.press('Escape');
  await expect(list).toBeHidden();
  await expect(bell).toBeFocused();

  // A mention of her office as a whole reaches her too, live.
  await clickParagraph(helena, paragraph);
  await comments.getByLabel(/^Comment on /).focus();
  await helena.keyboard.type('@Estonia, please confirm by Friday.');
  await comments.getByRole('button', { name: 'Add the comment' }).focus();
  await helena.keyboard.press('Enter');
  await expect(bell).toHaveAccessibleName('Notifications, 2 unread');

  for (const page of [helena, kadri]) await page.context().close();
});
