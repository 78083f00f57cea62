import type { TestProject } from 'vitest/node';
import { PostgresServer } from './postgres-server.js';
import { RedisServer } from './redis-server.js';
import type { ScaledServices } from './test-deployment.js';

/** Starts one PostgreSQL and one Redis for the whole scaled-out run, and stops them (by process id) after it. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const postgres = await PostgresServer.start();
  let redis: RedisServer;
  try {
    redis = await RedisServer.start();
  } catch (error) {
    await postgres.stop();
    throw error;
  }
  const services: ScaledServices = { postgresPort: postgres.port, redisUrl: redis.url };
  project.provide('scaledServices', services);
  return async () => {
    await redis.stop();
    await postgres.stop();
  };
}
