import { type APIRequestContext, expect, type Locator, type Page } from '@playwright/test';
import { officeListResponseSchema } from '../../../shared/api/letters.js';
import type { Office } from '../../../shared/api/offices.js';
import { demoUsersResponseSchema, type SessionUser } from '../../../shared/api/session.js';

/** The letter the server seeds into an empty data folder. */
export const demoLetterTitle = 'Joint letter on the instrumentalisation of migration';

export const saveStatusText = {
  connecting: 'Connecting…',
  saving: 'Saving…',
  saved: 'All changes saved',
  offline: 'Offline: your edits are kept in this tab and sent when the connection returns',
} as const;

/** The demo people, as the identity picker lists them (looked up, not guessed). */
export async function loadDemoUsers(request: APIRequestContext): Promise<SessionUser[]> {
  const response = await request.get('/api/demo-users');
  expect(response.ok()).toBe(true);
  return demoUsersResponseSchema.parse(await response.json()).users;
}

/** The desk officer of an office (not the coordinator, when the office has both). */
export async function demoUserOf(request: APIRequestContext, officeId: string): Promise<SessionUser> {
  const users = (await loadDemoUsers(request)).filter((user) => user.office.id === officeId);
  const user = users.at(-1);
  if (!user) throw new Error(`no demo user for ${officeId}`);
  return user;
}

/** Every office, in signing order. */
export async function loadOffices(request: APIRequestContext): Promise<Office[]> {
  const response = await request.get('/api/offices');
  expect(response.ok()).toBe(true);
  return officeListResponseSchema.parse(await response.json()).offices;
}

/** Signs in through the identity picker, as a person would. */
export async function signIn(page: Page, user: SessionUser): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Who are you?' })).toBeVisible();
  await page.getByRole('button', { name: user.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Letters' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText(user.name);
}

/** Opens a letter from the list and waits until its text is synced and saved. */
export async function openLetter(page: Page, title: string): Promise<void> {
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(saveStatus(page)).toHaveText(saveStatusText.saved);
}

export function letterText(page: Page): Locator {
  return page.getByRole('textbox', { name: 'Letter text' });
}

export function saveStatus(page: Page): Locator {
  return page.getByRole('status');
}

/** Types a new paragraph at the end of the letter, the way a person would with the keyboard. */
export async function typeNewParagraph(page: Page, text: string): Promise<void> {
  await letterText(page).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type(text);
}

/** Presses Tab until `target` has focus, as a keyboard user would; fails if it never does. */
export async function tabTo(page: Page, target: Locator, { backwards = false, maxPresses = 40 } = {}): Promise<void> {
  for (let press = 0; press < maxPresses; press++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    if (await target.evaluate((element) => element.matches(':focus'))) return;
  }
  throw new Error(`Tab never reached ${String(target)}`);
}

/** A string no other test run has typed, so a match proves this run's text arrived. */
export function uniqueText(label: string): string {
  return `${label} ${Math.random().toString(36).slice(2, 8)}`;
}
