import { expect, test } from '@playwright/test';
import { letterDetailSchema } from '../../shared/api/letters.js';
import {
  demoCoordinator,
  demoUserOf,
  letterText,
  openLetter,
  openMembers,
  signIn,
  uniqueText,
} from './support/workspace.js';

test('a member removed while the letter is open is disconnected and told why; added back, they can read it', async ({
  browser,
}) => {
  const member = demoUserOf('no-justice');
  const coordinatorContext = await browser.newContext();
  const memberContext = await browser.newContext();
  const coordinator = await coordinatorContext.newPage();
  const removed = await memberContext.newPage();
  await signIn(coordinator, demoCoordinator.email);
  // A letter of Finland and Norway: the Norwegian desk officer drafts it with the coordinator.
  const title = uniqueText('Nordic remarks on visa policy');
  const response = await coordinator.request.post('/api/letters', {
    data: { title, signatoryOfficeIds: ['fi-interior', 'no-justice'] },
  });
  expect(response.status()).toBe(201);
  const letter = letterDetailSchema.parse(await response.json());

  await signIn(removed, member.email);
  await openLetter(removed, title);
  await coordinator.goto(`/letters/${letter.id}`);
  await expect(letterText(coordinator)).toBeVisible();

  const panel = await openMembers(coordinator);
  const row = panel.getByRole('listitem').filter({ hasText: member.name });
  await row.getByRole('button', { name: `Remove ${member.name} from the letter` }).click();
  const confirmation = row.getByRole('group', { name: `Remove ${member.name} from this letter?` });
  await expect(confirmation.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await confirmation.getByRole('button', { name: `Remove ${member.name}` }).click();
  await expect(panel.getByRole('status').filter({ hasText: `${member.name} was removed from the letter.` })).toBeVisible();
  await expect(panel.getByRole('list', { name: 'Members' })).not.toContainText(member.name);

  await expect(removed.getByRole('alert')).toHaveText(
    /The coordinator removed you from this letter\. Ask them if you need access again\./,
  );
  await expect(letterText(removed)).toHaveAttribute('aria-readonly', 'true');
  await removed.getByRole('link', { name: 'Go to your letters' }).click();
  await expect(removed.getByRole('heading', { level: 1, name: 'Letters' })).toBeVisible();
  await expect(removed.getByRole('link', { name: title })).toHaveCount(0);

  // Added back from the list of people, as an observer this time.
  const add = panel.getByRole('form', { name: 'Add a person' });
  await add.getByLabel('Person').selectOption({ label: `${member.name} (Ministry of Justice and Public Security, Norway)` });
  const roles = add.getByRole('group', { name: 'Roles' });
  await roles.getByRole('checkbox', { name: 'Drafter' }).uncheck();
  await roles.getByRole('checkbox', { name: 'Approver' }).uncheck();
  await roles.getByRole('checkbox', { name: 'Observer' }).check();
  await add.getByRole('button', { name: 'Add to the letter' }).click();
  await expect(panel.getByRole('list', { name: 'Members' }).getByRole('listitem').filter({ hasText: member.name })).toBeVisible();

  await removed.reload();
  await openLetter(removed, title);
  await expect(removed.getByText('You can read this letter; your role does not let you edit it.')).toBeVisible();

  await coordinatorContext.close();
  await memberContext.close();
});
