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

const readOnlyNote = 'You can read this letter; your role does not let you edit it.';

/** Ticks exactly `roles` for one member in the members panel and saves them. */
async function setRoles(panel: Locator, name: string, roles: string[]): Promise<void> {
  const choices = panel.getByRole('group', { name: `Roles of ${name}` });
  for (const role of ['Coordinator', 'Drafter', 'Approver', 'Observer']) {
    await choices.getByRole('checkbox', { name: role }).setChecked(roles.includes(role));
  }
  await panel.getByRole('button', { name: `Save roles of ${name}` }).click();
  await expect(panel.getByRole('status').filter({ hasText: `Roles of ${name} saved` })).toBeVisible();
}

test('a member made observer while the letter is open can no longer change it, live and after a reload', async ({ browser }) => {
  const member = demoUserOf('fi-interior');
  const coordinatorContext = await browser.newContext();
  const memberContext = await browser.newContext();
  const coordinator = await coordinatorContext.newPage();
  const reader = await memberContext.newPage();
  await signIn(coordinator, demoCoordinator.email);
  await signIn(reader, member.email);
  await openLetter(coordinator, demoLetterTitle);
  await openLetter(reader, demoLetterTitle);
  const bold = reader.getByRole('toolbar', { name: 'Text formatting' }).getByRole('button', { name: 'Bold' });
  await expect(letterText(reader)).toHaveAttribute('aria-readonly', 'false');
  await expect(reader.getByText(readOnlyNote)).toHaveCount(0);

  // A correction leaves deleted text in the document, which every copy of it carries along.
  const corrected = uniqueText('The coordinator corrects a typo');
  await typeNewParagraph(coordinator, `${corrected}x`);
  await coordinator.keyboard.press('Backspace');
  await expect(saveStatus(coordinator)).toHaveText(saveStatusText.saved);
  await expect(letterText(reader)).toContainText(corrected);

  const panel = await openMembers(coordinator);
  // She stays Finland's approver: only the workspace or Finland's own administrator could make her one again.
  await setRoles(panel, member.name, ['Observer', 'Approver']);
  await expect(panel.getByRole('listitem').filter({ hasText: member.name }).getByRole('checkbox', { name: 'Observer' })).toBeChecked();

  // The open editor turns read-only at once, and says why.
  await expect(reader.getByRole('status').filter({ hasText: 'The coordinator changed your role' })).toHaveText(
    'The coordinator changed your role: you can now read this letter but not edit it.',
  );
  await expect(reader.getByText(readOnlyNote)).toBeVisible();
  await expect(letterText(reader)).toHaveAttribute('aria-readonly', 'true');
  await expect(bold).toBeDisabled();

  // Typing changes nothing, and the server does not have to refuse anything.
  const before = await letterText(reader).innerText();
  const attempt = uniqueText('An observer tries to write');
  await letterText(reader).click();
  await reader.keyboard.press('Control+End');
  await reader.keyboard.type(attempt);
  await reader.keyboard.press('Enter');
  await reader.keyboard.press('Control+B');
  await expect(letterText(reader)).not.toContainText(attempt);
  expect(await letterText(reader).innerText()).toBe(before);
  await expect(reader.getByRole('alert')).toHaveCount(0);
  await expect(letterText(coordinator)).not.toContainText(attempt);

  // Reconnecting with a copy of the text is not writing: the server keeps the connection.
  await memberContext.setOffline(true);
  await expect(saveStatus(reader)).toHaveText(saveStatusText.offline);
  await memberContext.setOffline(false);
  await expect(saveStatus(reader)).toHaveText(saveStatusText.saved);
  await expect(reader.getByRole('alert')).toHaveCount(0);

  await reader.reload();
  await expect(saveStatus(reader)).toHaveText(saveStatusText.saved);
  await expect(reader.getByText(readOnlyNote)).toBeVisible();
  await expect(letterText(reader)).toHaveAttribute('aria-readonly', 'true');
  expect(await letterText(reader).innerText()).toBe(before);
  await expect(reader.getByRole('alert')).toHaveCount(0);

  // Made a drafter again, the person can write again, without reloading.
  await setRoles(panel, member.name, ['Drafter', 'Approver']);
  await expect(reader.getByRole('status').filter({ hasText: 'The coordinator changed your role' })).toHaveText(
    'The coordinator changed your role: you can now edit this letter.',
  );
  await expect(reader.getByText(readOnlyNote)).toHaveCount(0);
  const allowed = uniqueText('Back to drafting');
  await letterText(reader).click();
  await reader.keyboard.press('Control+End');
  await reader.keyboard.press('Enter');
  await reader.keyboard.type(allowed);
  await expect(saveStatus(reader)).toHaveText(saveStatusText.saved);
  await expect(letterText(coordinator)).toContainText(allowed);

  await coordinatorContext.close();
  await memberContext.close();
});
