import pg from 'pg';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/protocol/close-codes.js';
import { appendParagraph, isCoveredBy, textParagraphs } from './harness/letter-body.js';
import { readStoredLetter } from './harness/stored-letter.js';
import { startServer, type ServerProcess } from './harness/server-process.js';
import { createLetter, signIn } from './harness/sign-in.js';
import { connectClient } from './harness/sync-client.js';
import { usePostgres } from './harness/test-services.js';
import { WriteBurst, burstServerEnv } from './harness/write-burst.js';

const rounds = 3;
const tokensPerRound = 150;
/** Fewer than the updates the server holds for a reconnecting client's sync answer (256). */
const maxInFlight = 100;

function stateVectorOf(doc: Y.Doc): Map<number, number> {
  return Y.decodeStateVector(Y.encodeStateVector(doc));
}

/** Runs `sql` as the cluster's superuser, on the maintenance database, past the server. */
async function asSuperuser(databaseUrl: string, sql: string, params: unknown[] = []): Promise<void> {
  const admin = new pg.Client({ connectionString: databaseUrl.replace(/\/[^/]+$/, '/postgres') });
  await admin.connect();
  try {
    await admin.query(sql, params);
  } finally {
    await admin.end();
  }
}

/** What an operator's `pg_terminate_backend` (or a database restart) does to the server's connections. */
function terminateBackends(databaseUrl: string): Promise<void> {
  const database = new URL(databaseUrl).pathname.slice(1);
  return asSuperuser(databaseUrl, 'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [database]);
}

async function health(server: ServerProcess): Promise<{ status: number; database: string }> {
  const response = await fetch(`${server.httpUrl}/api/health`);
  const body = (await response.json()) as { database: string };
  return { status: response.status, database: body.database };
}

describe('PG faults: PostgreSQL drops the server connections', { timeout: 240_000 }, () => {
  const postgres = usePostgres();

  it('PG-1 backends terminated during a write burst: the process lives and loses nothing it confirmed', async () => {
    const databaseUrl = await postgres().createDatabase();
    const server = await startServer({ env: { ...burstServerEnv, DATABASE_URL: databaseUrl } });
    const helena = await signIn(server, 'Helena Virtanen');
    const kadri = await signIn(server, 'Kadri Tamm');
    const letterId = await createLetter(server, helena);
    const writer = connectClient(server, kadri, letterId);
    await writer.whenSynced();
    const text = appendParagraph(writer.doc, '').get(0) as Y.XmlText;
    await writer.whenSaved();

    // A writer that keeps a bounded number of changes in flight, as people typing do.
    const burst = new WriteBurst(writer, text, { maxInFlight: maxInFlight });
    for (let round = 1; round <= rounds; round++) {
      await burst.confirmed(round * tokensPerRound, 60_000);
      await terminateBackends(databaseUrl);
    }
    // Still taking edits after the last drop: the instance recovered by itself.
    await burst.confirmed(burst.confirmedTokens + tokensPerRound, 60_000);
    writer.disconnect();
    await burst.stop();

    expect(await health(server)).toEqual({ status: 200, database: 'ok' });
    expect(server.logsWith('unexpected error handling a frame')).toEqual([]);
    // A commit on a dropped connection fails; its room closes with 4500 and the client resends.
    for (const code of writer.closeCodes) expect([CloseCode.storeFailure, 1005]).toContain(code);
    const stored = await readStoredLetter(databaseUrl, letterId);
    expect(isCoveredBy(burst.confirmedStateVector, stateVectorOf(stored)), 'every confirmed update is in PostgreSQL').toBe(true);
    expect(textParagraphs(stored)[0]!.text.toString().startsWith(burst.confirmedText), 'every confirmed token is stored, in order').toBe(true);
  });

  it('PG-2 while the database refuses connections, health says so; edits made meanwhile are confirmed once it is back', async () => {
    const databaseUrl = await postgres().createDatabase();
    const database = new URL(databaseUrl).pathname.slice(1);
    const server = await startServer({ env: { DATABASE_URL: databaseUrl } });
    const helena = await signIn(server, 'Helena Virtanen');
    const letterId = await createLetter(server, helena);
    const writer = connectClient(server, helena, letterId);
    await writer.whenSynced();
    appendParagraph(writer.doc, 'Before the outage. ');
    await writer.whenSaved();

    await asSuperuser(databaseUrl, `ALTER DATABASE ${database} ALLOW_CONNECTIONS false`);
    try {
      await terminateBackends(databaseUrl);
      expect(await health(server)).toEqual({ status: 503, database: 'unavailable' });
      appendParagraph(writer.doc, 'Written while the database was away.');
    } finally {
      await asSuperuser(databaseUrl, `ALTER DATABASE ${database} ALLOW_CONNECTIONS true`);
    }

    await writer.whenSaved(30_000);
    expect(await health(server)).toEqual({ status: 200, database: 'ok' });
    const stored = await readStoredLetter(databaseUrl, letterId);
    expect(textParagraphs(stored).map(({ text }) => text.toString())).toEqual(['Before the outage. ', 'Written while the database was away.']);
  });
});
