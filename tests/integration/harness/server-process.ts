import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, onTestFinished } from 'vitest';

const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));
const startTimeoutMs = 20_000;
const stopTimeoutMs = 10_000;
/** Log lines kept for failure messages. */
const keptLogLines = 200;

/** The password of every demo account in these tests. */
export const demoPassword = 'integration-demo-password';

export interface ServerOptions {
  /** Extra environment, e.g. `{ MAX_MESSAGE_BYTES: '65536' }`. */
  env?: Record<string, string>;
}

/** One JSON log line of the server (pino). */
export interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

/**
 * The real server as a child process on port 0 with its own data folder. `stop()` and `kill()`
 * end the process but keep the folder, so that `start()` can bring the same data back up.
 */
export class ServerProcess {
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  private currentPort = 0;
  readonly logs: LogLine[] = [];

  private constructor(
    readonly dataDir: string,
    private readonly options: ServerOptions,
  ) {}

  /** Makes a fresh data folder and starts the server on it. The caller disposes of it. */
  static async launch(options: ServerOptions = {}): Promise<ServerProcess> {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'jointly-it-'));
    const server = new ServerProcess(dataDir, options);
    try {
      await server.start();
    } catch (error) {
      await server.dispose();
      throw error;
    }
    return server;
  }

  get isRunning(): boolean {
    return this.child !== null;
  }

  get port(): number {
    if (!this.child) throw new Error('the server is not running');
    return this.currentPort;
  }

  get httpUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The base of sync URLs; a letter's socket is `${syncUrl}/${letterId}`. */
  get syncUrl(): string {
    return `ws://127.0.0.1:${this.port}/sync`;
  }

  /** Starts the process on the data folder and resolves once it logs that it is listening. */
  async start(): Promise<void> {
    if (this.child) throw new Error('the server is already running');
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: projectRoot,
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: this.dataDir,
        LOG_LEVEL: 'info',
        DEMO_PASSWORD: demoPassword,
        ...this.options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    let stderr = '';
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-4000);
    });

    const listening = new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the server did not start within ${startTimeoutMs} ms\n${stderr}`)), startTimeoutMs);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`the server exited before listening (code ${code}, signal ${signal})\n${stderr}`));
      });
      createInterface({ input: child.stdout! }).on('line', (text) => {
        const line = parseLogLine(text);
        if (!line) return;
        this.logs.push(line);
        if (this.logs.length > keptLogLines) this.logs.shift();
        if (line.msg === 'Jointly is listening' && typeof line.port === 'number') {
          clearTimeout(timer);
          resolve(line.port);
        }
      });
    });
    try {
      this.currentPort = await listening;
    } catch (error) {
      await this.kill();
      throw error;
    }
  }

  /** SIGTERM: the server drains its commits and closes its rooms. */
  async stop(): Promise<void> {
    await this.end('SIGTERM');
  }

  /** SIGKILL: no chance to flush anything. */
  async kill(): Promise<void> {
    await this.end('SIGKILL');
  }

  /** Ends the process if it runs and removes the data folder. */
  async dispose(): Promise<void> {
    if (this.child) await this.stop();
    await rm(this.dataDir, { recursive: true, force: true });
  }

  /** The recent log lines (of every start) with this message, e.g. `'closing connection'`. */
  logsWith(msg: string): LogLine[] {
    return this.logs.filter((line) => line.msg === msg);
  }

  private async end(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child) return;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), stopTimeoutMs);
      await this.exited;
      clearTimeout(timer);
    }
    this.child = null;
  }
}

function parseLogLine(text: string): LogLine | null {
  try {
    const value = JSON.parse(text) as unknown;
    return value !== null && typeof value === 'object' && typeof (value as LogLine).msg === 'string' ? (value as LogLine) : null;
  } catch {
    return null;
  }
}

/** A server for the current test only; it is stopped and its folder removed when the test ends. */
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
