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
