import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { TextReadOnly, type UpdateToAppend } from '../store.js';

/** What the text writer's thread is started with. */
export interface TextWriterSettings {
  /** The store's SQLite file (WAL, schema up to date). */
  file: string;
  /** How long one commit waits for another writer's lock before it fails with SQLITE_BUSY. */
  busyTimeoutMs: number;
  /** The thread's module, as a file URL. */
  threadModule: string;
  /** One Int32: whether the thread is inside a database call (see CallGate). */
  gate: SharedArrayBuffer;
}

/**
 * The state of the one Int32 both threads share. A thread ended while inside a better-sqlite3 call
 * aborts the whole process (the call cannot hand back its result or error), and Node ends worker
 * threads at process exit: so at exit this thread waits, briefly, until the writer is between
 * calls and has agreed to start no other.
 */
export const CallGate = { idle: 0, inCall: 1, stopped: 2 } as const;
/** How long process exit waits for a database call of the writer to end. */
const exitWaitMs = 2000;

export type TextWriterRequest = { kind: 'append'; id: number; updates: UpdateToAppend[] } | { kind: 'close' };

/** An error of the thread, in a form that crosses threads; remade as the same error type on this side. */
export interface TextWriterError {
  name: string;
  message: string;
  code?: string;
  letterIds?: string[];
}

export type TextWriterReply = { id: number; seqs: number[] } | { id: number; error: TextWriterError } | { isReady: true };

/** The text writer's thread stopped (crashed, or could not start): the appends it had were not confirmed. */
export class TextWriterStopped extends Error {
  override readonly name = 'TextWriterStopped';
}

const threadModule = new URL('./text-writer-thread.ts', import.meta.url);
const threadEntry = new URL('./text-writer-entry.mjs', import.meta.url);

interface Call {
  resolve: (seqs: number[]) => void;
  reject: (error: Error) => void;
}

/**
 * Appends text updates on a worker thread that owns a second connection to the store's file, so
 * that a commit (synchronous=FULL: an fsync each) does not hold up the event loop: broadcasting
 * other letters, presence and requests go on meanwhile. One long-lived thread, not a pool: the
 * connection and its prepared statements live as long as the store, batches are stored strictly
 * in the order they were sent (so each letter's sequence numbers follow its updates), and SQLite
 * has one write lock anyway, which several writing threads would only contend for.
 *
 * The thread starts with `start()` or the first append and does not keep the process alive while idle. If it
 * stops (a crash), the appends it held fail with TextWriterStopped, `onStopped` is told, and the
 * next append starts a new thread: the rooms of those appends close as for any store fault, and
 * their clients resend what was not confirmed.
 */
export class TextWriter {
  private worker: Worker | null = null;
  /** Settles once the running thread has opened its connection, or has stopped before that. */
  private ready: Promise<void> = Promise.resolve();
  private markReady: (error?: Error) => void = () => {};
  private readonly calls = new Map<number, Call>();
  private nextId = 1;
  private isClosed = false;
  private readonly gate = new Int32Array(new SharedArrayBuffer(4));
  private readonly stopAtExit = () => stopBetweenCalls(this.gate);

  constructor(
    private readonly settings: Omit<TextWriterSettings, 'threadModule' | 'gate'> & { threadModule?: URL },
    private readonly onStopped: (error: Error) => void = () => {},
  ) {}

  append(updates: UpdateToAppend[]): Promise<number[]> {
    if (this.isClosed) return Promise.reject(new TextWriterStopped('the store is closed'));
    if (updates.length === 0) return Promise.resolve([]);
    const worker = this.start();
    const id = this.nextId++;
    return new Promise<number[]>((resolve, reject) => {
      this.calls.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ kind: 'append', id, updates } satisfies TextWriterRequest);
    });
  }

  /** Starts the thread if it is not running, and resolves once it has opened its connection; rejects if it stopped first. */
  async started(): Promise<void> {
    this.start();
    await this.ready;
  }

  /** Lets the appends sent so far finish, then ends the thread and its connection. */
  async close(): Promise<void> {
    this.isClosed = true;
    const worker = this.worker;
    if (!worker) return;
    worker.ref();
    const exited = once(worker, 'exit');
    worker.postMessage({ kind: 'close' } satisfies TextWriterRequest);
    await exited;
  }

  /** Starts the thread now, if it is not running (it starts with the first append otherwise). */
  start(): Worker {
    if (this.worker) return this.worker;
    const { threadModule: module = threadModule, ...rest } = this.settings;
    Atomics.store(this.gate, 0, CallGate.idle);
    const settings: TextWriterSettings = { ...rest, threadModule: module.href, gate: this.gate.buffer as SharedArrayBuffer };
    const worker = new Worker(threadEntry, { workerData: settings, name: 'jointly-text-writer' });
    worker.unref();
    this.ready = new Promise<void>((resolve, reject) => {
      this.markReady = (error) => (error ? reject(error) : resolve());
    });
    // Whoever does not wait for it hears of a failed start through onStopped and the appends it fails.
    this.ready.catch(() => {});
    worker.on('message', (reply: TextWriterReply) => this.settle(worker, reply));
    worker.on('error', (error) => this.stopped(worker, error));
    worker.on('exit', (code) => this.stopped(worker, new TextWriterStopped(`the text writer thread exited with code ${code}`)));
    process.on('exit', this.stopAtExit);
    this.worker = worker;
    return worker;
  }

  private settle(worker: Worker, reply: TextWriterReply): void {
    if ('isReady' in reply) return this.markReady();
    const call = this.calls.get(reply.id);
    if (!call) return;
    this.calls.delete(reply.id);
    if (this.calls.size === 0) worker.unref();
    if ('seqs' in reply) call.resolve(reply.seqs);
    else call.reject(remade(reply.error));
  }

  private stopped(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    process.off('exit', this.stopAtExit);
    this.markReady(error);
    const calls = Array.from(this.calls.values());
    this.calls.clear();
    if (this.isClosed && calls.length === 0) return;
    this.onStopped(error);
    const stopped = new TextWriterStopped('the text writer thread stopped before it confirmed the commit', { cause: error });
    for (const call of calls) call.reject(stopped);
  }
}

/** At process exit: waits until the writer is between database calls, and stops it from starting another. */
function stopBetweenCalls(gate: Int32Array): void {
  const until = Date.now() + exitWaitMs;
  for (;;) {
    const state = Atomics.compareExchange(gate, 0, CallGate.idle, CallGate.stopped);
    if (state !== CallGate.inCall) return;
    const left = until - Date.now();
    if (left <= 0) return;
    Atomics.wait(gate, 0, CallGate.inCall, left);
  }
}

/** The thread's error as the type the store's callers know: TextReadOnly, or SQLite's own with its code (busy, full disk). */
function remade(error: TextWriterError): Error {
  if (error.name === 'TextReadOnly') return new TextReadOnly(error.letterIds ?? []);
  if (error.code !== undefined) return new Database.SqliteError(error.message, error.code);
  const other = new Error(error.message);
  other.name = error.name;
  return other;
}
