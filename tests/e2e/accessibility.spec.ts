import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { demoLetterTitle, demoUserOf, openLetter, signIn } from './support/workspace.js';

async function expectNoViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  // Rule ids and offending nodes make a failure readable without opening the trace.
  const violations = results.violations.map((violation) => ({
    rule: violation.id,
    help: violation.help,
    nodes: violation.nodes.map((node) => node.target.join(' ')),
  }));
  expect(violations).toEqual([]);
}

test('the identity picker, the letter list and the letter page have no WCAG 2.1 AA violations', async ({
  page,
  request,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Who are you?' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'People' }).getByRole('button').first()).toBeVisible();
  await expectNoViolations(page);

  await signIn(page, await demoUserOf(request, 'no-justice'));
  await expect(page.getByRole('link', { name: demoLetterTitle })).toBeVisible();
  await expect(page.getByRole('checkbox').first()).toBeVisible();
  await expectNoViolations(page);

  await openLetter(page, demoLetterTitle);
  await expectNoViolations(page);

  // The link dialog too.
  await page.getByRole('textbox', { name: 'Letter text' }).click();
  await page.getByRole('button', { name: 'Link…' }).click();
  await expect(page.getByRole('dialog', { name: 'Add a link' })).toBeVisible();
  await expectNoViolations(page);
});
