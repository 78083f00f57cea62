import { afterAll, beforeAll } from 'vitest';
import { PostgresServer } from './postgres-server.js';
import { RedisServer } from './redis-server.js';

/** Runs `start` before the first test of the file and `stop` after the last; the returned function gives what it started. */
function useForFile<T>(what: string, start: () => Promise<T>, stop: (started: T) => Promise<void>): () => T {
  let started: T | null = null;
  beforeAll(async () => {
    started = await start();
  });
  afterAll(async () => {
    if (started) await stop(started);
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
  return useForFile('Redis', () => RedisServer.start(), (server) => server.stop());
}
