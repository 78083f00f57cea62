import { defineConfig } from 'vitest/config';

/**
 * The integration tests that concern sync, presence, roles on sockets, recovery and history, run again
 * against the scaled-out deployment: two instances on one PostgreSQL and one Redis behind a
 * round-robin balancer (see tests/integration/harness/server-process.ts).
 */
export default defineConfig({
  test: {
    include: [
      'tests/integration/convergence.test.ts',
      'tests/integration/crash-recovery.test.ts',
      'tests/integration/late-joiner.test.ts',
      'tests/integration/persistence.test.ts',
      'tests/integration/presence.test.ts',
      'tests/integration/reconnect.test.ts',
      'tests/integration/refused-frames.test.ts',
      'tests/integration/crafted-updates.test.ts',
      'tests/integration/paragraph-ids.test.ts',
      'tests/integration/roles-on-sockets.test.ts',
      'tests/integration/paragraph-history.test.ts',
      'tests/integration/hostile-presence.test.ts',
      'tests/integration/session-expiry.test.ts',
      'tests/integration/letter-state-order.test.ts',
      'tests/integration/reordering-characters.test.ts',
      'tests/integration/comments-live.test.ts',
      'tests/integration/notification-mail.test.ts',
      'tests/integration/suggestions.test.ts',
      'tests/integration/sync-budgets.test.ts',
      'tests/integration/repeated-sync-requests.test.ts',
      'tests/integration/removed-member-presence.test.ts',
      'tests/integration/presence-queries.test.ts',
      'tests/integration/letter-state-requests.test.ts',
      'tests/integration/write-budget.test.ts',
      'tests/integration/repeated-joins.test.ts',
    ],
    globalSetup: ['tests/integration/harness/scaled-global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    maxWorkers: 2,
  },
});
