import { expect, request as playwrightRequest, test } from '@playwright/test';
import { appendParagraphs, connectNodeClient, paragraphTexts, sessionCookie, type NodeSyncClient } from './support/node-sync-client.js';
import { demoCoordinator, demoUserOf, letterText, openLetter, saveStatus, saveStatusText, signIn, uniqueText } from './support/workspace.js';

const paragraphs = Array.from({ length: 12 }, (_, index) => `Paragraph ${index + 1} of the joint position, agreed word for word.`);

/**
 * Issue 11, hole 3: someone present on the letter sends a caret that is not a position in it.
 * The next member to open the letter must see the whole text and edit it without losing any.
 */
test('a member who opens a letter while a hostile caret is present sees all of its text, types, and nothing is deleted', async ({ page, baseURL }) => {
  const clients: NodeSyncClient[] = [];
  const coordinatorApi = await playwrightRequest.newContext({ baseURL: baseURL! });
  const hostileApi = await playwrightRequest.newContext({ baseURL: baseURL! });
  try {
    const title = uniqueText('Joint letter with a hostile caret');
    const helenaCookie = await sessionCookie(coordinatorApi, demoCoordinator.email);
    const created = await coordinatorApi.post('/api/letters', {
      data: { title, subject: 'Presence is data, not trust', addressees: [], signatoryOfficeIds: ['fi-interior', 'ee-interior'] },
    });
    expect(created.status()).toBe(201);
    const letterId = ((await created.json()) as { id: string }).id;

    const author = await connectNodeClient(baseURL!, helenaCookie, letterId);
    clients.push(author);
    appendParagraphs(author.doc, paragraphs);

    // An ordinary member of another office, outside the browser, with a crafted presence entry.
    const hostile = await connectNodeClient(baseURL!, await sessionCookie(hostileApi, demoUserOf('ee-interior').email), letterId);
    clients.push(hostile);
    hostile.provider.awareness.setLocalState({ user: { name: 'Kadri Tamm' }, cursor: { anchor: { junk: true }, head: { junk: true } }, banner: 'All changes saved' });
    await expect.poll(() => author.provider.awareness.getStates().has(hostile.doc.clientID)).toBe(true);

    const member = demoUserOf('fi-interior');
    await signIn(page, member.email);
    await openLetter(page, title);
    for (const text of paragraphs) await expect(letterText(page)).toContainText(text);
    await expect(letterText(page)).toHaveAttribute('aria-readonly', 'false');

    const added = uniqueText('and the ministers confirm it');
    await letterText(page).getByText('Paragraph 3 of').click();
    await page.keyboard.press('End');
    await page.keyboard.type(` ${added}`);
    await expect(saveStatus(page)).toHaveText(saveStatusText.saved);

    const expected = paragraphs.map((text, index) => (index === 2 ? `${text} ${added}` : text));
    await expect.poll(() => paragraphTexts(author.doc)).toEqual(expected);
    await expect(letterText(page).locator('p')).toHaveCount(paragraphs.length);
  } finally {
    for (const client of clients) client.destroy();
    await coordinatorApi.dispose();
    await hostileApi.dispose();
  }
});
