import type { AuditDraft, HistoryStore, RevisionRecord, RevisionWrite, VersionRecord, VersionLetterRecord } from '../store.js';
import type { PgDatabase, Queryable } from './pg-database.js';
import { appendAuditWithin } from './postgres-audit.js';

const revisionColumns = `id, letter_id AS "letterId", paragraph_id AS "paragraphId", kind, user_id AS "userId", office_id AS "officeId",
  started_at AS "startedAt", ended_at AS "endedAt", content, hash, changes::int, related_paragraph_id AS "relatedParagraphId",
  restored_from AS "restoredFrom"`;
const versionColumns = `id, letter_id AS "letterId", name, kind, status, user_id AS "userId", created_at AS "createdAt",
  paragraph_count::int AS "paragraphCount"`;

type RevisionRow = Omit<RevisionRecord, 'content'> & { content: string };
const toRevision = (row: RevisionRow): RevisionRecord => ({ ...row, content: JSON.parse(row.content) as RevisionRecord['content'] });

/** New revisions in the order given: each takes the next number of the sequence, as a single insert would. */
const openRevisionsStatement = {
  name: 'revisions-open',
  text: `INSERT INTO paragraph_revisions (id, letter_id, paragraph_id, kind, user_id, office_id, started_at, ended_at, content, hash,
      changes, related_paragraph_id, restored_from)
    SELECT id, letter_id, paragraph_id, kind, user_id, office_id, started_at, ended_at, content, hash, changes, related_paragraph_id, restored_from
    FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],
      $11::int[], $12::text[], $13::text[])
      WITH ORDINALITY AS opened(id, letter_id, paragraph_id, kind, user_id, office_id, started_at, ended_at, content, hash, changes,
        related_paragraph_id, restored_from, n)
    ORDER BY n`,
};
const extendRevisionsStatement = {
  name: 'revisions-extend',
  text: `UPDATE paragraph_revisions AS revision
    SET ended_at = extended.ended_at, content = extended.content, hash = extended.hash, changes = extended.changes
    FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[]) AS extended(id, ended_at, content, hash, changes)
    WHERE revision.id = extended.id`,
};

type RevisionExtend = Extract<RevisionWrite, { op: 'extend' }>;

/**
 * Writes revisions inside the caller's transaction (the text store calls it with its updates), in
 * at most two statements: the new ones, then the extended ones. An extend only ever follows the
 * opening of its revision, and a later extend of a revision replaces an earlier one, so writing
 * every opening first and only the last extend of each revision stores what writing them one by
 * one in order would.
 */
export async function writeRevisionsWithin(tx: Queryable, writes: readonly RevisionWrite[] | undefined): Promise<void> {
  if (!writes || writes.length === 0) return;
  const opened: RevisionRecord[] = [];
  const lastExtends = new Map<string, RevisionExtend>();
  for (const write of writes) {
    if (write.op === 'open') opened.push(write.revision);
    else lastExtends.set(write.id, write);
  }
  if (opened.length > 0) {
    const column = <T>(pick: (r: RevisionRecord) => T) => opened.map(pick);
    await tx.query({
      ...openRevisionsStatement,
      values: [
        column((r) => r.id),
        column((r) => r.letterId),
        column((r) => r.paragraphId),
        column((r) => r.kind),
        column((r) => r.userId),
        column((r) => r.officeId),
        column((r) => r.startedAt),
        column((r) => r.endedAt),
        column((r) => JSON.stringify(r.content)),
        column((r) => r.hash),
        column((r) => r.changes),
        column((r) => r.relatedParagraphId),
        column((r) => r.restoredFrom),
      ],
    });
  }
  if (lastExtends.size === 0) return;
  const extended = Array.from(lastExtends.values());
  await tx.query({
    ...extendRevisionsStatement,
    values: [
      extended.map((e) => e.id),
      extended.map((e) => e.endedAt),
      extended.map((e) => JSON.stringify(e.content)),
      extended.map((e) => e.hash),
      extended.map((e) => e.changes),
    ],
  });
}

export class PostgresHistory implements HistoryStore {
  constructor(private readonly db: PgDatabase) {}

  async appendRevisions(revisions: RevisionRecord[]): Promise<void> {
    await this.db.transaction((tx) => writeRevisionsWithin(tx, revisions.map((revision) => ({ op: 'open' as const, revision }))));
  }

  async latestRevisions(letterId: string): Promise<RevisionRecord[]> {
    const { rows } = await this.db.query<RevisionRow>(
      `SELECT DISTINCT ON (paragraph_id) ${revisionColumns} FROM paragraph_revisions WHERE letter_id = $1 ORDER BY paragraph_id, seq DESC`,
      [letterId],
    );
    return rows.map(toRevision);
  }

  async listRevisions(letterId: string, paragraphId: string): Promise<RevisionRecord[]> {
    const { rows } = await this.db.query<RevisionRow>(
      `SELECT ${revisionColumns} FROM paragraph_revisions WHERE letter_id = $1 AND paragraph_id = $2 ORDER BY seq DESC`,
      [letterId, paragraphId],
    );
    return rows.map(toRevision);
  }

  async getRevision(letterId: string, revisionId: string): Promise<RevisionRecord | null> {
    const { rows } = await this.db.query<RevisionRow>(`SELECT ${revisionColumns} FROM paragraph_revisions WHERE letter_id = $1 AND id = $2`, [
      letterId,
      revisionId,
    ]);
    return rows[0] ? toRevision(rows[0]) : null;
  }

  async insertVersion(version: VersionRecord, audit?: AuditDraft[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO letter_versions (id, letter_id, name, kind, status, user_id, created_at, paragraph_count, document, letter_record)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [version.id, version.letterId, version.name, version.kind, version.status, version.userId, version.createdAt, version.paragraphCount,
          version.document, version.letter ? JSON.stringify(version.letter) : null],
      );
      await appendAuditWithin(tx, audit);
    });
  }

  async listVersions(letterId: string): Promise<Omit<VersionRecord, 'document'>[]> {
    return (await this.db.query<Omit<VersionRecord, 'document'>>(`SELECT ${versionColumns} FROM letter_versions WHERE letter_id = $1 ORDER BY seq DESC`, [letterId])).rows;
  }

  async getVersion(letterId: string, versionId: string): Promise<VersionRecord | null> {
    const { rows } = await this.db.query<Omit<VersionRecord, 'document' | 'letter'> & { document: Buffer; letterRecord: VersionLetterRecord | null }>(
      `SELECT ${versionColumns}, document, letter_record AS "letterRecord" FROM letter_versions WHERE letter_id = $1 AND id = $2`,
      [letterId, versionId],
    );
    const row = rows[0];
    if (!row) return null;
    const { letterRecord, ...rest } = row;
    return { ...rest, document: new Uint8Array(row.document), letter: letterRecord };
  }
}
