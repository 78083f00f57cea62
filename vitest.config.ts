import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'server/**/*.test.ts', 'client/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/architecture/**/*.test.ts', 'tests/bench/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Builds the server once for the run and seeds the demo workspace once (see the README, "Tests").
    globalSetup: ['tests/integration/harness/global-setup.ts'],
    // Two cores: integration tests start real servers and processes.
    maxWorkers: 2,
  },
});
