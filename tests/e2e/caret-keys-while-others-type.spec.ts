import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { demoCoordinator, demoLetterTitle, demoUserOf, letterText, openLetter, saveStatus, saveStatusText, signIn, uniqueText } from './support/workspace.js';

// Ctrl+Home and Ctrl+End take a person to the start or end of the letter while someone else types.
// The editor must hold the new caret the moment the key is pressed: if it learnt of it only later,
// from the browser, a change arriving in between would put the caret back where it was.

/** Where the caret is drawn: the text of its block, and how many characters of it lie before the caret. */
async function caretSpot(page: Page): Promise<{ block: string; offset: number }> {
  return letterText(page).evaluate((surface) => {
    const selection = surface.ownerDocument.getSelection();
    if (!selection?.focusNode) return { block: '', offset: -1 };
    const block = (selection.focusNode instanceof Element ? selection.focusNode : selection.focusNode.parentElement)?.closest('p, h1, h2, h3, li');
    if (!block) return { block: '', offset: -1 };
    const before = surface.ownerDocument.createRange();
    before.setStart(block, 0);
    before.setEnd(selection.focusNode, selection.focusOffset);
    return { block: block.textContent ?? '', offset: before.toString().length };
  });
}

/** The letter's last block as its reader sees it: without other people's caret labels drawn into it. */
async function lastBlockText(page: Page): Promise<string> {
  return letterText(page)
    .locator('p, h1, h2, h3')
    .last()
    .evaluate((block) => {
      const copy = block.cloneNode(true) as HTMLElement;
      for (const drawn of copy.querySelectorAll('[contenteditable="false"], .collaboration-carets__caret')) drawn.remove();
      return copy.textContent ?? '';
    });
}

/** A keydown the page sends itself: the browser moves no caret for it, so only the editor can. */
async function pressInEditor(page: Page, key: 'Home' | 'End'): Promise<void> {
  await letterText(page).evaluate((surface, pressed) => {
    surface.dispatchEvent(new KeyboardEvent('keydown', { key: pressed, code: pressed, ctrlKey: true, bubbles: true, cancelable: true }));
  }, key);
}

test.describe('caret keys while others type', () => {
  test.describe.configure({ timeout: 120_000 });
  const contexts: BrowserContext[] = [];

  test.afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });

  test('Ctrl+End and Ctrl+Home move the caret in the editor at once, and words typed there land there while someone else types', async ({ browser }) => {
    const pages: Page[] = [];
    for (const person of [demoCoordinator, demoUserOf('dk-immigration')]) {
      const context = await browser.newContext();
      contexts.push(context);
      const page = await context.newPage();
      await signIn(page, person.email);
      await openLetter(page, demoLetterTitle);
      pages.push(page);
    }
    const [helena, mette] = pages as [Page, Page];
    const blocks = letterText(helena).locator('p, h1, h2, h3');
    const firstBlock = (await blocks.first().textContent()) ?? '';
    const lastBlock = (await blocks.last().textContent()) ?? '';

    await blocks.nth(1).click();
    await pressInEditor(helena, 'End');
    expect(await caretSpot(helena)).toEqual({ block: lastBlock, offset: lastBlock.length });
    await pressInEditor(helena, 'Home');
    expect(await caretSpot(helena)).toEqual({ block: firstBlock, offset: 0 });

    // Mette types into the second paragraph while Helena jumps to the end and adds a sentence there.
    await letterText(mette).locator('p').nth(1).click();
    const metteTyping = mette.keyboard.type(' and Mette keeps on typing here', { delay: 40 });
    const ending = ` ${uniqueText('closing')}`;
    await blocks.nth(1).click();
    await helena.keyboard.press('Control+End');
    await helena.keyboard.type(ending);
    await metteTyping;

    for (const page of pages) {
      await expect.poll(() => lastBlockText(page)).toBe(`${lastBlock}${ending}`);
      await expect(saveStatus(page)).toHaveText(saveStatusText.saved);
    }
  });
});
