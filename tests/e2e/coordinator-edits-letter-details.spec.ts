import fs from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import mammoth from 'mammoth';
import { expectNoViolations } from './support/accessibility.js';
import { demoCoordinator, demoUserOf, loadOffices, saveStatus, saveStatusText, signIn, uniqueText } from './support/workspace.js';

async function download(page: Page, label: string): Promise<Buffer> {
  const toggle = page.getByRole('button', { name: 'Download', exact: true });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('list', { name: 'Download the letter as' }).getByRole('button', { name: label }).click()]);
  return fs.readFileSync((await file.path())!);
}

test('D1 D2 the coordinator sets the signing order and date at creation, then edits the details; a drafter sees them live, in the history and in the exports', async ({ browser }) => {
  const coordinatorContext = await browser.newContext();
  const drafterContext = await browser.newContext();
  try {
    const helena = await coordinatorContext.newPage();
    const kadri = await drafterContext.newPage();
    await signIn(helena, demoCoordinator.email);
    const offices = await loadOffices(helena.request);
    const estonia = offices.find((office) => office.id === 'ee-interior')!;
    const finland = offices.find((office) => office.id === 'fi-interior')!;

    // Creation: Finland and Estonia only, Estonia moved up to sign first, with the keyboard.
    const form = helena.getByRole('region', { name: 'New letter' });
    const title = uniqueText('Joint letter on hybrid threats');
    await form.getByLabel('Title').fill(title);
    await form.getByLabel('Date').fill('2026-12-18');
    const choices = form.getByRole('group', { name: 'Signatory offices' });
    for (const office of offices) {
      if (office.id !== estonia.id && office.id !== finland.id) await choices.getByRole('checkbox', { name: new RegExp(`^${office.country}:`) }).uncheck();
    }
    const moveUp = choices.getByRole('button', { name: `Move ${estonia.country}: ${estonia.nameEn} up` });
    while (await moveUp.isEnabled()) {
      await moveUp.focus();
      await helena.keyboard.press('Enter');
    }
    await expect(moveUp).toBeDisabled();
    await expect(choices.getByRole('status')).toHaveText(`${estonia.country}: ${estonia.nameEn} moved to place 1 of ${offices.length}.`);
    const placeOfFinland = (await choices.getByRole('checkbox').evaluateAll((boxes) => boxes.map((box) => box.id))).indexOf(`office-${finland.id}`);
    expect(placeOfFinland).toBeGreaterThan(0);
    await form.getByRole('button', { name: 'Create letter' }).click();

    await expect(helena).toHaveURL(/\/letters\/[0-9a-f-]{36}$/);
    await expect(helena.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(saveStatus(helena)).toHaveText(saveStatusText.saved);
    const signatures = helena.getByRole('region', { name: 'Signatures' }).getByRole('listitem');
    await expect(signatures).toHaveCount(2);
    await expect(signatures.nth(0)).toContainText(estonia.ministerName);
    await expect(signatures.nth(1)).toContainText(finland.ministerName);
    await expect(helena.getByText('18 December 2026')).toBeVisible();

    // The Estonian desk officer drafts on the letter: no form for the details, but their history.
    await signIn(kadri, demoUserOf('ee-interior').email);
    await kadri.goto(new URL(helena.url()).pathname);
    await expect(kadri.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(saveStatus(kadri)).toHaveText(saveStatusText.saved);
    await expect(kadri.getByRole('button', { name: 'Edit details' })).toHaveCount(0);

    // The coordinator edits, by keyboard; a blank title and a long subject are explained next to the fields.
    const edit = helena.getByRole('button', { name: 'Edit details' });
    await edit.focus();
    await helena.keyboard.press('Enter');
    const details = helena.getByRole('form', { name: 'Letter details' });
    await expect(details.getByLabel('Title')).toBeFocused();
    await expect(details.getByLabel('Title')).toHaveValue(title);
    await details.getByLabel('Title').fill('');
    await details.getByLabel('Subject').fill('s'.repeat(501));
    await details.getByRole('button', { name: 'Save details' }).click();
    await expect(details.getByText('Enter a title.')).toBeVisible();
    await expect(details.getByText('Shorten the subject to 500 characters or fewer.')).toBeVisible();
    await expect(details.getByLabel('Title')).toBeFocused();
    await expectNoViolations(helena);
    await helena.screenshot({ path: '/tmp/letters-details-form-errors.png', fullPage: false });

    const newTitle = uniqueText('Joint letter on the instrumentalisation of migrants');
    await details.getByLabel('Title').fill(newTitle);
    await details.getByLabel('Subject').fill('Hybrid attacks at the external border');
    await details.getByLabel('Addressees').fill('Ursula von der Leyen, President of the European Commission\nMagnus Brunner, Commissioner for Internal Affairs and Migration');
    await details.getByLabel('Date').fill('2026-12-24');
    await details.getByLabel('Date').press('Enter');
    await expect(helena.getByRole('status').filter({ hasText: 'Letter details saved.' })).toBeVisible();
    await expect(details).toHaveCount(0);
    await expect(edit).toBeFocused();
    await expect(helena.getByRole('heading', { level: 1, name: newTitle })).toBeVisible();

    // The drafter's open page follows without a reload.
    await expect(kadri.getByRole('heading', { level: 1, name: newTitle })).toBeVisible();
    await expect(kadri).toHaveTitle(`${newTitle} – Jointly`);
    await expect(kadri.getByText('Subject: Hybrid attacks at the external border')).toBeVisible();
    await expect(kadri.getByRole('list', { name: 'To' }).getByRole('listitem')).toHaveText([
      'Ursula von der Leyen, President of the European Commission',
      'Magnus Brunner, Commissioner for Internal Affairs and Migration',
    ]);
    await expect(kadri.getByText('24 December 2026')).toBeVisible();

    await kadri.getByRole('button', { name: 'Details history' }).click();
    const history = kadri.getByRole('region', { name: 'Changes to the letter’s details' });
    await expect(history.getByRole('listitem').first()).toContainText(demoCoordinator.name);
    await expect(history).toContainText(`Title: ${title} → ${newTitle}`);
    await expect(history).toContainText('Date: 18 December 2026 → 24 December 2026');
    await expect(history).toContainText('Subject: (none) → Hybrid attacks at the external border');
    await expectNoViolations(kadri);
    await kadri.screenshot({ path: '/tmp/letters-details-drafter.png', fullPage: true });

    // The exports carry the new details.
    const markdown = (await download(kadri, 'Markdown (.md)')).toString('utf8');
    expect(markdown).toContain(newTitle);
    expect(markdown).toContain('24 December 2026');
    expect(markdown).toContain('Magnus Brunner, Commissioner for Internal Affairs and Migration');
    const word = (await mammoth.extractRawText({ buffer: await download(kadri, 'Word (.docx)') })).value;
    expect(word).toContain(newTitle);
    expect(word).toContain('Hybrid attacks at the external border');
    expect(word).toContain('24 December 2026');
  } finally {
    await coordinatorContext.close();
    await drafterContext.close();
  }
});
