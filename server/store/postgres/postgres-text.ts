import type { LetterStatus } from '../../../shared/api/letters.js';
import { restoreMarkedEvents } from '../restore-marked-events.js';
import { textReadOnlyStatuses } from '../../../shared/domain/letter-course.js';
import { originalGeneration, type StoredText, type StoredTextSince, TextReadOnly, type TextSnapshot, type TextStore, type UpdateToAppend } from '../store.js';
import { appendAuditWithin } from './postgres-audit.js';
import { writeRevisionsWithin } from './postgres-history.js';
import { IsolationLevel, type PgDatabase, type Queryable } from './pg-database.js';

/**
 * The fixed statements of the commit path, each prepared once per pooled connection under its name
 * (node-postgres sends a named statement's text only the first time), so that PostgreSQL parses
 * and plans it once instead of at every batch.
 */
const lockLettersStatement = {
  name: 'text-lock-letters',
  text: 'SELECT id, status FROM letters WHERE id = ANY($1) ORDER BY id FOR NO KEY UPDATE',
};
/** The batch's updates, and its letters' "last change", in one statement (the letters are locked already). */
const insertUpdatesStatement = {
  name: 'text-insert-updates',
  text: `WITH touched AS (UPDATE letters SET updated_at = $4::text WHERE id = ANY($5::text[]))
    INSERT INTO text_updates (letter_id, body, user_id, created_at)
    SELECT letter_id, body, user_id, $4::text FROM unnest($1::text[], $2::bytea[], $3::text[]) WITH ORDINALITY AS batch(letter_id, body, user_id, n)
    ORDER BY n RETURNING seq`,
};
/**
 * Claims client ids for their users. A claim stands if the id was free or is the same user's
 * already; for an id someone else owns, the (no-op) update's condition fails and no row comes back.
 * ON CONFLICT waits for a claim that another instance has not yet committed and then sees it.
 */
const claimClientsStatement = {
  name: 'text-claim-clients',
  text: `INSERT INTO text_clients (letter_id, client_id, user_id)
    SELECT letter_id, client_id, user_id FROM unnest($1::text[], $2::bigint[], $3::text[]) AS claim(letter_id, client_id, user_id)
    ON CONFLICT (letter_id, client_id) DO UPDATE SET user_id = excluded.user_id WHERE text_clients.user_id = excluded.user_id
    RETURNING letter_id, client_id`,
};

/**
 * Several instances append to one letter's log and compact it. Both take the letter's row lock
 * first, so for each letter sequence numbers are handed out in commit order: a compaction sees
 * every update below the newest one, never a gap that a slower transaction fills in later.
 */
export class PostgresText implements TextStore {
  constructor(private readonly db: PgDatabase) {}

  async loadText(letterId: string): Promise<StoredText> {
    // One snapshot of the database for all three reads: a compaction in between cannot tear them apart.
    return this.db.transaction(async (tx) => {
      const snapshotRow = (
        await tx.query<{ snapshot: Buffer; state_vector: Buffer | null; through_seq: string }>(
          'SELECT snapshot, state_vector, through_seq FROM text_snapshots WHERE letter_id = $1',
          [letterId],
        )
      ).rows[0];
      const { rows } = await tx.query<{ seq: string; body: Buffer }>('SELECT seq, body FROM text_updates WHERE letter_id = $1 ORDER BY seq', [
        letterId,
      ]);
      const owners = await tx.query<{ client_id: string; user_id: string }>('SELECT client_id, user_id FROM text_clients WHERE letter_id = $1', [
        letterId,
      ]);
      const letterRow = (await tx.query<{ text_generation: string }>('SELECT text_generation FROM letters WHERE id = $1', [letterId])).rows[0];
      return {
        snapshot: snapshotRow ? new Uint8Array(snapshotRow.snapshot) : null,
        snapshotStateVector: snapshotRow?.state_vector ? new Uint8Array(snapshotRow.state_vector) : null,
        updates: rows.map((row) => new Uint8Array(row.body)),
        lastSeq: Number(rows.at(-1)?.seq ?? snapshotRow?.through_seq ?? 0),
        clientOwners: new Map(owners.rows.map((owner) => [Number(owner.client_id), owner.user_id])),
        generation: letterRow?.text_generation ?? originalGeneration,
      };
    }, IsolationLevel.repeatableRead);
  }

  async loadTextSince(letterId: string, afterSeq: number): Promise<StoredTextSince | null> {
    // One snapshot of the database: a compaction in between cannot delete what is read as missing.
    return this.db.transaction(async (tx) => {
      const snapshotRow = (await tx.query<{ through_seq: string }>('SELECT through_seq FROM text_snapshots WHERE letter_id = $1', [letterId])).rows[0];
      if (snapshotRow && Number(snapshotRow.through_seq) > afterSeq) return null;
      const { rows } = await tx.query<{ seq: string; body: Buffer }>('SELECT seq, body FROM text_updates WHERE letter_id = $1 AND seq > $2 ORDER BY seq', [
        letterId,
        afterSeq,
      ]);
      const owners = await tx.query<{ client_id: string; user_id: string }>('SELECT client_id, user_id FROM text_clients WHERE letter_id = $1', [
        letterId,
      ]);
      return {
        updates: rows.map((row) => new Uint8Array(row.body)),
        lastSeq: Number(rows.at(-1)?.seq ?? afterSeq),
        clientOwners: new Map(owners.rows.map((owner) => [Number(owner.client_id), owner.user_id])),
      };
    }, IsolationLevel.repeatableRead);
  }

  async markRestored(): Promise<number> {
    return this.db.transaction(async (tx) => {
      const { rows } = await tx.query<{ letterId: string; generation: string }>(
        'UPDATE letters SET text_generation = gen_random_uuid()::text RETURNING id AS "letterId", text_generation AS generation',
      );
      await appendAuditWithin(tx, restoreMarkedEvents(rows));
      return rows.length;
    });
  }

  async appendUpdates(updates: UpdateToAppend[]): Promise<number[]> {
    if (updates.length === 0) return [];
    return this.db.transaction(async (tx) => {
      const letterIds = Array.from(new Set(updates.map((u) => u.letterId)));
      // The lock orders this batch before or after any move to ready: after it, the status is seen here.
      const locked = await lockLetters(tx, letterIds);
      const readOnly = locked.filter((row) => textReadOnlyStatuses.includes(row.status)).map((row) => row.id);
      if (readOnly.length > 0) throw new TextReadOnly(readOnly);
      const now = new Date().toISOString();
      await claimClients(tx, updates.flatMap((u) => u.newClientIds.map((clientId) => ({ letterId: u.letterId, clientId, userId: u.userId }))));
      // One statement for the whole batch. Rows are inserted in the order given, and each takes the
      // next number of the sequence as it is inserted, so sorted numbers match the updates in order.
      const { rows } = await tx.query<{ seq: string }>({
        ...insertUpdatesStatement,
        values: [
          updates.map((u) => u.letterId),
          updates.map((u) => Buffer.from(u.update.buffer, u.update.byteOffset, u.update.byteLength)),
          updates.map((u) => u.userId),
          now,
          letterIds,
        ],
      });
      await writeRevisionsWithin(tx, updates.flatMap((u) => u.revisions ?? []));
      await appendAuditWithin(tx, updates.flatMap((u) => u.audit ?? []));
      return rows.map((row) => Number(row.seq)).sort((a, b) => a - b);
    });
  }

  async compactText(letterId: string, snapshot: TextSnapshot, throughSeq: number): Promise<void> {
    await this.db.transaction(async (tx) => {
      await lockLetters(tx, [letterId]);
      // Another instance may have compacted further meanwhile: its snapshot covers more than this one.
      const replaced = await tx.query(
        `INSERT INTO text_snapshots (letter_id, snapshot, state_vector, through_seq) VALUES ($1, $2, $3, $4)
         ON CONFLICT (letter_id) DO UPDATE SET snapshot = excluded.snapshot, state_vector = excluded.state_vector, through_seq = excluded.through_seq
         WHERE text_snapshots.through_seq < excluded.through_seq`,
        [letterId, snapshot.state, snapshot.stateVector, throughSeq],
      );
      if (replaced.rowCount === 0) return;
      await tx.query('DELETE FROM text_updates WHERE letter_id = $1 AND seq <= $2', [letterId, throughSeq]);
    });
  }
}

/** Locks the letters' rows in one fixed order, so that two batches never wait for each other in a circle. */
async function lockLetters(tx: Queryable, letterIds: string[]): Promise<{ id: string; status: LetterStatus }[]> {
  return (await tx.query<{ id: string; status: LetterStatus }>({ ...lockLettersStatement, values: [letterIds] })).rows;
}

interface ClientClaim {
  letterId: string;
  clientId: number;
  userId: string;
}

/**
 * Records who owns each Yjs client id, in one statement for the batch. The same person may claim
 * an id twice (they reconnected to another instance before it heard of the first claim); anybody
 * else may not: then the whole batch is refused.
 */
async function claimClients(tx: Queryable, claims: readonly ClientClaim[]): Promise<void> {
  if (claims.length === 0) return;
  const byKey = new Map<string, ClientClaim>();
  for (const claim of claims) {
    const key = `${claim.letterId}/${claim.clientId}`;
    const earlier = byKey.get(key);
    if (earlier && earlier.userId !== claim.userId) throw clientOfSomeoneElse(claim);
    byKey.set(key, claim);
  }
  const distinct = Array.from(byKey.values());
  const { rows } = await tx.query<{ letter_id: string; client_id: string }>({
    ...claimClientsStatement,
    values: [distinct.map((c) => c.letterId), distinct.map((c) => c.clientId), distinct.map((c) => c.userId)],
  });
  if (rows.length === distinct.length) return;
  const granted = new Set(rows.map((row) => `${row.letter_id}/${row.client_id}`));
  throw clientOfSomeoneElse(distinct.find((claim) => !granted.has(`${claim.letterId}/${claim.clientId}`))!);
}

const clientOfSomeoneElse = ({ letterId, clientId }: ClientClaim) => new Error(`client id ${clientId} of letter ${letterId} belongs to someone else`);
