import { isStoreBusy, StoreStillBusy } from '../store-busy.js';

const firstRetryDelayMs = 25;
const maxRetryDelayMs = 250;

/**
 * Waiting for SQLite's write lock without blocking the event loop. better-sqlite3 waits for a lock
 * synchronously, for as long as the busy timeout allows; that timeout is kept short (see
 * SqliteStore), and a call that still finds the lock taken is tried again after a timer, for up to
 * `maxWaitMs`, then fails with StoreStillBusy (an HTTP request answers 503 `store_unavailable`).
 * Meanwhile the server keeps serving everything else. Remembers since when calls find the store
 * locked, for the health check.
 */
export class BusyWaits {
  private lockedSince: number | null = null;
  /** Calls waiting between attempts right now. */
  private waiting = 0;

  constructor(
    private readonly maxWaitMs: number,
    /** Told once each time calls start finding the database locked. */
    private readonly onLocked: () => void = () => {},
  ) {}

  /** Since when calls have been waiting for the database's lock without a break (epoch ms); null while none waits. */
  get busySince(): number | null {
    return this.lockedSince;
  }

  /** Runs `call` until it gets through or `maxWaitMs` has passed; a call that failed for being busy wrote nothing. */
  async run<T>(call: () => Promise<T>): Promise<T> {
    const started = Date.now();
    let isWaiting = false;
    try {
      for (let delay = firstRetryDelayMs; ; delay = Math.min(maxRetryDelayMs, delay * 2)) {
        try {
          return await call();
        } catch (error) {
          if (!isStoreBusy(error)) throw error;
          const waited = Date.now() - started;
          if (waited >= this.maxWaitMs) throw new StoreStillBusy(waited, { cause: error });
          if (!isWaiting) {
            isWaiting = true;
            this.startWaiting();
          }
          await new Promise((resolve) => setTimeout(resolve, Math.min(delay, this.maxWaitMs - waited)));
        }
      }
    } finally {
      if (isWaiting) this.stopWaiting();
    }
  }

  private startWaiting(): void {
    this.waiting++;
    if (this.lockedSince !== null) return;
    this.lockedSince = Date.now();
    this.onLocked();
  }

  private stopWaiting(): void {
    this.waiting--;
    if (this.waiting === 0) this.lockedSince = null;
  }

  /**
   * `area` with each of its asynchronous methods run through `run`. Synchronous methods (the ones
   * other areas call inside their own transactions) are left as they are.
   */
  wrap<T extends object>(area: T): T {
    return new Proxy(area, {
      get: (target, property, receiver) => {
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        const method = value as (...args: unknown[]) => unknown;
        return (...args: unknown[]) => {
          const first = method.apply(target, args);
          if (!(first instanceof Promise)) return first;
          let isFirst = true;
          return this.run(() => {
            if (isFirst) {
              isFirst = false;
              return first;
            }
            return method.apply(target, args) as Promise<unknown>;
          });
        };
      },
    });
  }
}
