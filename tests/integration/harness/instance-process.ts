import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));
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

/** One server process on port 0; its log lines go to `logs`, which several instances may share. */
export class InstanceProcess {
  private constructor(
    private readonly child: ChildProcess,
    private readonly exited: Promise<void>,
    readonly port: number,
  ) {}

  /** Starts `server/main.ts` with `env` and resolves once it logs that it is listening. */
  static async start(env: NodeJS.ProcessEnv, logs: LogLine[]): Promise<InstanceProcess> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
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
        logs.push(line);
        if (logs.length > keptLogLines) logs.shift();
        if (line.msg === 'Jointly is listening' && typeof line.port === 'number') {
          clearTimeout(timer);
          resolve(line.port);
        }
      });
    });
    try {
      return new InstanceProcess(child, exited, await listening);
    } catch (error) {
      child.kill('SIGKILL');
      await exited;
      throw error;
    }
  }

  /** The process id, to look at its open descriptors or memory in /proc. */
  get pid(): number {
    return this.child.pid!;
  }

  get isRunning(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The exit code once the process has ended by itself (null while it runs, or when a signal ended it). */
  get exitCode(): number | null {
    return this.child.exitCode;
  }

  /** Sends `signal` and resolves once the process has exited (SIGKILL if it takes too long). */
  async end(signal: NodeJS.Signals): Promise<void> {
    const { child } = this;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), stopTimeoutMs);
      await this.exited;
      clearTimeout(timer);
    }
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
