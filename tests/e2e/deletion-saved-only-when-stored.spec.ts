import path from 'node:path';
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { whenBrowserCopiesWritten } from './support/browser-copy.js';
import { e2eDataDir } from './support/e2e-data-dir.mjs';
import {
  demoLetterTitle,
  demoUserOf,
  letterText,
  openLetter,
  saveStatus,
  saveStatusText,
  signIn,
  typeNewParagraph,
  uniqueText,
} from './support/workspace.js';

/** Holds SQLite's write lock on the end-to-end server's store, as a stalled disk or a backup job would. */
function stallStore(): { release: () => void } {
  const port = new URL(test.info().project.use.baseURL!).port;
  const db = new Database(path.join(e2eDataDir(port), 'jointly.sqlite'));
  db.exec('BEGIN IMMEDIATE');
  let isHeld = true;
  return {
    release: () => {
      if (!isHeld) return;
      isHeld = false;
      db.exec('ROLLBACK');
      db.close();
    },
  };
}

test('a deletion shows Saving… until the server has stored it, then All changes saved', async ({ page }) => {
  await signIn(page, demoUserOf('ee-interior').email);
  await openLetter(page, demoLetterTitle);
  const sentence = uniqueText('A sentence that loses its last word');
  await typeNewParagraph(page, `${sentence} superfluous`);
  await expect(saveStatus(page)).toHaveText(saveStatusText.saved);

  const stall = stallStore();
  try {
    for (let i = 0; i < ' superfluous'.length; i++) await page.keyboard.press('Backspace');
    await expect(letterText(page)).not.toContainText(`${sentence} superfluous`);
    await expect(saveStatus(page)).toHaveText(saveStatusText.saving);
  } finally {
    stall.release();
  }
  await expect(saveStatus(page)).toHaveText(saveStatusText.saved);

  // Saved means stored: a fresh load shows the sentence without the word.
  await page.reload();
  await expect(saveStatus(page)).toHaveText(saveStatusText.saved);
  await expect(letterText(page)).toContainText(sentence);
  await expect(letterText(page)).not.toContainText(`${sentence} superfluous`);
});

test('edits kept in the browser show Saving… when the letter is opened again, until the server has stored them', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, demoUserOf('dk-immigration').email);
  await openLetter(page, demoLetterTitle);
  await context.setOffline(true);
  await expect(saveStatus(page)).toHaveText(saveStatusText.offline);
  const offlineText = uniqueText('Kept in the browser overnight');
  await typeNewParagraph(page, offlineText);
  await whenBrowserCopiesWritten(page);
  await page.close();
  await context.setOffline(false);

  const reopened = await context.newPage();
  await reopened.goto('/');
  const stall = stallStore();
  try {
    await reopened.getByRole('link', { name: demoLetterTitle }).click();
    await expect(letterText(reopened)).toContainText(offlineText);
    await expect(saveStatus(reopened)).toHaveText(saveStatusText.saving);
  } finally {
    stall.release();
  }
  await expect(saveStatus(reopened)).toHaveText(saveStatusText.saved);
  await context.close();

  const colleague = await browser.newPage();
  await signIn(colleague, demoUserOf('fi-interior').email);
  await openLetter(colleague, demoLetterTitle);
  await expect(letterText(colleague)).toContainText(offlineText);
  await colleague.close();
});
