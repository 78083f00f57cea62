import { expect, type Locator, test } from '@playwright/test';
import {
  demoCoordinator,
  demoLetterTitle,
  demoUserOf,
  letterText,
  openLetter,
  openMembers,
  saveStatus,
  saveStatusText,
  signIn,
  typeNewParagraph,
  uniqueText,
} from './support/workspace.js';
import { whenBrowserCopiesWritten } from './support/browser-copy.js';

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
  await whenBrowserCopiesWritten(pageA);
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
  await whenBrowserCopiesWritten(page);
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

/** Ticks exactly `roles` for one member in the members panel and saves them. */
async function setRoles(panel: Locator, name: string, roles: string[]): Promise<void> {
  const choices = panel.getByRole('group', { name: `Roles of ${name}` });
  for (const role of ['Coordinator', 'Drafter', 'Approver', 'Observer']) {
    await choices.getByRole('checkbox', { name: role }).setChecked(roles.includes(role));
  }
  await panel.getByRole('button', { name: `Save roles of ${name}` }).click();
  await expect(panel.getByRole('status').filter({ hasText: `Roles of ${name} saved` })).toBeVisible();
}

test('a kept copy the server refuses is removed with a message, and the letter opens again on reload', async ({ browser }) => {
  const member = demoUserOf('lt-interior');
  const coordinatorContext = await browser.newContext();
  const memberContext = await browser.newContext();
  const coordinator = await coordinatorContext.newPage();
  const writer = await memberContext.newPage();
  await signIn(coordinator, demoCoordinator.email);
  await signIn(writer, member.email);
  await openLetter(coordinator, demoLetterTitle);
  await openLetter(writer, demoLetterTitle);

  await memberContext.setOffline(true);
  await expect(saveStatus(writer)).toHaveText(saveStatusText.offline);
  const offlineText = uniqueText('Written before losing the right to edit');
  await typeNewParagraph(writer, offlineText);
  await expect(letterText(writer)).toContainText(offlineText);
  await whenBrowserCopiesWritten(writer);
  await writer.close();
  await memberContext.setOffline(false);

  const panel = await openMembers(coordinator);
  try {
    // The approver role stays: only the office's own administrators may give it back.
    await setRoles(panel, member.name, ['Observer', 'Approver']);

    // The copy now holds a change this person may not make: the server refuses it.
    const reopened = await memberContext.newPage();
    await reopened.goto('/');
    await reopened.getByRole('link', { name: demoLetterTitle }).click();
    const alert = reopened.getByRole('alert');
    await expect(alert).toContainText('The edits kept in this browser for this letter were removed');
    await expect(letterText(coordinator)).not.toContainText(offlineText);

    await alert.getByRole('button', { name: 'Reload the page' }).click();
    await expect(saveStatus(reopened)).toHaveText(saveStatusText.saved);
    await expect(reopened.getByRole('alert')).toHaveCount(0);
    await expect(letterText(reopened)).toContainText('Yours sincerely,');
    await expect(letterText(reopened)).not.toContainText(offlineText);
  } finally {
    await setRoles(panel, member.name, ['Drafter', 'Approver']);
  }
  await coordinatorContext.close();
  await memberContext.close();
});
