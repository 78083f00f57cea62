import { defineConfig, devices } from '@playwright/test';
import { findChromium } from './tests/find-chromium.mjs';

// E2E_PORT lets two checkouts on one machine run their journeys side by side.
const port = Number(process.env['E2E_PORT'] ?? 8797);
const baseURL = `http://127.0.0.1:${port}`;
const executablePath: string | undefined = findChromium();

export default defineConfig({
  testDir: 'tests/e2e',
  // Two cores: one browser at a time keeps timings honest.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env['CI']),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env['CI'] ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL,
    trace: { mode: 'retain-on-failure', snapshots: false, screenshots: false },
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          ...(executablePath ? { executablePath } : {}),
          // Without the networking flags Chromium floods a closed network with refused connections.
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
  webServer: {
    command: 'node tests/e2e/start-server.mjs',
    env: { PORT: String(port), E2E_PORT: String(port), LOG_LEVEL: 'warn' },
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
    // start-server.mjs passes the signal on and removes the data folder once the server has exited.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
  },
});
