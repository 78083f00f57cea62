// Starts the scaled-out deployment for one end-to-end run: a throwaway PostgreSQL and Redis, two
// server instances on them, and a round-robin balancer on PORT, so that the browsers' requests and
// sockets land on either instance. The server is built once for the run and runs with plain node.
// On a signal everything is stopped by process id, and the folders and the build are removed.
import { rm } from 'node:fs/promises';
import { InstanceProcess, type LogLine } from '../integration/harness/instance-process.js';
import { LoadBalancer } from '../integration/harness/load-balancer.js';
import { PostgresServer } from '../integration/harness/postgres-server.js';
import { RedisServer } from '../integration/harness/redis-server.js';
import { buildServer, removeServerBuild } from '../server-build.mjs';
import { makeOwnedFolder, removeAbandonedFolders } from '../temp-folders.mjs';
import { demoPassword } from './support/demo-password.mjs';

const port = Number(process.env.PORT ?? 8797);
await removeAbandonedFolders();
const build = await buildServer();
const dataDir = makeOwnedFolder('e2e-scaled');
const postgres = await PostgresServer.start();
const redis = await RedisServer.start();
const instances: InstanceProcess[] = [];
let balancer: LoadBalancer | null = null;

async function stopAll(): Promise<void> {
  await balancer?.close();
  await Promise.all(instances.map((instance) => instance.end('SIGTERM')));
  await redis.dispose();
  await postgres.stop();
  await rm(dataDir, { recursive: true, force: true });
  removeServerBuild(build.folder);
}

try {
  const env = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    // The harness reads the instances' logs (to learn their ports); it does not print them.
    LOG_LEVEL: 'info',
    DEMO: 'on',
    DEMO_PASSWORD: demoPassword,
    DATABASE_URL: await postgres.createDatabase(),
    REDIS_URL: redis.url,
  };
  const logs: LogLine[] = [];
  // One after the other: the first seeds the demo workspace.
  for (let i = 0; i < 2; i++) instances.push(await InstanceProcess.start(env, logs, build.main));
  balancer = await LoadBalancer.start(() => instances, undefined, port);
  console.log(`Jointly (two instances on PostgreSQL and Redis) is listening on http://127.0.0.1:${port}`);
} catch (error) {
  console.error(error);
  await stopAll();
  process.exit(1);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => void stopAll().then(() => process.exit(0)));
}
