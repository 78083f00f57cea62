import { expect, type Locator, type Page, test } from '@playwright/test';
import { expectNoAxeViolations, openPerson, startLetterInReview } from './support/sign-off-journey.js';
import { clickParagraph, letterText, saveStatus, saveStatusText, uniqueText } from './support/workspace.js';

const signatoryOffices = new Set(['fi-interior', 'ee-interior']);

/** Opens the history of the paragraph holding the caret and returns its timeline. */
async function openHistory(page: Page, number: number): Promise<Locator> {
  const toggle = page.getByRole('button', { name: `History of paragraph ${number}` });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  return page.getByRole('region', { name: `History of paragraph ${number}` }).getByRole('list', { name: 'Revisions, sign-offs, comments and reservations, newest first' });
}

/** The value of the option whose label starts with `name`, for a choice of versions. */
async function versionOption(select: Locator, name: string): Promise<string> {
  const value = await select.locator('option', { hasText: name }).getAttribute('value');
  if (!value) throw new Error(`no version named ${name}`);
  return value;
}

async function saveNamedVersion(page: Page, name: string): Promise<void> {
  await page.getByLabel('Name of the version').fill(name);
  await page.getByRole('button', { name: 'Save the version' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Saved the version “${name}”` })).toBeVisible();
  await expect(page.getByRole('table').getByRole('link', { name })).toBeVisible();
}

test('H1 H2 H3 H4 V1 V2 A1 two offices edit a paragraph in turns, read its history, restore it, compare named versions and check the audit trail', async ({
  browser,
}) => {
  test.info().setTimeout(150_000);
  const helena = await openPerson(browser, 'helena@fi-interior.example');
  const kadri = await openPerson(browser, 'kadri@ee-interior.example');

  // Finland's coordinator writes the paragraph; Estonia's drafter adds to it.
  const title = uniqueText('Joint letter on border funding');
  const original = uniqueText('We ask the Commission to fund the border agencies');
  const token = original.split(' ').at(-1)!;
  const letterUrl = await startLetterInReview(helena, { title, officeIds: signatoryOffices, paragraphs: [original] });
  await kadri.goto(letterUrl);
  await expect(saveStatus(kadri)).toHaveText(saveStatusText.saved);
  await clickParagraph(kadri, original);
  await kadri.keyboard.press('End');
  await kadri.keyboard.type(' within three months');
  await expect(saveStatus(kadri)).toHaveText(saveStatusText.saved);
  // Estonia approves the paragraph with its addition.
  const kadriPanel = kadri.getByRole('region', { name: 'Sign-off of paragraph 1' });
  await kadriPanel.getByRole('button', { name: 'Approve' }).click();
  await expect(kadriPanel.getByRole('listitem').filter({ hasText: /^\s*Estonia/ })).toContainText('Approved by Kadri');
  const kadriTimeline = await openHistory(kadri, 1);

  // H1: the history shows both turns, each attributed to its person and office, with a word diff.
  await expect(letterText(helena)).toContainText('within three months');
  await clickParagraph(helena, original);
  const timeline = await openHistory(helena, 1);
  await expect(timeline.getByRole('listitem').first()).toContainText('Approved for Estonia by Kadri Tamm');
  const kadriTurn = timeline.getByRole('listitem').nth(1);
  await expect(kadriTurn).toContainText('Edited by Kadri Tamm, Estonia');
  await expect(kadriTurn.getByRole('insertion')).toHaveText(/within three months/);
  const helenaTurn = timeline.getByRole('listitem').filter({ hasText: 'Helena Virtanen, Finland' }).filter({ hasText: token });
  await expect(helenaTurn).toHaveCount(1);
  await expect(helenaTurn.getByRole('insertion')).toContainText(token);
  await helena.screenshot({ path: '/tmp/history-panel.png', fullPage: true });
  await expectNoAxeViolations(helena);

  // H2: Finland restores its own text after a confirmation, by keyboard; both browsers show it and a restored revision.
  await helenaTurn.getByRole('button', { name: 'Restore this text' }).focus();
  await helena.keyboard.press('Enter');
  const confirmRestore = helenaTurn.getByRole('group', { name: 'Confirm the restore' }).getByRole('button', { name: 'Restore', exact: true });
  await expect(confirmRestore).toBeFocused();
  await helena.keyboard.press('Enter');
  await expect(helena.getByRole('status').filter({ hasText: 'Paragraph 1 is back to the text of' })).toBeVisible();
  for (const page of [helena, kadri]) {
    await expect(letterText(page)).not.toContainText('within three months');
    await expect(letterText(page)).toContainText(original);
  }
  await expect(timeline.getByRole('listitem').first()).toContainText('Restored from the revision of');
  await expect(timeline.getByRole('listitem').first()).toContainText('Helena Virtanen, Finland');
  await expect(timeline.getByRole('listitem').first().getByRole('deletion')).toHaveText(/within three months/);
  // H3: the other person's open history follows the change once it settles.
  await expect(kadriTimeline.getByRole('listitem').first()).toContainText('Restored from the revision of');
  // H4: what changed since Estonia approved, now that its approval is stale.
  await helena.getByLabel('Compare with what an office approved').selectOption({ label: 'Estonia' });
  const sinceApproval = helena.getByRole('region', { name: 'What changed since Estonia approved' });
  await expect(sinceApproval.getByRole('deletion')).toHaveText(/within three months/);
  await helena.screenshot({ path: '/tmp/history-restored.png', fullPage: true });

  // V1: the coordinator saves two named versions with a change between them.
  await helena.getByRole('link', { name: 'Versions', exact: true }).click();
  await expect(helena.getByRole('heading', { level: 1, name: `Versions: ${title}` })).toBeVisible();
  const before = uniqueText('Before the coast guards');
  await saveNamedVersion(helena, before);
  await helena.getByRole('link', { name: 'Back to the letter' }).click();
  await expect(saveStatus(helena)).toHaveText(saveStatusText.saved);
  await clickParagraph(helena, original);
  await helena.keyboard.press('End');
  await helena.keyboard.type(' and the coast guards');
  await expect(saveStatus(helena)).toHaveText(saveStatusText.saved);
  await helena.getByRole('link', { name: 'Versions', exact: true }).click();
  const after = uniqueText('With the coast guards');
  await saveNamedVersion(helena, after);

  // V2: comparing them shows the paragraph as changed, word by word.
  const from = helena.getByLabel('From');
  const to = helena.getByLabel('To', { exact: true });
  await from.selectOption(await versionOption(from, before));
  await to.selectOption(await versionOption(to, after));
  await helena.getByRole('button', { name: 'Compare', exact: true }).click();
  const comparison = helena.getByRole('region', { name: `From “${before}” to “${after}”` });
  const changed = comparison.getByRole('list', { name: 'Paragraphs compared' }).getByRole('listitem').filter({ hasText: 'Changed' });
  await expect(changed).toHaveCount(1);
  await expect(changed.getByRole('insertion')).toHaveText(/and the coast guards/);
  await expect(helena.getByRole('status').filter({ hasText: '1 paragraph changed' })).toBeAttached();
  await helena.screenshot({ path: '/tmp/versions-compared.png', fullPage: true });
  await expectNoAxeViolations(helena);

  // A version opens read-only, as it was saved.
  await helena.getByRole('table').getByRole('link', { name: before }).click();
  await expect(helena.getByRole('heading', { level: 1, name: before })).toBeVisible();
  await expect(helena.getByText(/Read-only version saved on .* by Helena Virtanen/)).toBeVisible();
  const versionText = helena.getByRole('document', { name: 'Text of the version' });
  await expect(versionText).toContainText(original);
  await expect(versionText).not.toContainText('coast guards');
  await expect(versionText).toHaveAttribute('contenteditable', 'false');
  await helena.screenshot({ path: '/tmp/version-read-only.png', fullPage: true });
  await expectNoAxeViolations(helena);
  await helena.getByRole('link', { name: 'All versions of the letter' }).click();
  await expect(helena.getByRole('heading', { level: 1, name: `Versions: ${title}` })).toBeVisible();

  // A1: the coordinator's audit trail is intact and holds the restore and both saves.
  await helena.getByRole('link', { name: 'Back to the letter' }).click();
  await helena.getByRole('link', { name: 'Audit trail' }).click();
  await expect(helena.getByRole('heading', { level: 1, name: `Audit trail: ${title}` })).toBeVisible();
  await expect(helena.getByRole('status').filter({ hasText: /The audit trail is intact: \d+ events checked\./ })).toBeVisible();
  const events = helena.getByRole('table').getByRole('row');
  await expect(events.filter({ hasText: 'Paragraph restored' }).filter({ hasText: 'Helena Virtanen' })).toHaveCount(1);
  await expect(events.filter({ hasText: 'Version saved' }).filter({ hasText: before })).toHaveCount(1);
  await expect(events.filter({ hasText: 'Version saved' }).filter({ hasText: after })).toHaveCount(1);
  await helena.screenshot({ path: '/tmp/audit-trail.png', fullPage: true });
  await expectNoAxeViolations(helena);
  const download = helena.waitForEvent('download');
  await helena.getByRole('link', { name: 'Download as CSV' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.csv$/);

  // Estonia's drafter is no coordinator: she reads and compares versions, but saves none and has no audit trail.
  await kadri.goto(letterUrl);
  await expect(saveStatus(kadri)).toHaveText(saveStatusText.saved);
  await expect(kadri.getByRole('link', { name: 'Audit trail' })).toHaveCount(0);
  await kadri.getByRole('link', { name: 'Versions', exact: true }).click();
  await expect(kadri.getByRole('heading', { level: 1, name: `Versions: ${title}` })).toBeVisible();
  await expect(kadri.getByLabel('Name of the version')).toHaveCount(0);
  // By default the newest version is compared with the text as it is now: nothing changed since.
  await kadri.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(kadri.getByRole('region', { name: new RegExp(`^From “${after}” to “`) })).toContainText('No differences');

  for (const page of [helena, kadri]) await page.context().close();
});
