import { type Browser, expect, type Locator, type Page, test } from '@playwright/test';
import { expectNoAxeViolations, openPerson, startLetterInReview } from './support/sign-off-journey.js';
import { clickParagraph, letterText, saveStatus, saveStatusText, signIn, tabTo, uniqueText } from './support/workspace.js';

const phone = { width: 390, height: 844 };
const tablet = { width: 768, height: 1024 };
const signatoryOffices = new Set(['fi-interior', 'ee-interior']);

/** A person on a phone (or tablet): their own browser context at that size, signed in. */
async function openOnDevice(browser: Browser, email: string, viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

function longParagraphs(count: number): string[] {
  return Array.from({ length: count }, (_, index) =>
    uniqueText(`Point ${index + 1}: the Union must protect its external borders while it keeps its values and the right to asylum`),
  );
}

function officeState(panel: Locator, country: string): Locator {
  return panel.getByRole('listitem').filter({ hasText: new RegExp(`^\\s*${country}`) });
}

/** Whether the page scrolls sideways: on a phone it must not. */
async function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

/** Fails unless the element lies within the screen's width. */
async function expectWithinWidth(locator: Locator, width: number): Promise<void> {
  const box = await locator.boundingBox();
  expect(box, String(locator)).not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(width);
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`) });
}

test('on a phone the text takes the width, and an approver approves from the sign-off drawer while the coordinator on a desktop sees it', async ({
  browser,
}) => {
  test.info().setTimeout(150_000);
  const helena = await openPerson(browser, 'helena@fi-interior.example');
  const kadri = await openOnDevice(browser, 'kadri@ee-interior.example', phone);
  try {
    const paragraphs = longParagraphs(4);
    const [, second, third, fourth] = paragraphs as [string, string, string, string];
    const letterUrl = await startLetterInReview(helena, { title: uniqueText('Letter read on a phone'), officeIds: signatoryOffices, paragraphs });
    await kadri.goto(letterUrl);
    await expect(saveStatus(kadri)).toHaveText(saveStatusText.saved);

    // The text column takes the phone's width; the sign-off marks sit above each paragraph, not beside it.
    const paragraphBox = await letterText(kadri).getByText(second).boundingBox();
    expect(paragraphBox?.width).toBeGreaterThanOrEqual(330);
    expect(await pageWidth(kadri)).toBeLessThanOrEqual(phone.width);
    await screenshot(kadri, 'phone-letter');

    // The panel is not at the foot of the page but one labelled button away, reached by keyboard.
    const drawer = kadri.getByRole('dialog', { name: 'Sign-off and comments' });
    const toggle = kadri.getByRole('button', { name: /^Sign-off and comments/ });
    await expect(drawer).toBeHidden();
    await clickParagraph(kadri, second);
    await expect(toggle).toBeInViewport();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await tabTo(kadri, toggle, { backwards: true });
    await kadri.keyboard.press('Enter');
    await expect(drawer).toBeVisible();
    await expect(drawer.getByRole('heading', { name: 'Sign-off and comments' })).toBeFocused();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expectWithinWidth(drawer, phone.width);
    // The page behind is out of reach while the drawer is open: the keyboard never lands on it.
    await kadri.keyboard.press('Tab');
    await expect(drawer.getByRole('button', { name: 'Close' })).toBeFocused();
    for (const key of ['Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Tab', 'Tab', 'Tab', 'Tab']) {
      await kadri.keyboard.press(key);
      // Past the drawer's first or last control the focus leaves for the browser itself (the body), as with a native modal dialog.
      expect(await drawer.evaluate((element) => element.contains(document.activeElement) || document.activeElement === document.body)).toBe(true);
    }
    await drawer.getByRole('heading', { name: 'Sign-off and comments' }).focus();
    // Everything the side panel holds on a desktop is in the drawer.
    const panel = drawer.getByRole('region', { name: 'Sign-off of paragraph 2' });
    await expect(panel).toBeVisible();
    await expect(drawer.getByRole('complementary', { name: 'Sign-off' })).toBeVisible();
    await screenshot(kadri, 'phone-drawer');
    await expectNoAxeViolations(kadri);

    // Estonia approves paragraph 2 from the drawer; the drawer moves on to paragraph 3, focus with it.
    await panel.getByRole('button', { name: 'Approve' }).click();
    await expect(drawer.getByRole('heading', { name: 'Sign-off of paragraph 3' })).toBeFocused();
    await expect(drawer).toBeVisible();

    // The coordinator at her desk sees it at once.
    await clickParagraph(helena, second);
    const helenaPanel = helena.getByRole('region', { name: 'Sign-off of paragraph 2' });
    await expect(officeState(helenaPanel, 'Estonia')).toContainText('Approved');
    // Her desktop keeps the panel beside the letter, with no drawer button.
    await expect(helena.getByRole('button', { name: /^Sign-off and comments/ })).toHaveCount(0);
    await expect(helenaPanel).toBeInViewport();

    // Escape closes the drawer and gives the focus back to its button.
    await kadri.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
    await expect(toggle).toBeFocused();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expectNoAxeViolations(kadri);

    // The toolbar scrolls away with the page rather than covering the text, and takes at most two rows.
    const toolbar = kadri.getByRole('toolbar', { name: 'Text formatting' });
    expect((await toolbar.boundingBox())?.height).toBeLessThanOrEqual(100);
    await clickParagraph(kadri, fourth);
    await kadri.getByRole('region', { name: 'Signatures' }).scrollIntoViewIfNeeded();
    await expect(toolbar).not.toBeInViewport();
    await expect(letterText(kadri).getByText(third)).toBeVisible();
    await screenshot(kadri, 'phone-scrolled');
  } finally {
    await helena.context().close();
    await kadri.context().close();
  }
});

test('on a phone the coordinator’s status moves and members panel fit the screen, and the sign-off overview shows one office at a time', async ({
  browser,
}) => {
  test.info().setTimeout(150_000);
  const helena = await openOnDevice(browser, 'helena@fi-interior.example', phone);
  const kadri = await openPerson(browser, 'kadri@ee-interior.example');
  try {
    const paragraphs = longParagraphs(2);
    // Four offices: too many columns for a phone.
    const officeIds = new Set([...signatoryOffices, 'lv-interior', 'lt-interior']);
    const letterUrl = await startLetterInReview(helena, { title: uniqueText('Coordinated on a phone'), officeIds, paragraphs });
    await kadri.goto(letterUrl);
    await expect(saveStatus(kadri)).toHaveText(saveStatusText.saved);
    await expect(saveStatus(helena)).toHaveText(saveStatusText.saved);

    // The status and its moves sit in the letter bar, on screen.
    const status = helena.getByText('Status: In review');
    await status.scrollIntoViewIfNeeded();
    await expect(status).toBeInViewport();
    await expectWithinWidth(status, phone.width);
    const moves = helena.locator('jl-status-moves').getByRole('button');
    expect(await moves.count()).toBeGreaterThan(0);
    for (const move of await moves.all()) await expectWithinWidth(move, phone.width);
    expect(await pageWidth(helena)).toBeLessThanOrEqual(phone.width);

    // The members panel opens within the screen.
    await helena.getByRole('button', { name: 'Members', exact: true }).click();
    const members = helena.getByRole('region', { name: 'Members' });
    await expect(members.getByRole('list', { name: 'Members' }).getByRole('listitem').first()).toBeVisible();
    await expectWithinWidth(members, phone.width);
    await expect(members).toBeInViewport();
    await screenshot(helena, 'phone-members');
    await expectNoAxeViolations(helena);
    await helena.keyboard.press('Escape');

    // Estonia approves paragraph 1 at her desk.
    await clickParagraph(kadri, paragraphs[0]!);
    await kadri.getByRole('region', { name: 'Sign-off of paragraph 1' }).getByRole('button', { name: 'Approve' }).click();
    await expect(kadri.getByRole('heading', { name: 'Sign-off of paragraph 2' })).toBeFocused();

    // The overview on the phone: one office beside the paragraphs, picked with a control.
    await helena.goto(`${letterUrl}/sign-off`);
    const grid = helena.getByRole('table', { name: 'Sign-off of each paragraph by each signatory office' });
    const headers = grid.getByRole('columnheader');
    await expect(headers).toHaveText([/Paragraph/, /^\s*Estonia\s+Interior\s+1 of 2 approved\s*$/]);
    await expect(grid.getByRole('row').nth(1)).toContainText('Approved');
    expect(await pageWidth(helena)).toBeLessThanOrEqual(phone.width);
    await screenshot(helena, 'phone-overview');
    await expectNoAxeViolations(helena);

    const picker = helena.getByLabel('Office shown');
    await picker.focus();
    await picker.selectOption({ label: 'Finland – Interior' });
    await expect(headers).toHaveText([/Paragraph/, /^\s*Finland\s+Interior\s+0 of 2 approved\s*$/]);
    await expect(grid.getByRole('row').nth(1)).toContainText('Pending');

    // Every office at once: the table scrolls sideways inside a region a keyboard can reach and scroll.
    await picker.selectOption({ label: 'Every office (the table scrolls sideways)' });
    await expect(headers).toHaveCount(5);
    const scroller = helena.getByRole('region', { name: 'Sign-off of each paragraph by each signatory office' });
    expect(await scroller.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
    await expect(scroller).toHaveAttribute('tabindex', '0');
    await tabTo(helena, scroller);
    await helena.keyboard.press('End');
    await helena.keyboard.press('ArrowRight');
    await expect.poll(() => scroller.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
    expect(await pageWidth(helena)).toBeLessThanOrEqual(phone.width);
    await screenshot(helena, 'phone-overview-every-office');
    await expectNoAxeViolations(helena);

    // A row opens its paragraph in the letter, in the drawer, focus on its panel.
    await grid.getByRole('row').nth(2).getByRole('link').click();
    await expect(helena).toHaveURL(/\?paragraph=/);
    const drawer = helena.getByRole('dialog', { name: 'Sign-off and comments' });
    await expect(drawer.getByRole('heading', { name: 'Sign-off of paragraph 2' })).toBeFocused();
  } finally {
    await helena.context().close();
    await kadri.context().close();
  }
});

test('on a tablet the sign-off panel opens as a drawer from its button and closes again', async ({ browser }) => {
  test.info().setTimeout(120_000);
  const helena = await openPerson(browser, 'helena@fi-interior.example');
  const aino = await openOnDevice(browser, 'aino@fi-interior.example', tablet);
  try {
    const paragraphs = longParagraphs(2);
    const letterUrl = await startLetterInReview(helena, { title: uniqueText('Letter read on a tablet'), officeIds: signatoryOffices, paragraphs });
    await aino.goto(letterUrl);
    await expect(saveStatus(aino)).toHaveText(saveStatusText.saved);
    expect((await letterText(aino).getByText(paragraphs[0]!).boundingBox())?.width).toBeGreaterThanOrEqual(330);

    await clickParagraph(aino, paragraphs[1]!);
    const toggle = aino.getByRole('button', { name: /^Sign-off and comments/ });
    await toggle.click();
    const drawer = aino.getByRole('dialog', { name: 'Sign-off and comments' });
    await expect(drawer.getByRole('region', { name: 'Sign-off of paragraph 2' })).toBeVisible();
    await expectWithinWidth(drawer, tablet.width);
    await screenshot(aino, 'tablet-drawer');
    await expectNoAxeViolations(aino);
    await drawer.getByRole('button', { name: 'Close' }).click();
    await expect(drawer).toBeHidden();
    await expect(toggle).toBeFocused();
  } finally {
    await helena.context().close();
    await aino.context().close();
  }
});
