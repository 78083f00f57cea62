import { inject } from 'vitest';

/** What `vitest.scaled.config.ts` starts once for the run: the integration suite's scaled-out deployment. */
export interface ScaledServices {
  postgresPort: number;
  redisUrl: string;
  /** A database the demo workspace was seeded into once for the run; test databases are copies of it. */
  templateDatabase: string | null;
}

/** What the global setup (tests/integration/harness/global-setup.ts) prepares once for a test run. */
export interface TestRun {
  /** The server built for the run (null: the processes compile `server/main.ts` with tsx). */
  serverMain: string | null;
  /** A data folder with the demo workspace seeded, which test servers on SQLite start from a copy of. */
  seededDataDir: string | null;
}

declare module 'vitest' {
  export interface ProvidedContext {
    scaledServices: ScaledServices | null;
    testRun: TestRun;
  }
}

/**
 * How many instances a test server runs and on what: one on its own SQLite file (the default),
 * or, under `npm run test:scaled`, two on one PostgreSQL database and one Redis behind a balancer.
 */
export function scaledServices(): ScaledServices | null {
  return inject('scaledServices') ?? null;
}

export function testRun(): TestRun {
  return inject('testRun') ?? { serverMain: null, seededDataDir: null };
}
