import { type Browser, type BrowserContext, expect, type Page, test } from '@playwright/test';
import { expectNoViolations } from './support/accessibility.js';
import {
    demoLetterTitle,
  demoUserOf,
  letterText,
  openLetter,
  saveStatus,
  saveStatusText,
  signIn,
  uniqueText,
} from './support/workspace.js';

// Several people type into one paragraph at once. Each keystroke of one reaches the others while
// they type; every caret must stay where its owner left it, so that each person's words come out
// whole and in the order they were typed: on every screen, and in the letter the server keeps.

/** A person's pace at the keyboard: slow enough that the others' keystrokes arrive in between. */
const keystrokeDelay = 35;

interface Person {
  name: string;
  page: Page;
}

/** Signs each office's desk officer in, in a browser context of their own, and opens the demo letter. */
async function openTogether(browser: Browser, contexts: BrowserContext[], officeIds: string[]): Promise<Person[]> {
  const people: Person[] = [];
  for (const officeId of officeIds) {
    const person = demoUserOf(officeId);
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    await signIn(page, person.email);
    await openLetter(page, demoLetterTitle);
    people.push({ name: person.name, page });
  }
  // Everyone knows who else is here before anyone types.
  for (const { page, name } of people) {
    const others = page.getByRole('list', { name: 'Also here:' });
    for (const other of people) if (other.name !== name) await expect(others).toContainText(other.name);
  }
  return people;
}

/**
 * The text of the paragraph holding `marker`, as its reader sees it: without the other people's
 * caret labels and the sign-off marks drawn into it (they are not part of the text).
 */
async function paragraphText(page: Page, marker: string): Promise<string> {
  return letterText(page)
    .locator('p')
    .filter({ hasText: marker })
    .evaluate((paragraph) => {
      const copy = paragraph.cloneNode(true) as HTMLElement;
      for (const drawn of copy.querySelectorAll('[contenteditable="false"], .collaboration-carets__caret')) drawn.remove();
      return copy.textContent ?? '';
    });
}

/** The letter as the server stores it, read through its Markdown export. */
async function storedLetter(page: Page): Promise<string> {
  const letterId = decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1) ?? '');
  const response = await page.request.get(`/api/letters/${encodeURIComponent(letterId)}/export?format=markdown`);
  expect(response.ok()).toBe(true);
  return response.text();
}

interface SharedParagraph {
  text: string;
  /** A word no other run typed, found in the paragraph however its edges and middle grow. */
  marker: string;
}

/**
 * Types a new last paragraph. Control+End moves the browser's caret; the editor learns of it a
 * moment later, and text redrawn in between (someone's caret appearing) would put the caret back.
 * So the person starts in the first paragraph and waits for the sign-off panel to follow the caret
 * to the last one before pressing Enter, as one would glance at the screen.
 */
async function typeParagraphAtEnd(page: Page, text: string): Promise<void> {
  const blocks = letterText(page).locator('p, h1, h2, h3');
  await blocks.first().click();
  await page.keyboard.press('Control+End');
  await expect(page.getByRole('heading', { level: 2, name: `Sign-off of paragraph ${await blocks.count()}` })).toBeVisible();
  await page.keyboard.press('Enter');
  await page.keyboard.type(text);
}

/** Starts a paragraph of its own for this journey, typed by the first person, and waits until everyone has it. */
async function startParagraph(people: Person[], label: string): Promise<SharedParagraph> {
  const marker = uniqueText('run').replace(' ', '-');
  const text = `${label} ${marker} stays here`;
  await typeParagraphAtEnd(people[0]!.page, text);
  for (const { page } of people) {
    await expect.poll(() => paragraphText(page, marker)).toBe(text);
    await expect(saveStatus(page)).toHaveText(saveStatusText.saved);
  }
  return { text, marker };
}

/** Puts the person's caret at the start of the paragraph, at its end, or after its first `offset` characters. */
async function placeCaret(person: Person, paragraph: SharedParagraph, where: 'start' | 'end' | number): Promise<void> {
  const { page } = person;
  await letterText(page).getByText(paragraph.marker).click();
  await page.keyboard.press(where === 'end' ? 'End' : 'Home');
  if (typeof where === 'number') for (let step = 0; step < where; step++) await page.keyboard.press('ArrowRight');
}

/** Everyone types their own words at the same time, each at their own pace. */
async function typeAtOnce(typing: [Person, string][]): Promise<void> {
  await Promise.all(typing.map(([person, words]) => person.page.keyboard.type(words, { delay: keystrokeDelay })));
}

/**
 * The paragraph reads as one of `expected` on every screen, all screens agree, the letter the
 * server stores holds it, and everyone is told it is saved.
 */
async function expectEverywhere(people: Person[], paragraph: SharedParagraph, expected: string[]): Promise<void> {
  const isIntact = async (page: Page): Promise<string> => {
    const shown = await paragraphText(page, paragraph.marker);
    return expected.includes(shown) ? 'intact' : shown;
  };
  for (const { page } of people) await expect.poll(() => isIntact(page)).toBe('intact');
  const shown = await paragraphText(people[0]!.page, paragraph.marker);
  for (const { page } of people) {
    await expect.poll(() => paragraphText(page, paragraph.marker)).toBe(shown);
    await expect(saveStatus(page)).toHaveText(saveStatusText.saved);
  }
  // The first export of a run starts the export workers: allow for it on a busy machine.
  await expect.poll(() => storedLetter(people[0]!.page), { timeout: 30_000 }).toContain(shown);
}

test.describe('people typing in one paragraph keep their words', () => {
  // Two or three people sign in, open the letter and type: on a busy machine that takes a while.
  test.describe.configure({ timeout: 150_000 });
  const contexts: BrowserContext[] = [];

  test.afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });

  test('one types at the start while the other types at the end', async ({ browser }) => {
    const [mette, kadri] = await openTogether(browser, contexts, ['dk-immigration', 'ee-interior']);
    const paragraph = await startParagraph([mette!, kadri!], 'Start and end');
    await placeCaret(mette!, paragraph, 'end');
    await placeCaret(kadri!, paragraph, 'start');
    const atEnd = ' Mette-T2 words here.';
    const atStart = 'Kadri-T1 opens it. ';
    await typeAtOnce([
      [mette!, atEnd],
      [kadri!, atStart],
    ]);
    await expectEverywhere([mette!, kadri!], paragraph, [`${atStart}${paragraph.text}${atEnd}`]);
    await expectNoViolations(mette!.page);
  });

  test('both type at the same spot and each keeps their words in order', async ({ browser }) => {
    const [mette, kadri] = await openTogether(browser, contexts, ['dk-immigration', 'ee-interior']);
    const paragraph = await startParagraph([mette!, kadri!], 'Same spot');
    await placeCaret(mette!, paragraph, 'end');
    await placeCaret(kadri!, paragraph, 'end');
    const fromMette = ' M1-abc.';
    const fromKadri = ' K1-xyz.';
    await typeAtOnce([
      [mette!, fromMette],
      [kadri!, fromKadri],
    ]);
    await expectEverywhere([mette!, kadri!], paragraph, [`${paragraph.text}${fromMette}${fromKadri}`, `${paragraph.text}${fromKadri}${fromMette}`]);
  });

  test('both type at the same spot in the middle of a sentence, spaces before spaces', async ({ browser }) => {
    const [mette, kadri] = await openTogether(browser, contexts, ['dk-immigration', 'ee-interior']);
    const paragraph = await startParagraph([mette!, kadri!], 'Middle spot');
    // Right after the second word, before the space that follows it: each types a space first.
    const spot = paragraph.text.indexOf(' ', paragraph.text.indexOf(' ') + 1);
    await placeCaret(kadri!, paragraph, spot);
    await placeCaret(mette!, paragraph, spot);
    const fromMette = ' Mette adds ee here';
    const fromKadri = ' Kadri adds ss there';
    await typeAtOnce([
      [mette!, fromMette],
      [kadri!, fromKadri],
    ]);
    const [before, after] = [paragraph.text.slice(0, spot), paragraph.text.slice(spot)];
    await expectEverywhere([mette!, kadri!], paragraph, [`${before}${fromMette}${fromKadri}${after}`, `${before}${fromKadri}${fromMette}${after}`]);
  });

  test('three people type at the start, in the middle and at the end of one paragraph', async ({ browser }) => {
    const [mette, kadri, janis] = await openTogether(browser, contexts, ['dk-immigration', 'ee-interior', 'lv-interior']);
    const paragraph = await startParagraph([mette!, kadri!, janis!], 'Three at once');
    // The first word and its space: the middle caret sits between the first and second word.
    const middle = paragraph.text.indexOf(' ') + 1;
    await placeCaret(janis!, paragraph, middle);
    await placeCaret(mette!, paragraph, 'end');
    await placeCaret(kadri!, paragraph, 'start');
    const atStart = 'Kadri-S opens. ';
    const inMiddle = 'Janis-M adds ';
    const atEnd = ' Mette-E closes.';
    await typeAtOnce([
      [kadri!, atStart],
      [janis!, inMiddle],
      [mette!, atEnd],
    ]);
    const expected = `${atStart}${paragraph.text.slice(0, middle)}${inMiddle}${paragraph.text.slice(middle)}${atEnd}`;
    await expectEverywhere([mette!, kadri!, janis!], paragraph, [expected]);
  });
});
