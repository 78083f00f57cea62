import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, expect, type Page } from '@playwright/test';
import { letterText, loadOffices, saveStatus, saveStatusText, signIn } from './workspace.js';

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** A person in their own browser context (their own cookies), signed in. */
export async function openPerson(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
}

/**
 * The coordinator starts a letter for the given signatory offices through the form, types its
 * paragraphs, waits until they are saved and starts the review. Returns the letter's address.
 */
export async function startLetterInReview(
  coordinator: Page,
  { title, officeIds, paragraphs }: { title: string; officeIds: ReadonlySet<string>; paragraphs: string[] },
): Promise<string> {
  const offices = await loadOffices(coordinator.request);
  const form = coordinator.getByRole('region', { name: 'New letter' });
  await form.getByLabel('Title').fill(title);
  const choices = form.getByRole('group', { name: 'Signatory offices' });
  for (const office of offices) {
    if (!officeIds.has(office.id)) await choices.getByRole('checkbox', { name: new RegExp(`^${office.country}:`) }).uncheck();
  }
  await form.getByRole('button', { name: 'Create letter' }).click();
  await expect(coordinator).toHaveURL(/\/letters\/[0-9a-f-]{36}$/);
  await letterText(coordinator).click();
  for (const [index, paragraph] of paragraphs.entries()) {
    if (index > 0) await coordinator.keyboard.press('Enter');
    await coordinator.keyboard.type(paragraph);
  }
  await expect(saveStatus(coordinator)).toHaveText(saveStatusText.saved);
  await coordinator.getByRole('button', { name: 'Start the review' }).click();
  await expect(coordinator.getByText('Status: In review')).toBeVisible();
  return coordinator.url();
}
