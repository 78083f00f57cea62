import { afterAll, beforeAll, onTestFinished } from 'vitest';
import { createLogger } from '../../../server/logger.js';
import { PostgresStore } from '../../../server/store/postgres/postgres-store.js';
import { seedDemoWorkspace } from '../../../server/workspace/seed-demo-workspace.js';
import { demoPassword } from './demo-password.js';
import { Balancing, LoadBalancer, type Backend } from './load-balancer.js';
import type { RedisServer } from './redis-server.js';
import { ServerProcess, startServer } from './server-process.js';
import { usePostgres, useRedis } from './test-services.js';

export interface ScaledDeployment {
  instances: ServerProcess[];
  databaseUrl: string;
  redis: RedisServer;
}

type Launch = (env: Record<string, string>) => Promise<ServerProcess>;

/**
 * Seeds the demo workspace into the database from this process (as the first server to start on
 * it would), so that all instances can then start together instead of one after the other.
 */
async function seedDatabase(databaseUrl: string): Promise<void> {
  const store = await PostgresStore.open(databaseUrl);
  try {
    await seedDemoWorkspace(store, createLogger('silent'), demoPassword);
  } finally {
    await store.close();
  }
}

/** `count` instances on one database and one Redis, started together on the seeded database. */
async function launchInstances(count: number, databaseUrl: string, redis: RedisServer, launch: Launch): Promise<ScaledDeployment> {
  await seedDatabase(databaseUrl);
  const launched = await Promise.allSettled(Array.from({ length: count }, () => launch({ DATABASE_URL: databaseUrl, REDIS_URL: redis.url })));
  const instances = launched.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failed = launched.find((result) => result.status === 'rejected');
  if (failed) {
    await Promise.all(instances.map((instance) => instance.dispose()));
    throw failed.reason;
  }
  return { instances, databaseUrl, redis };
}

/**
 * The scaled-out deployment, for tests that break it: one PostgreSQL and one Redis for the file;
 * the returned function starts `count` instances, with extra `settings` if given, on a fresh
 * database for the current test (stopped when it ends).
 */
export function useScaledDeployment(): (count: number, settings?: Record<string, string>) => Promise<ScaledDeployment> {
  const postgres = usePostgres();
  const redis = useRedis();
  return async (count, settings = {}) =>
    launchInstances(count, await postgres().createDatabase(), redis(), (env) => startServer({ env: { ...settings, ...env } }));
}

/** `count` instances on one PostgreSQL and one Redis, shared by the tests of a file (which must leave them running). */
export function useSharedScaledDeployment(count: number): () => ScaledDeployment {
  const postgres = usePostgres();
  const redis = useRedis();
  let deployment: ScaledDeployment | null = null;
  // Every instance made, so that those still starting when the hook timed out are disposed of too.
  const made: ServerProcess[] = [];
  const launch = async (env: Record<string, string>) => {
    const instance = ServerProcess.create({ env });
    made.push(instance);
    await instance.start();
    return instance;
  };
  beforeAll(async () => {
    deployment = await launchInstances(count, await postgres().createDatabase(), redis(), launch);
  });
  afterAll(async () => {
    await Promise.all(made.map((instance) => instance.dispose()));
  });
  return () => {
    if (!deployment) throw new Error('the scaled-out deployment has not started');
    return deployment;
  };
}

/** A balancer in front of `instances` for the current test; closed when the test ends. */
export async function startLoadBalancer(instances: readonly Backend[], balancing: Balancing = Balancing.roundRobin): Promise<LoadBalancer> {
  const balancer = await LoadBalancer.start(() => instances, balancing);
  onTestFinished(() => balancer.close());
  return balancer;
}
