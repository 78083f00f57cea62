import { defineConfig } from '@playwright/test';
import base from './playwright.config.js';

const port = Number(process.env['E2E_PORT'] ?? 8797);

/**
 * The journeys about editing together, saving, roles and sign-off, run again against the
 * scaled-out deployment: two instances on PostgreSQL and Redis behind a round-robin balancer.
 */
export default defineConfig({
  ...base,
  testMatch: [
    'two-people-edit-together.spec.ts',
    'saved-text-survives-reload.spec.ts',
    'offline-edits-sync-on-return.spec.ts',
    'observer-cannot-edit.spec.ts',
    'removed-member-is-disconnected.spec.ts',
    'sign-off-by-three-offices.spec.ts',
    'paragraph-history-and-versions.spec.ts',
    'hostile-presence-leaves-text.spec.ts',
    'signature-binds-to-what-was-seen.spec.ts',
    'course-progress-follows-every-paragraph.spec.ts',
  ],
  webServer: {
    ...base.webServer,
    // One process, no npx in front: npx exits on the signal without waiting for its child, and
    // Playwright then kills what is left before PostgreSQL, Redis and the folders are removed.
    command: 'node --import tsx tests/e2e/start-scaled-server.ts',
    env: { PORT: String(port), LOG_LEVEL: 'warn' },
    // The script stops PostgreSQL, Redis and the instances by process id when it is asked to.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
  },
});
