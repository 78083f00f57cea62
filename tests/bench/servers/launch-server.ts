import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { buildServer, removeServerBuild } from '../../server-build.mjs';
import { letterFolderVariable } from './letter-files.js';
import { readProcessUsage, type ProcessUsage } from './process-usage.js';
import { isJointly, ServerKind } from './server-kind.js';

const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));
/** Loaded into every server process: it ends if the benchmark that started it is gone. */
const exitWithParent = fileURLToPath(new URL('../../exit-with-parent.mjs', import.meta.url));
const startTimeoutMs = 30_000;
const stopTimeoutMs = 10_000;

/**
 * The entry point of each server. The reference servers and the relay run with `node --import tsx`;
 * Jointly runs as in production (`npm start`): the server built once for the benchmark run (see
 * `jointlyBuild`), with `--enable-source-maps`, and these entries are only its sources.
 */
const entryPoints: Record<ServerKind, string> = {
  [ServerKind.relay]: 'tests/bench/servers/raw-relay.ts',
  [ServerKind.jointly]: 'server/main.ts',
  [ServerKind.yWebsocket]: 'tests/bench/servers/y-websocket-server.ts',
  [ServerKind.hocuspocus]: 'tests/bench/servers/hocuspocus-server.ts',
  [ServerKind.jointlyScaledOne]: 'server/main.ts',
  [ServerKind.jointlyScaledTwo]: 'server/main.ts',
};

/** The server built for this benchmark run (the same build as `npm run build`), made on the first Jointly launch. */
let jointlyBuild: Promise<{ main: string; folder: string }> | null = null;

/** The node arguments that run a server of this kind. */
async function serverArguments(kind: ServerKind): Promise<string[]> {
  if (!isJointly(kind)) return ['--import', 'tsx', entryPoints[kind]];
  jointlyBuild ??= buildServer({ sourcemap: true });
  return ['--enable-source-maps', (await jointlyBuild).main];
}

/** Removes the server built for this run, if one was made (at the end of the run, also when it failed). */
export async function removeJointlyBuild(): Promise<void> {
  const build = jointlyBuild;
  jointlyBuild = null;
  if (!build) return;
  try {
    removeServerBuild((await build).folder);
  } catch {
    // The build failed and removed its own folder.
  }
}

export interface LaunchOptions {
  /** Jointly's DATA_DIR, or the folder of letter files the others read. */
  dataDir: string;
  /** Extra environment, e.g. `{ ROOM_GRACE_MS: '0' }` for Jointly. */
  env?: Record<string, string>;
}

/** One server process of a round: its address, its pid for CPU and memory, and how to stop it. */
export class RunningServer {
  /** Every process started and not yet stopped, for `stopAll` when the run is interrupted. */
  private static readonly running = new Set<RunningServer>();

  private constructor(
    readonly kind: ServerKind,
    private readonly child: ChildProcess,
    readonly port: number,
    private readonly exited: Promise<void>,
  ) {}

  static async launch(kind: ServerKind, options: LaunchOptions): Promise<RunningServer> {
    // BENCH_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/profiles' profiles the servers (Node refuses it in NODE_OPTIONS).
    const nodeArguments = (process.env['BENCH_NODE_ARGS'] ?? '').split(' ').filter(Boolean);
    const child = spawn(process.execPath, [...nodeArguments, '--import', exitWithParent, ...(await serverArguments(kind))], {
      cwd: projectRoot,
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        // Jointly reads DATA_DIR; the others read the letter folder.
        DATA_DIR: options.dataDir,
        [letterFolderVariable]: options.dataDir,
        DEMO: 'off',
        LOG_LEVEL: 'info',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    let stderr = '';
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-4000);
    });
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${kind} did not start within ${startTimeoutMs} ms\n${stderr}`)), startTimeoutMs);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${kind} exited before listening (code ${code})\n${stderr}`));
      });
      createInterface({ input: child.stdout! }).on('line', (text) => {
        const announced = listeningPort(text);
        if (announced === null) return;
        clearTimeout(timer);
        resolve(announced);
      });
    }).catch(async (error: unknown) => {
      child.kill('SIGKILL');
      await exited;
      throw error;
    });
    const server = new RunningServer(kind, child, port, exited);
    RunningServer.running.add(server);
    void exited.then(() => RunningServer.running.delete(server));
    return server;
  }

  /** Stops every server process still running (the run was interrupted). */
  static async stopAll(): Promise<void> {
    await Promise.all(Array.from(RunningServer.running, (server) => server.stop()));
  }

  get pid(): number {
    return this.child.pid!;
  }

  get httpUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The websocket address of a letter. */
  letterUrl(letterId: string): string {
    return isJointly(this.kind) ? `ws://127.0.0.1:${this.port}/sync/${letterId}` : `ws://127.0.0.1:${this.port}/${letterId}`;
  }

  usage(): ProcessUsage {
    return readProcessUsage(this.pid);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), stopTimeoutMs);
    await this.exited;
    clearTimeout(timer);
  }
}

/** Jointly logs `Jointly is listening` with its port (pino JSON); the others print `listening`. */
function listeningPort(text: string): number | null {
  try {
    const line = JSON.parse(text) as { msg?: unknown; port?: unknown };
    return typeof line.msg === 'string' && line.msg.includes('listening') && typeof line.port === 'number' ? line.port : null;
  } catch {
    return null;
  }
}
