import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations, openPerson, startLetterInReview } from './support/sign-off-journey.js';
import { tabTo, uniqueText } from './support/workspace.js';

/** A moment a few seconds ahead, as a datetime-local field takes it (the browser's own time zone). */
async function localMomentFromNow(page: Page, seconds: number): Promise<string> {
  return page.evaluate((ahead) => {
    const at = new Date(Date.now() + ahead * 1000);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`;
  }, seconds);
}

test('a coordinator sets a deadline and reminds the late office; its approver’s bell updates live, by keyboard alone', async ({ browser }) => {
  test.info().setTimeout(120_000);
  const helena = await openPerson(browser, 'helena@fi-interior.example');
  const janis = await openPerson(browser, 'janis@lv-interior.example');
  const title = uniqueText('Joint letter on border deadlines');
  const letterUrl = await startLetterInReview(helena, {
    title,
    officeIds: new Set(['fi-interior', 'lv-interior']),
    paragraphs: [uniqueText('We ask the Commission to act before the summer')],
  });

  // Jānis is on the letters list, not on the letter: the bell there hears that the review began.
  const bell = janis.getByRole('button', { name: /^Notifications/ });
  await expect(bell).toHaveAccessibleName('Notifications, 1 unread');

  // Helena gives Latvia a deadline a few seconds ahead, with the keyboard only.
  const deadlines = helena.getByRole('region', { name: 'Deadline' });
  await expect(deadlines).toContainText('No deadline set.');
  const setDeadlines = deadlines.getByText('Set deadlines');
  await tabTo(helena, setDeadlines, { maxPresses: 120 });
  await helena.keyboard.press('Enter');
  const latviaField = deadlines.getByLabel('Deadline for Latvia (Ministry of the Interior)');
  await tabTo(helena, latviaField);
  await latviaField.fill(await localMomentFromNow(helena, 6));
  await tabTo(helena, deadlines.getByRole('button', { name: 'Save deadlines' }));
  await helena.keyboard.press('Enter');
  await expect(deadlines.getByRole('status')).toHaveText('Deadlines saved.');
  await expect(deadlines.getByRole('list', { name: 'Offices and their deadlines' })).toContainText(/Latvia \(Ministry of the Interior\): \d+ (seconds?|minutes?) left|less than a minute left/);

  // Once the deadline passes, Latvia shows as late, and the coordinator reminds it.
  const remindLate = deadlines.getByRole('button', { name: 'Remind late offices' });
  await expect(remindLate).toBeVisible({ timeout: 20_000 });
  await expect(deadlines).toContainText('Late: Latvia (Ministry of the Interior).');
  // The passed deadline reaches Jānis's bell by itself, live.
  await expect(bell).toHaveAccessibleName('Notifications, 2 unread', { timeout: 20_000 });
  await expectNoAxeViolations(helena);
  await tabTo(helena, remindLate, { backwards: true, maxPresses: 60 });
  await helena.keyboard.press('Enter');
  await expect(deadlines.getByRole('status')).toHaveText('Reminder sent to Latvia (Ministry of the Interior) (1 approver).');
  // At most once an hour: the office offers no second reminder now.
  await expect(deadlines.getByRole('list', { name: 'Offices and their deadlines' })).toContainText('Reminded; again from');

  // Jānis's bell counts the reminder without a reload; he reads it with the keyboard.
  await expect(bell).toHaveAccessibleName('Notifications, 3 unread');
  // From wherever the page left the focus: the letter page has many controls before it wraps to the top bar.
  await tabTo(janis, bell, { maxPresses: 150 });
  await janis.keyboard.press('Enter');
  const list = janis.getByRole('list', { name: 'Your notifications' });
  const reminder = list.getByRole('link', { name: `Unread: Reminder: “${title}” waits for your office` });
  await expect(reminder).toBeVisible();
  await expectNoAxeViolations(janis);
  const markRead = list.getByRole('listitem').filter({ hasText: 'Reminder:' }).getByRole('button', { name: /^Mark read/ });
  await tabTo(janis, markRead);
  await janis.keyboard.press('Enter');
  await expect(bell).toHaveAccessibleName('Notifications, 2 unread');
  await expect(list.getByRole('link', { name: `Reminder: “${title}” waits for your office` })).toBeVisible();
  await janis.keyboard.press('Escape');
  await expect(list).toBeHidden();
  await expect(bell).toBeFocused();

  // The letter opens from the notification: the bell still has the focus Escape gave back.
  await janis.keyboard.press('Enter');
  await tabTo(janis, list.getByRole('link', { name: /^Reminder:/ }));
  await janis.keyboard.press('Enter');
  await expect(janis).toHaveURL(letterUrl);

  for (const page of [helena, janis]) await page.context().close();
});
