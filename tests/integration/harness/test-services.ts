import { afterAll, beforeAll } from 'vitest';
import { PostgresServer } from './postgres-server.js';
import { RedisServer } from './redis-server.js';

/** Runs `start` before the first test of the file and `stop` after the last; the returned function gives what it started. */
function useForFile<T>(what: string, start: () => Promise<T>, stop: (started: T) => Promise<void>): () => T {
  let started: T | null = null;
  // Kept so that a start still under way when its hook timed out is stopped once it is done.
  let starting: Promise<T | null> | null = null;
  beforeAll(async () => {
    const pending = start();
    starting = pending.catch(() => null);
    started = await pending;
  });
  afterAll(async () => {
    const service = await starting;
    if (service) await stop(service);
  });
  return () => {
    if (!started) throw new Error(`${what} has not started`);
    return started;
  };
}

/** One PostgreSQL cluster for the tests of a file. */
export function usePostgres(): () => PostgresServer {
  return useForFile('PostgreSQL', () => PostgresServer.start(), (server) => server.stop());
}

/** One Redis for the tests of a file. */
export function useRedis(): () => RedisServer {
  return useForFile('Redis', () => RedisServer.start(), (server) => server.dispose());
}
