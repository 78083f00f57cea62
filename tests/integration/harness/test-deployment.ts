import { inject } from 'vitest';

/** What `vitest.scaled.config.ts` starts once for the run: the integration suite's scaled-out deployment. */
export interface ScaledServices {
  postgresPort: number;
  redisUrl: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    scaledServices: ScaledServices | null;
  }
}

/**
 * How many instances a test server runs and on what: one on its own SQLite file (the default),
 * or, under `npm run test:scaled`, two on one PostgreSQL database and one Redis behind a balancer.
 */
export function scaledServices(): ScaledServices | null {
  return inject('scaledServices') ?? null;
}
