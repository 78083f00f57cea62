import { Piscina } from 'piscina';
import type { ErrorCode } from '../../shared/api/errors.js';
import { AppError } from '../http/app-error.js';

/** The codes a refusal carries: which work was refused (an export, an import) shows in them. */
export interface WorkerRefusalCodes {
  /** The person has enough under way, or the queue is full: 503 with Retry-After. */
  busy: ErrorCode;
  /** The task ran past its time or memory limit and its thread was stopped: 503. */
  overLimit: ErrorCode;
}

/** What exports and imports may cost; see README, "Configuration". */
export interface WorkerLimits {
  /** Worker threads at most; each takes one core while it writes. */
  threads: number;
  /** Tasks waiting for a thread; one more is refused (503, busy). */
  queueLength: number;
  /** Milliseconds a task may take, waiting included; then its thread is stopped. */
  timeoutMs: number;
  /** Heap of one worker thread, in MiB; a task that needs more stops its thread. */
  memoryMb: number;
  /** Tasks of one person running or waiting at once. */
  maxPerPerson: number;
}

const entry = new URL('./worker-entry.mjs', import.meta.url).href;

/**
 * A small pool of worker threads for work whose cost grows with a letter or a file (exports,
 * imports): it runs off the event loop, so editing and health checks keep answering, within a time
 * and memory limit, with at most a few tasks per person and a bounded queue.
 */
export class WorkerPool {
  private pool: Piscina | null = null;
  private readonly perPerson = new Map<string, number>();
  /** Tasks taken and not yet answered: being prepared, waiting for a thread, or running. */
  private admitted = 0;

  constructor(private readonly limits: WorkerLimits) {}

  /**
   * Prepares a task's input (on this thread) and runs the default export of `module` (a file URL)
   * on it in a worker thread, for `personId`. The person's limit counts from the start of the
   * preparation, which reads the letter or the file.
   */
  async run<Input, Output>(personId: string, module: URL, prepare: () => Promise<Input>, codes: WorkerRefusalCodes): Promise<Output> {
    const pool = this.threads();
    const running = this.perPerson.get(personId) ?? 0;
    if (running >= this.limits.maxPerPerson) {
      throw new AppError(503, codes.busy, 'You already have an export or import under way. Try again when it is done.');
    }
    if (this.admitted >= this.limits.threads + this.limits.queueLength) {
      throw new AppError(503, codes.busy, 'The server is busy with other files just now. Try again in a few seconds.');
    }
    this.perPerson.set(personId, running + 1);
    this.admitted += 1;
    try {
      const input = await prepare();
      return (await pool.run({ moduleUrl: module.href, input }, { signal: AbortSignal.timeout(this.limits.timeoutMs) })) as Output;
    } catch (error) {
      throw overLimit(error, codes.overLimit) ?? error;
    } finally {
      this.admitted -= 1;
      const left = (this.perPerson.get(personId) ?? 1) - 1;
      if (left > 0) this.perPerson.set(personId, left);
      else this.perPerson.delete(personId);
    }
  }

  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = null;
    await pool?.destroy();
  }

  // Threads start with the first task, not with the server, and end after a minute without work.
  private threads(): Piscina {
    this.pool ??= new Piscina({
      filename: entry,
      minThreads: 0,
      maxThreads: this.limits.threads,
      idleTimeout: 60_000,
      resourceLimits: { maxOldGenerationSizeMb: this.limits.memoryMb },
    });
    return this.pool;
  }
}

/** A task stopped by its time or memory limit, as the answer to give; null for any other failure. */
function overLimit(error: unknown, code: ErrorCode): AppError | null {
  if (!(error instanceof Error)) return null;
  if (error.name === 'AbortError') return new AppError(503, code, 'This took longer than the server allows. Try again later, or ask an administrator.');
  if ((error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return new AppError(503, code, 'This needed more memory than the server allows. Ask an administrator.');
  }
  return null;
}
