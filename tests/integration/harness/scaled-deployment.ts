import { afterAll, beforeAll, onTestFinished } from 'vitest';
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

/** `count` instances on one database and one Redis, one after the other: the first seeds the demo workspace. */
async function launchInstances(count: number, databaseUrl: string, redis: RedisServer, launch: Launch): Promise<ScaledDeployment> {
  const instances: ServerProcess[] = [];
  for (let i = 0; i < count; i++) instances.push(await launch({ DATABASE_URL: databaseUrl, REDIS_URL: redis.url }));
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
  beforeAll(async () => {
    deployment = await launchInstances(count, await postgres().createDatabase(), redis(), (env) => ServerProcess.launch({ env }));
  });
  afterAll(async () => {
    await Promise.all(deployment?.instances.map((instance) => instance.dispose()) ?? []);
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
