import { expect, test } from '@playwright/test';
import {
  demoLetterTitle,
  demoUserOf,
  letterText,
  openLetter,
  saveStatus,
  saveStatusText,
  signIn,
  typeNewParagraph,
  uniqueText,
} from './support/workspace.js';

test('a person who loses the network keeps typing; the edits arrive when the connection returns', async ({ browser }) => {
  const traveller = await browser.newContext();
  const colleague = await browser.newContext();
  const pageA = await traveller.newPage();
  const pageB = await colleague.newPage();
  await signIn(pageA, demoUserOf('lt-interior').email);
  await signIn(pageB, demoUserOf('pl-interior').email);
  await openLetter(pageA, demoLetterTitle);
  await openLetter(pageB, demoLetterTitle);

  await traveller.setOffline(true);
  await expect(saveStatus(pageA)).toHaveText(saveStatusText.offline);

  const offlineText = uniqueText('Written on the train');
  await typeNewParagraph(pageA, offlineText);
  await expect(letterText(pageA)).toContainText(offlineText);
  await expect(saveStatus(pageA)).toHaveText(saveStatusText.offline);

  const meanwhile = uniqueText('Meanwhile in Warsaw');
  await typeNewParagraph(pageB, meanwhile);
  await expect(saveStatus(pageB)).toHaveText(saveStatusText.saved);
  await expect(letterText(pageB)).not.toContainText(offlineText);

  await traveller.setOffline(false);
  for (const page of [pageA, pageB]) {
    await expect(letterText(page)).toContainText(offlineText);
    await expect(letterText(page)).toContainText(meanwhile);
  }
  await expect(saveStatus(pageA)).toHaveText(saveStatusText.saved);

  await traveller.close();
  await colleague.close();
});

test('edits made offline survive closing the tab: they are kept in this browser and sent when the letter is opened again', async ({ browser }) => {
  const traveller = await browser.newContext();
  const colleague = await browser.newContext();
  const pageA = await traveller.newPage();
  const pageB = await colleague.newPage();
  await signIn(pageA, demoUserOf('lv-interior').email);
  await signIn(pageB, demoUserOf('no-justice').email);
  await openLetter(pageA, demoLetterTitle);
  await openLetter(pageB, demoLetterTitle);

  await traveller.setOffline(true);
  await expect(saveStatus(pageA)).toHaveText(saveStatusText.offline);
  const offlineText = uniqueText('Written before the battery died');
  await typeNewParagraph(pageA, offlineText);
  await expect(letterText(pageA)).toContainText(offlineText);
  await pageA.close();
  await traveller.setOffline(false);
  await expect(letterText(pageB)).not.toContainText(offlineText);

  const reopened = await traveller.newPage();
  await reopened.goto('/');
  await openLetter(reopened, demoLetterTitle);
  await expect(letterText(reopened)).toContainText(offlineText);
  await expect(letterText(pageB)).toContainText(offlineText);

  // The colleague's fresh load proves the server stored it.
  await pageB.reload();
  await expect(letterText(pageB)).toContainText(offlineText);

  await traveller.close();
  await colleague.close();
});

test('the copy kept in the browser is the signed-in person\'s only, and signing out removes it', async ({ browser }) => {
  const sharedComputer = await browser.newContext();
  const page = await sharedComputer.newPage();
  await signIn(page, demoUserOf('se-government').email);
  await openLetter(page, demoLetterTitle);

  await sharedComputer.setOffline(true);
  await expect(saveStatus(page)).toHaveText(saveStatusText.offline);
  const offlineText = uniqueText('Left on the shared computer');
  await typeNewParagraph(page, offlineText);
  await expect(letterText(page)).toContainText(offlineText);
  await page.close();
  await sharedComputer.setOffline(false);

  // Signing out from the list of letters, without opening the letter again, removes the copy.
  const next = await sharedComputer.newPage();
  await next.goto('/');
  await expect(next.getByRole('heading', { level: 1, name: 'Letters' })).toBeVisible();
  await next.getByRole('button', { name: 'Sign out' }).click();
  await expect(next.getByRole('heading', { level: 1, name: 'Sign in to Jointly' })).toBeVisible();

  for (const officeId of ['dk-immigration', 'se-government']) {
    await signIn(next, demoUserOf(officeId).email);
    await openLetter(next, demoLetterTitle);
    await expect(letterText(next), `what ${officeId} sees`).not.toContainText(offlineText);
    await next.getByRole('button', { name: 'Sign out' }).click();
    await expect(next.getByRole('heading', { level: 1, name: 'Sign in to Jointly' })).toBeVisible();
  }
  await sharedComputer.close();
});
