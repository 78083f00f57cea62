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

/** Writes revisions inside the caller's transaction (the text store calls it with its updates). */
export async function writeRevisionsWithin(tx: Queryable, writes: readonly RevisionWrite[] | undefined): Promise<void> {
  for (const write of writes ?? []) {
    if (write.op === 'extend') {
      await tx.query('UPDATE paragraph_revisions SET ended_at = $1, content = $2, hash = $3, changes = $4 WHERE id = $5', [
        write.endedAt,
        JSON.stringify(write.content),
        write.hash,
        write.changes,
        write.id,
      ]);
      continue;
    }
    const r = write.revision;
    await tx.query(
      `INSERT INTO paragraph_revisions (id, letter_id, paragraph_id, kind, user_id, office_id, started_at, ended_at, content, hash,
         changes, related_paragraph_id, restored_from)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [r.id, r.letterId, r.paragraphId, r.kind, r.userId, r.officeId, r.startedAt, r.endedAt, JSON.stringify(r.content), r.hash, r.changes,
        r.relatedParagraphId, r.restoredFrom],
    );
  }
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
