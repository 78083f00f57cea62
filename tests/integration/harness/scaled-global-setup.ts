import { rm } from 'node:fs/promises';
import type { TestProject } from 'vitest/node';
import { makeOwnedFolder } from '../../temp-folders.mjs';
import { prepareTestRun, seedOnce } from './global-setup.js';
import { databaseNameOf, PostgresServer } from './postgres-server.js';
import { RedisServer } from './redis-server.js';
import type { ScaledServices } from './test-deployment.js';

/**
 * Builds the server, starts one PostgreSQL and one Redis for the whole scaled-out run, seeds the
 * demo workspace once into a database that each test's database is a copy of, and stops
 * everything (by process id) after the run.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { run, teardown } = await prepareTestRun(project, { seed: false });
  let postgres: PostgresServer | null = null;
  let redis: RedisServer | null = null;
  const stopAll = async () => {
    await redis?.dispose();
    await postgres?.stop();
    await teardown();
  };
  try {
    postgres = await PostgresServer.start();
    redis = await RedisServer.start();
    const template = await postgres.createDatabase();
    const dataDir = makeOwnedFolder('it-seed');
    try {
      await seedOnce(run.serverMain!, { DATA_DIR: dataDir, DATABASE_URL: template, REDIS_URL: redis.url });
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
    const services: ScaledServices = { postgresPort: postgres.port, redisUrl: redis.url, templateDatabase: databaseNameOf(template) };
    project.provide('scaledServices', services);
  } catch (error) {
    await stopAll();
    throw error;
  }
  return stopAll;
}
