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

test('two people from different offices edit the demo letter together and see each other', async ({ browser }) => {
  const estonian = demoUserOf('ee-interior');
  const swede = demoUserOf('se-government');
  // Two browser contexts: two people with their own sessions, syncing only through the server.
  const first = await browser.newContext();
  const second = await browser.newContext();
  test.info().annotations.push({ type: 'people', description: `${estonian.name}, ${swede.name}` });

  const pageA = await first.newPage();
  const pageB = await second.newPage();
  await signIn(pageA, estonian.email);
  await signIn(pageB, swede.email);
  await openLetter(pageA, demoLetterTitle);
  await openLetter(pageB, demoLetterTitle);

  const fromA = uniqueText('Estonia proposes');
  const fromB = uniqueText('Sweden agrees');
  await typeNewParagraph(pageA, fromA);
  await typeNewParagraph(pageB, fromB);

  for (const page of [pageA, pageB]) {
    await expect(letterText(page)).toContainText(fromA);
    await expect(letterText(page)).toContainText(fromB);
  }

  // Both are told everything is saved, including what arrived from the other person.
  await expect(saveStatus(pageA)).toHaveText(saveStatusText.saved);
  await expect(saveStatus(pageB)).toHaveText(saveStatusText.saved);

  // Each sees the other's caret, labelled with the other's name.
  await expect(letterText(pageA).getByText(swede.name, { exact: true })).toBeVisible();
  await expect(letterText(pageB).getByText(estonian.name, { exact: true })).toBeVisible();
  // And, in words, who else is here.
  await expect(pageA.getByRole('list', { name: 'Also here:' })).toContainText(swede.name);

  await first.close();
  await second.close();
});
