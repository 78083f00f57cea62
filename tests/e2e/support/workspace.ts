import { type APIRequestContext, expect, type Locator, type Page } from '@playwright/test';
import { officeListResponseSchema } from '../../../shared/api/letters.js';
import type { Office } from '../../../shared/api/offices.js';
import { demoPeople } from '../../../server/workspace/demo-offices.js';
import { demoPassword } from './demo-password.mjs';

export { demoPassword };

/** The letter the server seeds into an empty data folder. */
export const demoLetterTitle = 'Joint letter on the instrumentalisation of migration';

export const saveStatusText = {
  connecting: 'Connecting…',
  saving: 'Saving…',
  saved: 'All changes saved',
  offline: 'Offline: your edits are kept in this browser until the server is back, then sent',
} as const;

export interface DemoPerson {
  name: string;
  email: string;
  officeId: string;
}

function demoPerson(predicate: (person: (typeof demoPeople)[number]) => boolean): DemoPerson {
  const person = demoPeople.find(predicate);
  if (!person) throw new Error('no such demo person');
  return { name: person.name, email: person.email, officeId: person.officeId };
}

/** Coordinator of the demo letter (Finland). */
export const demoCoordinator = demoPerson((person) => person.role === 'coordinator');

/** The workspace administrator, who is not a member of the demo letter. */
export const demoAdministrator = demoPerson((person) => person.role === 'admin');

/** The desk officer of an office: drafter and approver of the demo letter. */
export function demoUserOf(officeId: string): DemoPerson {
  return demoPerson((person) => person.officeId === officeId && person.role === 'member');
}

/** The name that goes with a demo e-mail address. */
function nameOf(email: string): string | undefined {
  return demoPeople.find((person) => person.email === email)?.name;
}

/** Every office, in signing order (needs a signed-in request context, such as `page.request`). */
export async function loadOffices(request: APIRequestContext): Promise<Office[]> {
  const response = await request.get('/api/offices');
  expect(response.ok()).toBe(true);
  return officeListResponseSchema.parse(await response.json()).offices;
}

/** Fills in and sends the sign-in form, as a person would. */
export async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** Signs in through the form and waits for the list of letters. */
export async function signIn(page: Page, email: string, password: string = demoPassword): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Jointly' })).toBeVisible();
  await submitSignIn(page, email, password);
  await expect(page.getByRole('heading', { level: 1, name: 'Letters' })).toBeVisible();
  const name = nameOf(email);
  if (name) await expect(page.getByRole('banner')).toContainText(name);
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
  return page.getByRole('status', { name: 'Save status' });
}

/** The members panel of the open letter, opened if it is closed. */
export async function openMembers(page: Page): Promise<Locator> {
  const toggle = page.getByRole('button', { name: 'Members', exact: true });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  const panel = page.getByRole('region', { name: 'Members' });
  await expect(panel.getByRole('list', { name: 'Members' }).getByRole('listitem').first()).toBeVisible();
  return panel;
}

/** Types a new paragraph at the end of the letter, the way a person would with the keyboard. */
export async function typeNewParagraph(page: Page, text: string): Promise<void> {
  await letterText(page).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type(text);
}

/** Clicks into a paragraph by its unique last word; other people's caret labels may sit inside the rest. */
export async function clickParagraph(page: Page, text: string): Promise<void> {
  await letterText(page).getByText(text.split(' ').at(-1) ?? text).click();
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
