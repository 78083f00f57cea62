import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectNoViolations } from './support/accessibility.js';
import { openPerson } from './support/sign-off-journey.js';
import { letterText, saveStatus, saveStatusText, uniqueText } from './support/workspace.js';

test('a saved version opens read-only with the letterhead, addressees, subject and signatures it had, and downloads as it was', async ({ browser }) => {
  test.info().setTimeout(120_000);
  const helena = await openPerson(browser, 'helena@fi-interior.example');
  const kadri = await openPerson(browser, 'kadri@ee-interior.example');
  try {
    // The coordinator starts a letter for Finland and Estonia, to the Commission.
    const form = helena.getByRole('region', { name: 'New letter' });
    const title = uniqueText('Joint letter on border funding');
    await form.getByLabel('Title').fill(title);
    await form.getByLabel('Subject').fill('Funding for the eastern border');
    await form.getByLabel('Addressees').fill('The President of the European Commission');
    const choices = form.getByRole('group', { name: 'Signatory offices' });
    for (const box of await choices.getByRole('checkbox').all()) {
      const name = (await box.getAttribute('id')) ?? '';
      if (name !== 'office-fi-interior' && name !== 'office-ee-interior') await box.uncheck();
    }
    await form.getByRole('button', { name: 'Create letter' }).click();
    await expect(helena.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await letterText(helena).click();
    await helena.keyboard.type('We ask for funding of the border infrastructure.');
    await expect(saveStatus(helena)).toHaveText(saveStatusText.saved);
    const letterPath = new URL(helena.url()).pathname;

    // She saves a version, then changes the details.
    await helena.getByRole('link', { name: 'Versions', exact: true }).click();
    await helena.getByLabel('Name of the version').fill('Sent to capitals');
    await helena.getByRole('button', { name: 'Save the version' }).click();
    await expect(helena.getByRole('table').getByRole('link', { name: 'Sent to capitals' })).toBeVisible();
    await helena.goto(letterPath);
    await helena.getByRole('button', { name: 'Edit details' }).click();
    const details = helena.getByRole('form', { name: 'Letter details' });
    const newTitle = uniqueText('Joint letter on hybrid threats');
    await details.getByLabel('Title').fill(newTitle);
    await details.getByLabel('Subject').fill('Hybrid attacks');
    await details.getByLabel('Addressees').fill('The Council');
    await details.getByRole('button', { name: 'Save details' }).click();
    await expect(helena.getByRole('heading', { level: 1, name: newTitle })).toBeVisible();

    // The Estonian drafter opens the version by keyboard: the letter as it was.
    await kadri.goto(letterPath);
    await expect(kadri.getByRole('heading', { level: 1, name: newTitle })).toBeVisible();
    await kadri.getByRole('link', { name: 'Versions', exact: true }).click();
    const versionLink = kadri.getByRole('table').getByRole('link', { name: 'Sent to capitals' });
    await versionLink.focus();
    await kadri.keyboard.press('Enter');
    await expect(kadri.getByRole('heading', { level: 1, name: 'Sent to capitals' })).toBeVisible();
    const version = kadri.getByRole('article');
    await expect(version.getByRole('heading', { level: 2, name: title })).toBeVisible();
    await expect(version.getByText('Subject: Funding for the eastern border')).toBeVisible();
    await expect(version.getByRole('list', { name: 'To' }).getByRole('listitem')).toHaveText(['The President of the European Commission']);
    await expect(version.getByRole('region', { name: 'Letterhead' }).getByRole('listitem')).toHaveCount(2);
    await expect(version.getByRole('region', { name: 'Signatures' }).getByRole('listitem')).toHaveCount(2);
    await expect(version).not.toContainText('Hybrid attacks');
    await expect(kadri.getByRole('document', { name: 'Text of the version' })).toContainText('We ask for funding of the border infrastructure.');
    await expectNoViolations(kadri);
    await kadri.screenshot({ path: '/tmp/letters-version-as-it-was.png', fullPage: true });

    await kadri.getByRole('button', { name: 'Download', exact: true }).click();
    const [file] = await Promise.all([
      kadri.waitForEvent('download'),
      kadri.getByRole('list', { name: 'Download this version as' }).getByRole('button', { name: 'Markdown (.md)' }).click(),
    ]);
    const markdown = fs.readFileSync((await file.path())!, 'utf8');
    expect(markdown).toContain(title);
    expect(markdown).toContain('The President of the European Commission');
    expect(markdown).not.toContain(newTitle);
    expect(markdown).not.toContain('The Council');
  } finally {
    await helena.context().close();
    await kadri.context().close();
  }
});
