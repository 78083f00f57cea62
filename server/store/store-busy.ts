/**
 * Whether `error` says the database was busy (another writer holds its lock) and nothing was
 * written: the same write may simply be tried again later. SQLite reports SQLITE_BUSY after its
 * busy timeout; PostgreSQL reports lock_not_available when a lock timeout is set.
 */
export function isStoreBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || code === '55P03';
}
