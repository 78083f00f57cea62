import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'server/**/*.test.ts', 'client/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/architecture/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // One Yjs for everything: the sync libraries must load through the same resolver as the code
    // under test, or types made by one are not `instanceof` the other's classes.
    server: { deps: { inline: ['y-websocket', 'y-protocols'] } },
    // Two cores: integration tests start real servers and processes.
    maxWorkers: 2,
  },
});
