/**
 * Whether `error` says the database was busy (another writer holds its lock) and nothing was
 * written: the same write may simply be tried again later. SQLite reports SQLITE_BUSY after its
 * busy timeout; PostgreSQL reports lock_not_available when a lock timeout is set; a store call that
 * kept finding the lock taken for its whole wait reports StoreStillBusy.
 */
export function isStoreBusy(error: unknown): boolean {
  if (error instanceof StoreStillBusy) return true;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return false;
  // SQLite's extended codes too: SQLITE_BUSY_SNAPSHOT is what a transaction that read before
  // another connection (the text writer's thread) committed gets when it then tries to write.
  return /^SQLITE_(BUSY|LOCKED)(_|$)/.test(code) || code === '55P03';
}

/** A store call found the database locked by another writer for its whole wait; nothing was written. */
export class StoreStillBusy extends Error {
  constructor(waitedMs: number, options?: ErrorOptions) {
    super(`the database stayed locked by another writer for ${waitedMs} ms`, options);
    this.name = 'StoreStillBusy';
  }
}
