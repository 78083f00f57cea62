import { expect, test } from '@playwright/test';
import { fixtureBytes } from '../fixtures/interchange/import-fixture.js';
import { expectNoViolations } from './support/accessibility.js';
import { demoCoordinator, demoUserOf, letterText, saveStatus, saveStatusText, signIn, uniqueText } from './support/workspace.js';

test('a coordinator imports a ministry text with "•" bullet lines and no heading; the preview warns of a long paragraph, and a drafter of a named office reads the lists', async ({ browser }) => {
  const coordinatorContext = await browser.newContext();
  const drafterContext = await browser.newContext();
  try {
    const helena = await coordinatorContext.newPage();
    await signIn(helena, demoCoordinator.email);
    const importer = helena.getByRole('region', { name: 'Import a letter' });
    await importer.getByLabel('Markdown or Word file').setInputFiles({
      name: 'ministry-bullets.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from(fixtureBytes('ministry-bullets.md')),
    });

    // The first line names the letter, not the file name; the long paragraph is named before anything exists.
    const preview = importer.getByRole('form', { name: 'The letter from “ministry-bullets.md”' });
    await expect(preview.getByLabel('Title')).toHaveValue('Joint letter on the instrumentalisation of migration at the external border');
    await expect(preview.getByLabel('Subject')).toHaveValue('Protecting the external border against hybrid attacks');
    await expect(preview).toContainText('12 paragraphs.');
    const warning = preview.getByRole('group', { name: /1 paragraph is too long to sign off one by one/ });
    await expect(warning.getByRole('listitem')).toHaveText(['Paragraph 1 (1,268 characters): “Over the past months the external border of…”']);
    await expectNoViolations(helena);
    await helena.screenshot({ path: '/tmp/letters-import-preview.png', fullPage: true });

    // By keyboard: a new title, then create.
    const title = uniqueText('Instrumentalisation at the external border');
    await preview.getByLabel('Title').fill(title);
    await preview.getByLabel('Title').press('Enter');
    await expect(helena).toHaveURL(/\/letters\/[0-9a-f-]{36}$/);
    await expect(helena.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(saveStatus(helena)).toHaveText(saveStatusText.saved);

    const bulletLists = letterText(helena).getByRole('list');
    await expect(bulletLists).toHaveCount(4);
    // Each item ends with its words (the sign-off marks in the margin come first).
    await expect(bulletLists.first().getByRole('listitem')).toHaveText([
      /present a legal framework that allows Member States to respond to instrumentalisation swiftly;$/,
      /make funding available for fences, surveillance and staff at the affected sections of the border;$/,
      /support the return of persons without a right to stay\.$/,
    ]);
    await expect(letterText(helena)).not.toContainText('•');

    // The Estonian desk officer, a drafter of a signatory office named in the file, reads the same lists.
    const kadri = await drafterContext.newPage();
    await signIn(kadri, demoUserOf('ee-interior').email);
    await kadri.getByRole('link', { name: title }).click();
    await expect(saveStatus(kadri)).toHaveText(saveStatusText.saved);
    await expect(letterText(kadri).getByRole('list')).toHaveCount(4);
    await expect(letterText(kadri).getByRole('list').nth(1).getByRole('listitem')).toHaveText([
      /share information on routes and organisers every week;$/,
      /second border guards to the most affected sections\.$/,
    ]);
    await expect(kadri.getByRole('region', { name: 'Signatures' }).getByRole('listitem')).toHaveText([/Aino Lehtonen/, /Kaido Mets/]);
    await expectNoViolations(kadri);
    await kadri.screenshot({ path: '/tmp/letters-import-lists.png', fullPage: false });
  } finally {
    await coordinatorContext.close();
    await drafterContext.close();
  }
});
