import { expect, request as playwrightRequest, test } from '@playwright/test';
import { expectNoViolations } from './support/accessibility.js';
import { sessionCookie } from './support/node-sync-client.js';
import {
  demoAdministrator,
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

test('a colleague with a 200-character name: their caret label stays narrow over the text, the whole name in its title', async ({ browser, baseURL }) => {
  const swede = demoUserOf('se-government');
  // A new person of Estonia's office, named at the longest a name may be.
  const longName = `Kadri ${'Maarja-Liis '.repeat(16)}Tamm`.slice(0, 200);
  const admin = await playwrightRequest.newContext({ baseURL: baseURL! });
  const first = await browser.newContext();
  const second = await browser.newContext();
  try {
    await sessionCookie(admin, demoAdministrator.email);
    const created = await admin.post('/api/admin/users', {
      data: { name: longName, email: `${uniqueText('long-name').replace(/\W+/g, '-').toLowerCase()}@ee.example`, officeId: 'ee-interior' },
    });
    expect(created.status()).toBe(201);
    const { invitationUrl } = (await created.json()) as { invitationUrl: string };

    const pageA = await first.newPage();
    const pageB = await second.newPage();
    await signIn(pageA, swede.email);
    // A letter of Sweden and Estonia, written after the newcomer joined Estonia's office: they are on it.
    const title = uniqueText('Joint letter with a long name');
    const letter = await first.request.post('/api/letters', {
      data: { title, subject: 'Caret labels', addressees: [], signatoryOfficeIds: ['se-government', 'ee-interior'] },
    });
    expect(letter.status()).toBe(201);
    // The list was read before the letter existed.
    await pageA.reload();
    await openLetter(pageA, title);
    await typeNewParagraph(pageA, uniqueText('Sweden opens the letter'));
    await pageB.goto(new URL(invitationUrl).pathname);
    const password = 'four words make a password';
    await pageB.getByLabel('New password').fill(password);
    await pageB.getByLabel('Repeat the password').fill(password);
    await pageB.getByRole('button', { name: 'Set password and sign in' }).click();
    await openLetter(pageB, title);
    await typeNewParagraph(pageB, uniqueText('Estonia adds a line'));

    const label = letterText(pageA).getByText(longName, { exact: true });
    await expect(label).toBeVisible();
    // The caret is drawn again as the colleague's presence changes: measure whichever is shown.
    const labelWidth = async () => (await label.boundingBox())?.width ?? Number.POSITIVE_INFINITY;
    const text = (await letterText(pageA).boundingBox())!;
    // At most 14rem and its padding: it covers a few words, not the line.
    await expect.poll(labelWidth).toBeLessThanOrEqual(14 * 16 + 16);
    await expect.poll(labelWidth).toBeLessThan(text.width / 2);
    await expect(label).toHaveAttribute('title', longName);
    await expect(label).toHaveCSS('text-overflow', 'ellipsis');
    await expect(pageA.getByRole('list', { name: 'Also here:' })).toContainText(longName);
    await expectNoViolations(pageA);
  } finally {
    await first.close();
    await second.close();
    await admin.dispose();
  }
});
