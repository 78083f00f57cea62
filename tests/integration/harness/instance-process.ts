import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));
/** Loaded into every server process the tests start: it ends the server when the test runner is gone. */
const exitWithParent = fileURLToPath(new URL('../../exit-with-parent.mjs', import.meta.url));
const startTimeoutMs = 20_000;
const stopTimeoutMs = 10_000;
/** Log lines kept for failure messages. */
const keptLogLines = 200;

/** One JSON log line of the server (pino). */
export interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

/**
 * What a server process runs: the server built once for the test run (see tests/server-build.mjs),
 * or, without a build, `server/main.ts` through tsx, which compiles it on every start.
 */
export function serverCommand(builtMain: string | null | undefined): string[] {
  return builtMain ? ['--import', exitWithParent, builtMain] : ['--import', exitWithParent, '--import', 'tsx', 'server/main.ts'];
}

/**
 * The process groups of the servers this process has started and not yet seen exit: one set per
 * process, however often a test runner evaluates this module in it.
 */
const running = runningGroups();

function runningGroups(): Set<number> {
  const key = Symbol.for('jointly.test-server-groups');
  const holder = globalThis as { [key]?: Set<number> };
  if (holder[key]) return holder[key];
  const groups = new Set<number>();
  holder[key] = groups;
  // Whatever ends this process (a test runner's worker torn down after a timeout), its servers go with it.
  process.once('exit', () => {
    for (const group of groups) signalGroup(group, 'SIGKILL');
  });
  return groups;
}

function signalGroup(group: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-group, signal);
  } catch {
    // The group has already gone.
  }
}

/**
 * One server process on port 0; its log lines go to `logs`, which several instances may share.
 * It runs in a process group of its own, and every way of ending it signals the whole group.
 */
export class InstanceProcess {
  private listeningPort: number | null = null;
  /** Resolves once the server logs that it listens; rejects if it exits or takes too long first. */
  readonly ready: Promise<void>;
  private readonly exited: Promise<void>;

  private constructor(
    private readonly child: ChildProcess,
    logs: LogLine[],
  ) {
    const group = child.pid!;
    running.add(group);
    this.exited = new Promise<void>((resolve) =>
      child.once('exit', () => {
        running.delete(group);
        resolve();
      }),
    );
    let stderr = '';
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-4000);
    });
    this.ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the server did not start within ${startTimeoutMs} ms\n${stderr}`)), startTimeoutMs);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`the server exited before listening (code ${code}, signal ${signal})\n${stderr}`));
      });
      createInterface({ input: child.stdout! }).on('line', (text) => {
        const line = parseLogLine(text);
        if (!line) return;
        logs.push(line);
        if (logs.length > keptLogLines) logs.shift();
        if (line.msg === 'Jointly is listening' && typeof line.port === 'number') {
          clearTimeout(timer);
          this.listeningPort = line.port;
          resolve();
        }
      });
    });
    // Whoever starts it awaits `ready`; a start abandoned on the way (its test timed out) must not be unhandled.
    this.ready.catch(() => undefined);
  }

  /**
   * Starts the server with `env` at once and returns it while it is still starting: the caller
   * keeps it (so that it can be stopped whatever happens) and then awaits `ready`.
   */
  static spawn(env: NodeJS.ProcessEnv, logs: LogLine[], builtMain?: string | null, nodeArguments?: string[]): InstanceProcess {
    const command = nodeArguments ? ['--import', exitWithParent, ...nodeArguments] : serverCommand(builtMain);
    const child = spawn(process.execPath, command, { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    if (child.pid === undefined) throw new Error('the server process could not be started');
    return new InstanceProcess(child, logs);
  }

  /**
   * Starts the server and resolves once it logs that it is listening (it is stopped if it does not).
   * `nodeArguments`, if given, are what `node` runs instead (e.g. `npm start`'s command).
   */
  static async start(env: NodeJS.ProcessEnv, logs: LogLine[], builtMain?: string | null, nodeArguments?: string[]): Promise<InstanceProcess> {
    const instance = InstanceProcess.spawn(env, logs, builtMain, nodeArguments);
    try {
      await instance.ready;
    } catch (error) {
      await instance.end('SIGKILL');
      throw error;
    }
    return instance;
  }

  /** The process id, to look at its open descriptors or memory in /proc. */
  get pid(): number {
    return this.child.pid!;
  }

  /** The port it listens on; only once `ready` has resolved. */
  get port(): number {
    if (this.listeningPort === null) throw new Error('the server is not listening yet');
    return this.listeningPort;
  }

  /** Running and listening: a balancer may send connections to it. */
  get isRunning(): boolean {
    return this.listeningPort !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The exit code once the process has ended by itself (null while it runs, or when a signal ended it). */
  get exitCode(): number | null {
    return this.child.exitCode;
  }

  /**
   * Sends `signal` and resolves once the process has exited (SIGKILL if it takes too long); then
   * whatever else is left in its process group is killed.
   */
  async end(signal: NodeJS.Signals): Promise<void> {
    const { child } = this;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill(signal);
      const timer = setTimeout(() => signalGroup(this.pid, 'SIGKILL'), stopTimeoutMs);
      await this.exited;
      clearTimeout(timer);
    }
    signalGroup(this.pid, 'SIGKILL');
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
