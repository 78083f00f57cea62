import type { Store } from '../store/store.js';

/** How long the health check waits for the database before calling it unavailable. */
const pingTimeoutMs = 2000;

/** How long calls may find the database locked before the health check reports it. */
const lockedReportAfterMs = 1000;

/** `locked`: another program holds the write lock; reads work, writes wait (see BusyWaits). */
export type DatabaseState = 'ok' | 'locked' | 'unavailable';

/** Whether the store answers a trivial query within a short time and takes writes: what `/api/health` reports. */
export async function databaseState(store: Pick<Store, 'ping' | 'busySince'>): Promise<DatabaseState> {
  const busySince = store.busySince();
  if (busySince !== null && Date.now() - busySince >= lockedReportAfterMs) return 'locked';
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'unavailable'>((resolve) => {
    timer = setTimeout(() => resolve('unavailable'), pingTimeoutMs);
  });
  try {
    return await Promise.race([store.ping().then(() => 'ok' as const), timeout]);
  } catch {
    return 'unavailable';
  } finally {
    clearTimeout(timer);
  }
}
