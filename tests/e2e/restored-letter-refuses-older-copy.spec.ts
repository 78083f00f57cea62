import { spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { findFreePort } from '../integration/harness/free-port.js';
import { InstanceProcess, type LogLine } from '../integration/harness/instance-process.js';
import { forgetCopyGenerations, whenBrowserCopiesWritten } from './support/browser-copy.js';
import {
  demoLetterTitle,
  demoPassword,
  demoUserOf,
  letterText,
  openLetter,
  saveStatus,
  saveStatusText,
  signIn,
  typeNewParagraph,
  uniqueText,
} from './support/workspace.js';

const databaseName = 'jointly.sqlite';

/** Copies the SQLite database and its journal files from one folder to another, replacing what was there. */
async function copyDatabase(from: string, to: string): Promise<void> {
  for (const name of await readdir(to)) if (name.startsWith(databaseName)) await rm(path.join(to, name));
  for (const name of await readdir(from)) if (name.startsWith(databaseName)) await copyFile(path.join(from, name), path.join(to, name));
}

/** Runs `npm run mark-restore` as an operator would, on `dataDir`. */
async function markRestore(dataDir: string): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/mark-restore.ts'], { env: { ...process.env, DATA_DIR: dataDir }, stdio: 'ignore' });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`mark-restore exited with ${code}`);
}

// This journey stops, restores and restarts the server, so it runs one of its own on a fixed port.
test('a browser holding text from before a restore is refused; it downloads its copy as Markdown and opens the restored letter', async ({ browser }) => {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'jointly-e2e-restore-'));
  const dataDir = path.join(folder, 'data');
  const backupDir = path.join(folder, 'backup');
  const port = await findFreePort();
  const logs: LogLine[] = [];
  const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO: 'on', DEMO_PASSWORD: demoPassword, LOG_LEVEL: 'info' };
  let server: InstanceProcess | null = null;
  const context = await browser.newContext({ baseURL: `http://127.0.0.1:${port}` });
  try {
    await mkdir(dataDir);
    await mkdir(backupDir);
    server = await InstanceProcess.start(env, logs);
    const page = await context.newPage();
    await signIn(page, demoUserOf('fi-interior').email);
    await openLetter(page, demoLetterTitle);
    const beforeBackup = uniqueText('Agreed before the backup');
    await typeNewParagraph(page, beforeBackup);
    await expect(saveStatus(page)).toHaveText(saveStatusText.saved);

    await server.end('SIGTERM');
    await copyDatabase(dataDir, backupDir);
    server = await InstanceProcess.start(env, logs);
    await expect(saveStatus(page)).toHaveText(saveStatusText.saved);
    const afterBackup = uniqueText('Written after the backup');
    await typeNewParagraph(page, afterBackup);
    await expect(saveStatus(page)).toHaveText(saveStatusText.saved);
    await whenBrowserCopiesWritten(page);

    await server.end('SIGTERM');
    await copyDatabase(backupDir, dataDir);
    await markRestore(dataDir);
    server = await InstanceProcess.start(env, logs);

    const alert = page.getByRole('alert');
    await expect(alert).toContainText('restored from a backup');
    await expect(saveStatus(page)).not.toHaveText(saveStatusText.saved);
    await expect(letterText(page)).toContainText(afterBackup);

    // A new tab opens the letter from the copy kept in this browser: refused too, nothing merged.
    const another = await context.newPage();
    await another.goto('/');
    await another.getByRole('link', { name: demoLetterTitle }).click();
    await expect(another.getByRole('alert')).toContainText('restored from a backup');
    await another.close();

    // A copy kept before generations were recorded holds text but names no generation: refused too.
    await forgetCopyGenerations(page);
    const older = await context.newPage();
    await older.goto('/');
    await older.getByRole('link', { name: demoLetterTitle }).click();
    await expect(older.getByRole('alert')).toContainText('restored from a backup');
    await older.close();

    const [download] = await Promise.all([page.waitForEvent('download'), alert.getByRole('button', { name: 'Download my copy (Markdown)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.md$/);
    const markdown = await readFile((await download.path())!, 'utf8');
    expect(markdown).toContain(`# ${demoLetterTitle}`);
    expect(markdown).toContain(beforeBackup);
    expect(markdown).toContain(afterBackup);

    await alert.getByRole('button', { name: 'Open the restored letter' }).click();
    await expect(saveStatus(page)).toHaveText(saveStatusText.saved);
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(letterText(page)).toContainText(beforeBackup);
    await expect(letterText(page)).not.toContainText(afterBackup);
  } finally {
    await context.close();
    await server?.end('SIGTERM');
    await rm(folder, { recursive: true, force: true });
  }
});
