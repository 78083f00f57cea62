import fs from 'node:fs';
import { expect, type Download, type Page, test } from '@playwright/test';
import mammoth from 'mammoth';
import { fixtureBytes, readFixture, snapshotOf } from '../fixtures/interchange/import-fixture.js';
import { aino, kadri, proposal, withProposals } from '../fixtures/interchange/suggested-letter.js';
import { letterToDocx } from '../../server/export/letter-to-docx.js';
import { SuggestionKind } from '../../shared/domain/suggestions.js';
import { pdfPages } from '../fixtures/interchange/pdf-text.js';
import { createTranslator } from '../../shared/i18n/translator.js';
import { expectNoViolations } from './support/accessibility.js';
import { demoCoordinator, letterText, saveStatus, saveStatusText, signIn, uniqueText } from './support/workspace.js';

const signers = ['Kärt Õunapuu', 'Gintarė Žukauskienė', 'Michał Łęcki-Ząbek'];

async function downloadAs(page: Page, label: string): Promise<{ download: Download; bytes: Buffer }> {
  const toggle = page.getByRole('button', { name: 'Download', exact: true });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('list', { name: 'Download the letter as' }).getByRole('button', { name: label }).click(),
  ]);
  return { download, bytes: fs.readFileSync((await download.path())!) };
}

test('a coordinator imports a Markdown letter, takes its addressees and signatories, and downloads it as Word and PDF', async ({ page }) => {
  await signIn(page, demoCoordinator.email);
  const importer = page.getByRole('region', { name: 'Import a letter' });
  await importer.getByLabel('Markdown or Word file').setInputFiles({
    name: 'border-training.md',
    mimeType: 'text/markdown',
    buffer: Buffer.from(fixtureBytes('border-training.md')),
  });

  // The preview: nothing exists yet, and the person decides on the offers.
  const preview = importer.getByRole('form', { name: 'The letter from “border-training.md”' });
  await expect(preview).toBeVisible();
  await expect(preview.getByLabel('Title')).toHaveValue('Joint training for border guards on the eastern frontier');
  await expect(preview.getByLabel('Subject')).toHaveValue('A shared curriculum and exchange of instructors');
  const addressees = preview.getByRole('group', { name: 'Addressees found in the file' });
  await expect(addressees.getByRole('listitem')).toHaveText(['The Director-General for Migration and Home Affairs', 'The Chair of the Working Party on Frontiers']);
  await expect(addressees.getByRole('checkbox')).toBeChecked();
  const signatures = preview.getByRole('group', { name: 'Signature blocks found in the file' });
  await expect(signatures.getByRole('listitem')).toHaveCount(3);
  for (const [index, signer] of signers.entries()) await expect(signatures.getByRole('listitem').nth(index)).toContainText(signer);
  await expect(preview).toContainText('1 footnote');
  await expectNoViolations(page);

  const title = uniqueText('Joint training for border guards');
  await preview.getByLabel('Title').fill(title);
  await preview.getByRole('button', { name: 'Create letter from file' }).click();

  // The letter: addressees and signatories from the file, the rest as text.
  await expect(page).toHaveURL(/\/letters\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(saveStatus(page)).toHaveText(saveStatusText.saved);
  await expect(page.getByRole('list', { name: 'To' }).getByRole('listitem')).toHaveText([
    'The Director-General for Migration and Home Affairs',
    'The Chair of the Working Party on Frontiers',
  ]);
  const signatureBlocks = page.getByRole('region', { name: 'Signatures' }).getByRole('listitem');
  await expect(signatureBlocks).toHaveCount(3);
  for (const [index, signer] of signers.entries()) await expect(signatureBlocks.nth(index)).toContainText(signer);
  await expect(letterText(page)).toContainText('We propose a common curriculum from next year.[1]');
  await expect(letterText(page).getByRole('heading', { name: 'Notes' })).toBeVisible();
  await expect(letterText(page)).not.toContainText('Kärt Õunapuu');

  const toggle = page.getByRole('button', { name: 'Download', exact: true });
  await toggle.click();
  await expectNoViolations(page);

  const word = await downloadAs(page, 'Word (.docx)');
  expect(word.download.suggestedFilename()).toBe(`${title}.docx`);
  const { value: wordText } = await mammoth.extractRawText({ buffer: word.bytes });
  expect(wordText).toContain(title);
  expect(wordText).toContain('Our three ministries train border guards in separate academies');
  for (const signer of signers) expect(wordText).toContain(signer);

  const pdf = await downloadAs(page, 'PDF');
  expect(pdf.download.suggestedFilename()).toBe(`${title}.pdf`);
  const pdfText = (await pdfPages(new Uint8Array(pdf.bytes))).join('\n');
  const positions = signers.map((signer) => pdfText.indexOf(signer));
  for (const position of positions) expect(position).toBeGreaterThan(pdfText.indexOf('Yours sincerely,'));
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);

  // Escape closes the menu and gives the focus back to its button.
  await page.keyboard.press('Escape');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle).toBeFocused();
});

test('a file that is not what it claims gets a clear message and creates no letter', async ({ page }) => {
  await signIn(page, demoCoordinator.email);
  const letterLinks = page.getByRole('region', { name: 'Your letters' }).getByRole('link');
  const before = await letterLinks.count();
  const importer = page.getByRole('region', { name: 'Import a letter' });
  await importer.getByLabel('Markdown or Word file').setInputFiles({ name: 'letter.docx', mimeType: '', buffer: Buffer.from('# Not a Word document\n') });
  await expect(importer.getByRole('alert')).toHaveText('The file is named .docx but is not a Word document.');
  await expect(importer.getByRole('form')).toHaveCount(0);
  await page.reload();
  await expect(letterLinks).toHaveCount(before);
});

test('a Word file with tracked changes comes in as the importer’s suggestions, counted in the preview', async ({ page }) => {
  const snapshot = withProposals(snapshotOf(await readFixture('coastal-patrols.md')), 'We write on behalf', [
    proposal('four ministries', SuggestionKind.insertion, kadri),
    proposal(' and the Gulf of Finland', SuggestionKind.deletion, aino),
  ]);
  await signIn(page, demoCoordinator.email);
  const importer = page.getByRole('region', { name: 'Import a letter' });
  await importer.getByLabel('Markdown or Word file').setInputFiles({ name: 'tracked.docx', mimeType: '', buffer: Buffer.from(await letterToDocx(snapshot)) });
  const preview = importer.getByRole('form', { name: 'The letter from “tracked.docx”' });
  await expect(preview).toContainText('2 tracked changes from Word come in as your suggestions');
  await expectNoViolations(page);
  await preview.getByLabel('Title').fill(uniqueText('Coastal patrols with tracked changes'));
  await preview.getByRole('button', { name: 'Create letter from file' }).click();
  await expect(page).toHaveURL(/\/letters\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('region', { name: /^Suggestions/ }).getByRole('heading', { name: 'Suggestions (2)' })).toBeVisible();
});

test.describe('an import preview in the person’s language', () => {
  // The language is stored with the account, and later journeys sign in as the same person.
  test.afterEach(async ({ page }) => {
    const reset = await page.request.put('/api/account/language', { data: { language: 'en' } });
    expect([200, 204, 401]).toContain(reset.status());
  });

  test('a person who works in Finnish reads in Finnish what the import changed', async ({ page }) => {
    const fi = createTranslator('fi');
    await signIn(page, demoCoordinator.email);
    await page.getByRole('banner').getByLabel('Language').selectOption('fi');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fi');

    const importer = page.getByRole('region', { name: fi.t('letters.importALetter') });
    const markdown = [
      '# Rajavartijoiden yhteinen koulutus',
      '',
      '> Lainaus raportista.',
      '',
      '```',
      'Kouluttajia: 4',
      '```',
      '',
      '![Kartta](https://example.org/kartta.png)',
      '',
      'Ehdotamme yhteistä \u202Eopetussuunnitelmaa\u202C.',
    ].join('\n');
    await importer.getByLabel(fi.t('import.markdownOrWordFile')).setInputFiles({ name: 'koulutus.md', mimeType: 'text/markdown', buffer: Buffer.from(markdown) });
    const preview = importer.getByRole('form', { name: fi.t('import.theLetterFrom', { fileName: 'koulutus.md' }) });
    const changes = preview.getByRole('list', { name: fi.t('import.whatChangedOnImport') }).getByRole('listitem');
    await expect(changes).toHaveText([
      fi.t('import.warningQuotations'),
      fi.t('import.warningCodeBlocks'),
      fi.t('import.warningImages'),
      fi.t('import.warningDirectionControls', { count: 2 }),
    ]);
    await expect(changes.first()).toHaveText('Lainaukset muutettiin tavallisiksi kappaleiksi.');
    await expectNoViolations(page);
  });
});
