import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createInterface } from 'node:readline';
import { withTimeout } from './wait-for.js';

const startTimeoutMs = 20_000;
const stopTimeoutMs = 10_000;

/**
 * A database or broker the tests run as a child process, known by its process id: started in
 * the foreground, ready once it logs `readyLine`, stopped with `signal` (SIGKILL if it hangs).
 */
export class HelperProcess {
  private output = '';

  private constructor(
    private readonly child: ChildProcess,
    private readonly exited: Promise<void>,
  ) {}

  static async start(command: string, args: string[], readyLine: string, options: SpawnOptions = {}): Promise<HelperProcess> {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const helper = new HelperProcess(child, exited);
    const ready = new Promise<void>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (code, signal) => reject(new Error(`${command} exited (code ${code}, signal ${signal}):\n${helper.output}`)));
      for (const stream of [child.stdout!, child.stderr!]) {
        createInterface({ input: stream }).on('line', (line) => {
          helper.output = `${helper.output}${line}\n`.slice(-4000);
          if (line.includes(readyLine)) resolve();
        });
      }
    });
    try {
      await withTimeout(ready, startTimeoutMs, () => `${command} to be ready:\n${helper.output}`);
    } catch (error) {
      await helper.stop('SIGKILL');
      throw error;
    }
    return helper;
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Sends `signal` to this process (only this one) and resolves once it has exited. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      process.kill(this.pid, signal);
      const timer = setTimeout(() => process.kill(this.pid, 'SIGKILL'), stopTimeoutMs);
      await this.exited;
      clearTimeout(timer);
    }
  }
}
