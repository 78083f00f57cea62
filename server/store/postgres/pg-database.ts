import pg from 'pg';

/** What a query needs: the pool itself, or one client inside a transaction. */
export type Queryable = Pick<pg.PoolClient, 'query'>;

export const IsolationLevel = {
  readCommitted: 'READ COMMITTED',
  /** One consistent snapshot for every statement: what a multi-statement read needs. */
  repeatableRead: 'REPEATABLE READ',
} as const;
export type IsolationLevel = (typeof IsolationLevel)[keyof typeof IsolationLevel];

/** PostgreSQL error codes after which a transaction may simply run again. */
const retryableCodes = new Set(['40001', '40P01']); // serialization_failure, deadlock_detected
const maxAttempts = 3;
const connectTimeoutMs = 10_000;

/**
 * The connection pool every area of the PostgreSQL store shares, and its one way of running a
 * transaction. Several server instances use one database, so every write that reads first
 * either locks what it read or re-checks it in its WHERE clause.
 */
export class PgDatabase {
  constructor(
    readonly pool: pg.Pool,
    private readonly onConnectionError: (error: Error) => void = () => {},
  ) {}

  /** `onConnectionError` hears of connections that broke (a database restart, a terminated backend); none of them ends the process. */
  static connect(connectionString: string, onConnectionError: (error: Error) => void): PgDatabase {
    // Without a timeout, a request would wait for ever for a database that does not answer.
    const pool = new pg.Pool({ connectionString, max: 10, connectionTimeoutMillis: connectTimeoutMs });
    // A pooled connection that breaks while idle (database restart) is dropped; the next query opens a new one.
    pool.on('error', onConnectionError);
    return new PgDatabase(pool, onConnectionError);
  }

  /**
   * A connection taken from the pool for several statements. pg's pool listens for errors only on
   * idle connections: one that breaks while checked out would emit an unhandled 'error' and end
   * the process. `release` hands it back, or discards it if it broke or `discard` is set.
   */
  async checkOut(): Promise<{ client: pg.PoolClient; release: (discard?: boolean) => void }> {
    const client = await this.pool.connect();
    let broken: Error | null = null;
    const onError = (error: Error) => {
      broken = error;
      this.onConnectionError(error);
    };
    client.on('error', onError);
    return {
      client,
      release: (discard = false) => {
        client.off('error', onError);
        client.release(broken ?? (discard || undefined));
      },
    };
  }

  query<Row extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<pg.QueryResult<Row>> {
    return this.pool.query<Row>(sql, params);
  }

  /** Runs `work` in one transaction: committed if it resolves, rolled back if it throws. */
  async transaction<T>(work: (tx: Queryable) => Promise<T>, isolation: IsolationLevel = IsolationLevel.readCommitted): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const { client, release } = await this.checkOut();
      try {
        await client.query(`BEGIN ISOLATION LEVEL ${isolation}`);
        const result = await work(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        if (attempt < maxAttempts && retryableCodes.has((error as { code?: string }).code ?? '')) continue;
        throw error;
      } finally {
        release();
      }
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
