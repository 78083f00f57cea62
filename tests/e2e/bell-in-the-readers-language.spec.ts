import { expect, type Page, test } from '@playwright/test';
import type { Language } from '../../shared/i18n/languages.js';
import { createTranslator } from '../../shared/i18n/translator.js';
import { expectNoAxeViolations, openPerson, startLetterInReview } from './support/sign-off-journey.js';
import { tabTo, uniqueText } from './support/workspace.js';

const en = createTranslator('en' as Language);
const sv = createTranslator('sv' as Language);
const fi = createTranslator('fi' as Language);

const pages: Page[] = [];
let erik: Page | null = null;

// Erik's choice is stored with his account, and later journeys sign in as him: give him English back, also when this fails.
test.afterEach(async () => {
  if (erik) {
    const reset = await erik.request.put('/api/account/language', { data: { language: 'en' } });
    expect(reset.status()).toBe(200);
  }
  for (const page of pages.splice(0)) await page.context().close();
  erik = null;
});

async function chooseLanguage(page: Page, label: string, language: string): Promise<void> {
  await page.getByRole('banner').getByLabel(label).selectOption(language);
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}

test('a Swedish-speaking approver reads the bell’s titles in Swedish, and in Finnish once he switches, without a reload', async ({ browser }) => {
  erik = await openPerson(browser, 'erik@se-government.example');
  pages.push(erik);
  await chooseLanguage(erik, en.t('session.language'), 'sv');
  const bell = erik.getByRole('button', { name: new RegExp(`^${sv.t('notifications.notifications')}`) });
  await expect(bell).toHaveAccessibleName(sv.t('notifications.notifications'));

  // Helena, in English, starts the review of a letter Sweden signs: Erik hears of it.
  const helena = await openPerson(browser, 'helena@fi-interior.example');
  pages.push(helena);
  const title = uniqueText('Joint letter on reception centres');
  await startLetterInReview(helena, { title, officeIds: new Set(['fi-interior', 'se-government']), paragraphs: [uniqueText('We ask the Commission for support')] });
  await expect(bell).toHaveAccessibleName(sv.t('notifications.notificationsUnread', { unread: 1 }));

  await tabTo(erik, bell, { maxPresses: 80 });
  await erik.keyboard.press('Enter');
  const list = erik.getByRole('list', { name: sv.t('notifications.yourNotifications') });
  await expect(list.getByRole('link', { name: `${sv.t('notifications.unread')} ”${title}” har gått till granskning` })).toBeVisible();
  await expectNoAxeViolations(erik);

  // The same notification, re-rendered in Finnish the moment he switches; Helena's page stays English.
  await chooseLanguage(erik, sv.t('session.language'), 'fi');
  const finnishList = erik.getByRole('list', { name: fi.t('notifications.yourNotifications') });
  await expect(finnishList.getByRole('link', { name: `${fi.t('notifications.unread')} Kirje ”${title}” siirtyi tarkastettavaksi` })).toBeVisible();
  // The button names its notification in the same language (the hidden colon part reads after a space).
  const markRead = finnishList.getByRole('button', { name: `${fi.t('notifications.markRead')} : Kirje ”${title}” siirtyi tarkastettavaksi` });
  await expect(markRead).toBeVisible();
  await expectNoAxeViolations(erik);
  await expect(helena.locator('html')).toHaveAttribute('lang', 'en');
});
