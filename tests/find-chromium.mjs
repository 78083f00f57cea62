#!/usr/bin/env node
// Finds the Chromium the end-to-end tests drive: $CHROMIUM_PATH, else Playwright's own browser
// when it is installed, else Debian's /usr/bin/chromium. `--check` reports the choice and fails
// with install instructions when there is none.
import { existsSync } from 'node:fs';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const systemChromium = '/usr/bin/chromium';

/** The Chromium executable to launch, or undefined when none is installed. */
export function findChromium() {
  const fromEnvironment = process.env.CHROMIUM_PATH;
  if (fromEnvironment) return existsSync(fromEnvironment) ? fromEnvironment : undefined;
  try {
    const playwrightOwn = chromium.executablePath();
    if (playwrightOwn && existsSync(playwrightOwn)) return playwrightOwn;
  } catch {
    // playwright-core throws when it does not know this platform; fall through to the system one.
  }
  return existsSync(systemChromium) ? systemChromium : undefined;
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv.includes('--check')) {
  const found = findChromium();
  if (!found) {
    const wanted = process.env.CHROMIUM_PATH ? ` (CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist)` : '';
    process.stderr.write(
      `No Chromium found${wanted}. Install one: apt-get install -y --no-install-recommends chromium, or set CHROMIUM_PATH=/path/to/chromium\n`,
    );
    process.exit(1);
  }
  process.stdout.write(`End-to-end tests use Chromium at ${found}\n`);
}
