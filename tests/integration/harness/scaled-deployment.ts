import { usePostgres } from './postgres-server.js';
import { useRedis, type RedisServer } from './redis-server.js';
import { startServer, type ServerProcess } from './server-process.js';

export interface ScaledDeployment {
  instances: ServerProcess[];
  databaseUrl: string;
  redis: RedisServer;
}

/**
 * The scaled-out deployment for the tests of a file: one PostgreSQL and one Redis, started before
 * the first test and stopped after the last. The returned function starts `count` instances on a
 * fresh database for the current test (stopped when it ends).
 */
export function useScaledDeployment(): (count: number, env?: Record<string, string>) => Promise<ScaledDeployment> {
  const postgres = usePostgres();
  const redis = useRedis();
  return async (count, env = {}) => {
    const databaseUrl = await postgres().createDatabase();
    const instances: ServerProcess[] = [];
    // One after the other: the first one seeds the demo workspace into the empty database.
    for (let i = 0; i < count; i++) {
      instances.push(await startServer({ env: { DATABASE_URL: databaseUrl, REDIS_URL: redis().url, ...env } }));
    }
    return { instances, databaseUrl, redis: redis() };
  };
}
