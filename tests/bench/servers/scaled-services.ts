import pg from 'pg';
import { PostgresServer } from '../../integration/harness/postgres-server.js';
import { RedisServer } from '../../integration/harness/redis-server.js';

/**
 * PostgreSQL and Redis for Jointly's scaled-out deployment, started the way the integration tests
 * start them (a throwaway cluster in a temporary folder and an in-memory Redis, both child
 * processes stopped by process id, their folders removed). Started once, on first use, for the
 * whole run; every server start gets a database of its own, dropped when it stops.
 */
export class ScaledServices {
  private constructor(
    private readonly postgres: PostgresServer,
    private readonly redis: RedisServer,
  ) {}

  get redisUrl(): string {
    return this.redis.url;
  }

  /** An empty database; pass its URL to `dropDatabase` once the instances on it have stopped. */
  createDatabase(): Promise<string> {
    return this.postgres.createDatabase();
  }

  async dropDatabase(url: string): Promise<void> {
    const parsed = new URL(url);
    const name = parsed.pathname.slice(1);
    parsed.pathname = '/postgres';
    const client = new pg.Client({ connectionString: parsed.toString() });
    await client.connect();
    try {
      // FORCE ends connections an instance that was killed may have left open.
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } finally {
      await client.end();
    }
  }

  async stop(): Promise<void> {
    await Promise.allSettled([this.redis.dispose(), this.postgres.stop()]);
  }

  /** Starts both; if either cannot start, stops the other and rejects with the reason. */
  static async start(): Promise<ScaledServices> {
    const [postgres, redis] = await Promise.allSettled([PostgresServer.start(), RedisServer.start()]);
    if (postgres.status === 'fulfilled' && redis.status === 'fulfilled') return new ScaledServices(postgres.value, redis.value);
    if (postgres.status === 'fulfilled') await postgres.value.stop();
    if (redis.status === 'fulfilled') await redis.value.dispose();
    const reasons = [postgres, redis].flatMap((result) => (result.status === 'rejected' ? [String((result.reason as Error).message ?? result.reason).split('\n')[0]] : []));
    throw new Error(reasons.join('; '));
  }
}

let started: Promise<ScaledServices> | null = null;

/** The run's PostgreSQL and Redis, started on the first call. */
export function scaledServices(): Promise<ScaledServices> {
  started ??= ScaledServices.start();
  return started;
}

/** Stops them if they were started (also after a failed start, which has nothing left to stop). */
export async function stopScaledServices(): Promise<void> {
  if (!started) return;
  const services = await started.catch(() => null);
  started = null;
  await services?.stop();
}
