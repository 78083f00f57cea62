import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, onTestFinished } from 'vitest';
import { PostgresStore } from '../../../server/store/postgres/postgres-store.js';
import { SqliteStore } from '../../../server/store/sqlite/sqlite-store.js';
import type { Store } from '../../../server/store/store.js';
import { InstanceProcess, type LogLine } from './instance-process.js';
import { LoadBalancer } from './load-balancer.js';
import { createDatabaseOn } from './postgres-server.js';
import { scaledServices } from './test-deployment.js';

export type { LogLine };

/** The password of every demo account in these tests. */
export const demoPassword = 'integration-demo-password';

export interface ServerOptions {
  /** Extra environment, e.g. `{ MAX_MESSAGE_BYTES: '65536' }`. */
  env?: Record<string, string>;
}

/** Instances behind one address under `npm run test:scaled`: enough to make every test cross between them. */
const scaledInstanceCount = 2;

/**
 * The real server as child processes on port 0 with its own data: one process on a SQLite file,
 * or (under `npm run test:scaled`) two on a fresh PostgreSQL database and a shared Redis, behind
 * a round-robin balancer, so that each request and socket may land on either. `stop()` and
 * `kill()` end the processes but keep the data, so that `start()` can bring it back up.
 */
export class ServerProcess {
  private instances: InstanceProcess[] = [];
  readonly logs: LogLine[] = [];

  private constructor(
    readonly dataDir: string,
    private readonly env: Record<string, string>,
    private readonly instanceCount: number,
    private readonly balancer: LoadBalancer | null,
  ) {}

  /** Makes fresh data and starts the server on it. The caller disposes of it. */
  static async launch(options: ServerOptions = {}): Promise<ServerProcess> {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'jointly-it-'));
    const scaled = scaledServices();
    const env = { ...options.env };
    if (scaled) Object.assign(env, { DATABASE_URL: await createDatabaseOn(scaled.postgresPort), REDIS_URL: scaled.redisUrl });
    const count = scaled ? scaledInstanceCount : 1;
    let server: ServerProcess | null = null;
    const balancer = count > 1 ? await LoadBalancer.start(() => server?.instances ?? []) : null;
    server = new ServerProcess(dataDir, env, count, balancer);
    try {
      await server.start();
    } catch (error) {
      await server.dispose();
      throw error;
    }
    return server;
  }

  get isRunning(): boolean {
    return this.instances.length > 0;
  }

  /** The process ids of the running instances. */
  get pids(): number[] {
    return this.instances.map((instance) => instance.pid);
  }

  get port(): number {
    const first = this.instances[0];
    if (!first) throw new Error('the server is not running');
    return this.balancer?.port ?? first.port;
  }

  get httpUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The base of sync URLs; a letter's socket is `${syncUrl}/${letterId}`. */
  get syncUrl(): string {
    return `ws://127.0.0.1:${this.port}/sync`;
  }

  /** Starts the processes on the data, one after the other (the first seeds the demo workspace). */
  async start(): Promise<void> {
    if (this.isRunning) throw new Error('the server is already running');
    const env = { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: this.dataDir, LOG_LEVEL: 'info', DEMO_PASSWORD: demoPassword, ...this.env };
    const started: InstanceProcess[] = [];
    try {
      for (let i = 0; i < this.instanceCount; i++) started.push(await InstanceProcess.start(env, this.logs));
    } catch (error) {
      await Promise.all(started.map((instance) => instance.end('SIGKILL')));
      throw error;
    }
    this.instances = started;
  }

  /** SIGTERM: each process drains its commits and closes its rooms. Resolves with their exit codes (null: killed). */
  async stop(): Promise<(number | null)[]> {
    return this.end('SIGTERM');
  }

  /** SIGKILL: no chance to flush anything. */
  async kill(): Promise<void> {
    await this.end('SIGKILL');
  }

  /** Ends the processes if they run and removes the data folder. */
  async dispose(): Promise<void> {
    await this.stop();
    await this.balancer?.close();
    await rm(this.dataDir, { recursive: true, force: true });
  }

  /** The recent log lines (of every start and instance) with this message, e.g. `'closing connection'`. */
  logsWith(msg: string): LogLine[] {
    return this.logs.filter((line) => line.msg === msg);
  }

  /** The server's store, opened directly (while the server is stopped, for SQLite). */
  openStore(): Promise<Store> {
    const url = this.env.DATABASE_URL;
    return url ? PostgresStore.open(url) : Promise.resolve(SqliteStore.open(path.join(this.dataDir, 'jointly.sqlite')));
  }

  private async end(signal: NodeJS.Signals): Promise<(number | null)[]> {
    const instances = this.instances;
    this.instances = [];
    await Promise.all(instances.map((instance) => instance.end(signal)));
    return instances.map((instance) => instance.exitCode);
  }
}

/** A server for the current test only; it is stopped and its data removed when the test ends. */
export async function startServer(options: ServerOptions = {}): Promise<ServerProcess> {
  const server = await ServerProcess.launch(options);
  onTestFinished(() => server.dispose());
  return server;
}

/**
 * One server shared by the tests of a file (started before the first, disposed after the last).
 * Call at the top of a `describe`; the returned function gives the running server.
 */
export function useSharedServer(options: ServerOptions = {}): () => ServerProcess {
  let server: ServerProcess | null = null;
  beforeAll(async () => {
    server = await ServerProcess.launch(options);
  });
  afterAll(async () => {
    await server?.dispose();
  });
  return () => {
    if (!server) throw new Error('the shared server has not started');
    return server;
  };
}
