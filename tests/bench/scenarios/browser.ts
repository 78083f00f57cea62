import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import playwrightConfig from '../../../playwright.config.js';
import { findChromium } from '../../find-chromium.mjs';
import { benchLetters } from '../servers/bench-letter.js';
import { ServerKind } from '../servers/server-kind.js';
import { withServer } from '../servers/server-run.js';
import { median } from '../stats.js';

export interface BrowserOptions {
  paragraphs: number;
  /** Page loads, each in a fresh browser context (no cache, no storage). */
  loads: number;
}

export interface BrowserResult {
  /** Median time from navigation to an editable editor showing every paragraph. */
  readyMs: number;
  loadsMs: number[];
}

const paragraphCharacters = 300;
const readyTimeoutMs = 60_000;

/** Jointly only (the reference servers serve no page): how soon a person can type in a long letter. */
export async function runBrowser(options: BrowserOptions): Promise<BrowserResult> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('no Chromium found: install one or set CHROMIUM_PATH (see tests/find-chromium.mjs)');
  // The same launch flags as the end-to-end tests.
  const args = playwrightConfig.projects?.[0]?.use?.launchOptions?.args ?? [];
  const letters = benchLetters(1, options.paragraphs, paragraphCharacters);
  return withServer(ServerKind.jointly, { letters, people: 1 }, async ({ server, cookies }) => {
    const [name, value] = cookies[0]!.split('=') as [string, string];
    const browser = await chromium.launch({ executablePath, args });
    try {
      const loadsMs: number[] = [];
      for (let i = 0; i < options.loads; i++) {
        const context = await browser.newContext();
        await context.addCookies([{ name, value, url: server.httpUrl }]);
        const page = await context.newPage();
        const start = performance.now();
        await page.goto(`${server.httpUrl}/letters/${letters[0]!.id}`);
        await page.waitForFunction(
          (count) => document.querySelectorAll('[aria-label="Letter text"][contenteditable="true"] p').length >= count,
          options.paragraphs,
          { timeout: readyTimeoutMs, polling: 'raf' },
        );
        loadsMs.push(performance.now() - start);
        await context.close();
      }
      return { readyMs: median(loadsMs), loadsMs };
    } finally {
      await browser.close();
    }
  });
}
