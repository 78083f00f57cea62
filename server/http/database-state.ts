import type { Store } from '../store/store.js';

/** How long the health check waits for the database before calling it unavailable. */
const pingTimeoutMs = 2000;

export type DatabaseState = 'ok' | 'unavailable';

/** Whether the store answers a trivial query within a short time: what `/api/health` reports. */
export async function databaseState(store: Pick<Store, 'ping'>): Promise<DatabaseState> {
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
