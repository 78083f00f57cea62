import { expect, test, type Page } from '@playwright/test';
import type { Language } from '../../shared/i18n/languages.js';
import { createTranslator } from '../../shared/i18n/translator.js';
import { expectNoViolations } from './support/accessibility.js';
import { demoPassword } from './support/demo-password.mjs';
import { demoLetterTitle, demoUserOf } from './support/workspace.js';

const fi = createTranslator('fi' as Language);
const sv = createTranslator('sv' as Language);
const pl = createTranslator('pl' as Language);

test.use({ locale: 'fi-FI' });

// The choice is stored with the account, and other journeys sign in as the same person after this
// one (the journeys run one at a time): give the account its English back, also when this fails.
test.afterEach(async ({ page }) => {
  const reset = await page.request.put('/api/account/language', { data: { language: 'en' } });
  // 401: the journey ended before signing in, so it changed nothing.
  expect([200, 204, 401]).toContain(reset.status());
});

async function chooseLanguage(page: Page, label: string, language: string): Promise<void> {
  await page.getByRole('banner').getByLabel(label).selectOption(language);
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}

test('a person whose browser prefers Finnish gets Finnish, switches to Swedish without losing their words, and keeps Swedish', async ({ page }) => {
  const person = demoUserOf('fi-interior');

  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fi');
  await expect(page.getByRole('heading', { level: 1, name: fi.t('session.signInToJointly') })).toBeVisible();
  await expectNoViolations(page);
  await page.getByLabel(fi.t('session.eMailAddress')).fill(person.email);
  await page.getByLabel(fi.t('session.password'), { exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: fi.t('session.signIn'), exact: true }).click();

  await expect(page.getByRole('heading', { level: 1, name: fi.t('letters.letters') })).toBeVisible();
  await expectNoViolations(page);
  await page.getByRole('link', { name: demoLetterTitle }).click();
  const text = page.getByRole('textbox', { name: fi.t('editor.letterText') });
  await expect(page.getByRole('status', { name: fi.t('editor.saveStatus') })).toHaveText(fi.t('editor.allChangesSaved'));
  await expectNoViolations(page);

  // Words typed just before switching stay, and the letter keeps its own language.
  await text.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Kirjoitettu ennen vaihtoa.');
  await chooseLanguage(page, fi.t('session.language'), 'sv');
  const swedishText = page.getByRole('textbox', { name: sv.t('editor.letterText') });
  await expect(swedishText).toContainText('Kirjoitettu ennen vaihtoa.');
  await expect(page.locator('jl-editor')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('status', { name: sv.t('editor.saveStatus') })).toHaveText(sv.t('editor.allChangesSaved'));
  await expectNoViolations(page);

  // The sign-off panel and the dashboard in Swedish.
  await page.getByRole('link', { name: sv.t('signoff.signOffOverviewOfAll') }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(sv.t('signoff.signOffOverview')) })).toBeVisible();
  await expectNoViolations(page);

  // The choice is the account's: a reload (and any other browser) shows Swedish, not Finnish.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(sv.t('signoff.signOffOverview')) })).toBeVisible();

  await chooseLanguage(page, sv.t('session.language'), 'pl');
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(pl.t('signoff.signOffOverview')) })).toBeVisible();
  await expectNoViolations(page);
});
