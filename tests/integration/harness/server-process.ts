import { cp, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, onTestFinished } from 'vitest';
import { PostgresStore } from '../../../server/store/postgres/postgres-store.js';
import { SqliteStore } from '../../../server/store/sqlite/sqlite-store.js';
import type { Store } from '../../../server/store/store.js';
import { makeOwnedFolder } from '../../temp-folders.mjs';
import { demoPassword } from './demo-password.js';
import { InstanceProcess, type LogLine } from './instance-process.js';
import { LoadBalancer } from './load-balancer.js';
import { createDatabaseOn } from './postgres-server.js';
import { scaledServices, testRun } from './test-deployment.js';

export type { LogLine };

export { demoPassword };

export interface ServerOptions {
  /** Extra environment, e.g. `{ MAX_MESSAGE_BYTES: '65536' }`. */
  env?: Record<string, string>;
  /**
   * Seed the demo workspace anew at the first start. Without it the server starts on a copy of
   * the data seeded once for the run (the same offices, people and letter; seeding hashes a
   * password and writes the letter, a large part of a start), unless `env` changes the seed.
   */
  freshSeed?: boolean;
}

/** Settings that change what a start seeds: with any of them the data is seeded anew. */
const seedSettings = ['DEMO', 'DEMO_PASSWORD', 'DATA_DIR', 'DATABASE_URL'];

/** Instances behind one address under `npm run test:scaled`: enough to make every test cross between them. */
const scaledInstanceCount = 2;

/**
 * The real server as child processes on port 0 with its own data: one process on a SQLite file,
 * or (under `npm run test:scaled`) two on a fresh PostgreSQL database and a shared Redis, behind
 * a round-robin balancer, so that each request and socket may land on either. The processes run
 * the server built once for the test run. `stop()` and `kill()` end the processes but keep the
 * data, so that `start()` can bring it back up; `dispose()` ends everything, even a start still
 * under way (a test that timed out while its server was starting).
 */
export class ServerProcess {
  private instances: InstanceProcess[] = [];
  readonly logs: LogLine[] = [];
  private readonly env: Record<string, string>;
  private readonly instanceCount: number;
  private balancer: LoadBalancer | null = null;
  /** The database and balancer, made at the first start. */
  private prepared: Promise<void> | null = null;
  private disposed = false;
  /** Whether the store holds the demo workspace already (a copy of the seeded data, or an earlier start). */
  private hasData = false;

  private constructor(
    readonly dataDir: string,
    private readonly options: ServerOptions,
  ) {
    this.env = { ...options.env };
    this.instanceCount = scaledServices() ? scaledInstanceCount : 1;
  }

  /** The server on a data folder of its own, not started yet: the caller disposes of it. */
  static create(options: ServerOptions = {}): ServerProcess {
    return new ServerProcess(makeOwnedFolder('it'), options);
  }

  /** Makes fresh data and starts the server on it. The caller disposes of it. */
  static async launch(options: ServerOptions = {}): Promise<ServerProcess> {
    const server = ServerProcess.create(options);
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

  /** Starts the processes on the data, one after the other (the first seeds the demo workspace if it is not there). */
  async start(): Promise<void> {
    if (this.isRunning) throw new Error('the server is already running');
    this.prepared ??= this.prepare();
    await this.prepared;
    const env = { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: this.dataDir, LOG_LEVEL: 'info', DEMO_PASSWORD: demoPassword, ...this.env };
    try {
      // A store without the demo workspace is seeded by the first instance alone; the others start with it.
      const together = this.hasData ? this.instanceCount : 1;
      for (let i = 0; i < this.instanceCount; i += together) {
        if (this.disposed) throw new Error('the server was disposed of while it was starting');
        const batch = Array.from({ length: Math.min(together, this.instanceCount - i) }, () => InstanceProcess.spawn(env, this.logs, testRun().serverMain));
        this.instances.push(...batch);
        await Promise.all(batch.map((instance) => instance.ready));
      }
      this.hasData = true;
    } catch (error) {
      await this.end('SIGKILL');
      throw error;
    }
  }

  /** The data a first start finds: a copy of the data seeded once for the run, or nothing (it seeds). */
  private async prepare(): Promise<void> {
    const scaled = scaledServices();
    const seeded = !this.options.freshSeed && !seedSettings.some((name) => name in this.env);
    if (scaled) {
      const template = seeded ? scaled.templateDatabase : undefined;
      Object.assign(this.env, { DATABASE_URL: await createDatabaseOn(scaled.postgresPort, template ?? undefined), REDIS_URL: scaled.redisUrl });
      this.hasData = Boolean(template);
    } else {
      const template = seeded ? testRun().seededDataDir : null;
      if (template) await cp(template, this.dataDir, { recursive: true });
      this.hasData = Boolean(template);
    }
    if (this.instanceCount > 1) this.balancer = await LoadBalancer.start(() => this.instances);
  }

  /** SIGTERM: each process drains its commits and closes its rooms. Resolves with their exit codes (null: killed). */
  async stop(): Promise<(number | null)[]> {
    return this.end('SIGTERM');
  }

  /** SIGKILL: no chance to flush anything. */
  async kill(): Promise<void> {
    await this.end('SIGKILL');
  }

  /** Ends the processes (even while they start) and removes the data folder. */
  async dispose(): Promise<void> {
    this.disposed = true;
    await this.stop();
    await this.prepared?.catch(() => undefined);
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

/** A server for the current test only; it is stopped and its data removed when the test ends (or times out). */
export async function startServer(options: ServerOptions = {}): Promise<ServerProcess> {
  const server = ServerProcess.create(options);
  onTestFinished(() => server.dispose());
  await server.start();
  return server;
}

/**
 * One server shared by the tests of a file (started before the first, disposed after the last).
 * Call at the top of a `describe`; the returned function gives the running server.
 */
export function useSharedServer(options: ServerOptions = {}): () => ServerProcess {
  let server: ServerProcess | null = null;
  let started = false;
  beforeAll(async () => {
    server = ServerProcess.create(options);
    await server.start();
    started = true;
  });
  afterAll(async () => {
    await server?.dispose();
  });
  return () => {
    if (!server || !started) throw new Error('the shared server has not started');
    return server;
  };
}
