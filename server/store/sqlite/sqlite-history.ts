import type Database from 'better-sqlite3';
import type { AuditDraft, HistoryStore, RevisionRecord, RevisionWrite, VersionRecord, VersionLetterRecord } from '../store.js';
import type { SqliteAudit } from './sqlite-audit.js';

const revisionColumns = `id, letter_id AS letterId, paragraph_id AS paragraphId, kind, user_id AS userId, office_id AS officeId,
  started_at AS startedAt, ended_at AS endedAt, content, hash, changes, related_paragraph_id AS relatedParagraphId,
  restored_from AS restoredFrom`;
const versionColumns = `id, letter_id AS letterId, name, kind, status, user_id AS userId, created_at AS createdAt,
  paragraph_count AS paragraphCount`;

type RevisionRow = Omit<RevisionRecord, 'content'> & { content: string };

const toRevision = (row: RevisionRow): RevisionRecord => ({ ...row, content: JSON.parse(row.content) as RevisionRecord['content'] });

export class SqliteHistory implements HistoryStore {
  // Prepared at first use, then kept: every commit batch with revisions runs them.
  private insertRevision: Database.Statement | null = null;
  private extendRevision: Database.Statement | null = null;

  constructor(
    private readonly db: Database.Database,
    private readonly audit: SqliteAudit,
  ) {}

  async appendRevisions(revisions: RevisionRecord[]): Promise<void> {
    this.db.transaction(() => this.writeRevisions(revisions.map((revision) => ({ op: 'open', revision }))))();
  }

  /** Writes revisions; must run inside a transaction (the text store calls it with its updates). */
  writeRevisions(writes: readonly RevisionWrite[] | undefined): void {
    if (!writes || writes.length === 0) return;
    const insert = (this.insertRevision ??= this.db.prepare(
      `INSERT INTO paragraph_revisions (id, letter_id, paragraph_id, kind, user_id, office_id, started_at, ended_at, content, hash,
         changes, related_paragraph_id, restored_from)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ));
    const extend = (this.extendRevision ??= this.db.prepare('UPDATE paragraph_revisions SET ended_at = ?, content = ?, hash = ?, changes = ? WHERE id = ?'));
    for (const write of writes) {
      if (write.op === 'extend') {
        extend.run(write.endedAt, JSON.stringify(write.content), write.hash, write.changes, write.id);
        continue;
      }
      const r = write.revision;
      insert.run(r.id, r.letterId, r.paragraphId, r.kind, r.userId, r.officeId, r.startedAt, r.endedAt, JSON.stringify(r.content), r.hash,
        r.changes, r.relatedParagraphId, r.restoredFrom);
    }
  }

  async latestRevisions(letterId: string): Promise<RevisionRecord[]> {
    const rows = this.db
      .prepare(
        `SELECT ${revisionColumns} FROM paragraph_revisions
         WHERE seq IN (SELECT MAX(seq) FROM paragraph_revisions WHERE letter_id = ? GROUP BY paragraph_id)
         ORDER BY seq`,
      )
      .all(letterId) as RevisionRow[];
    return rows.map(toRevision);
  }

  async listRevisions(letterId: string, paragraphId: string): Promise<RevisionRecord[]> {
    const rows = this.db
      .prepare(`SELECT ${revisionColumns} FROM paragraph_revisions WHERE letter_id = ? AND paragraph_id = ? ORDER BY seq DESC`)
      .all(letterId, paragraphId) as RevisionRow[];
    return rows.map(toRevision);
  }

  async getRevision(letterId: string, revisionId: string): Promise<RevisionRecord | null> {
    const row = this.db
      .prepare(`SELECT ${revisionColumns} FROM paragraph_revisions WHERE letter_id = ? AND id = ?`)
      .get(letterId, revisionId) as RevisionRow | undefined;
    return row ? toRevision(row) : null;
  }

  async insertVersion(version: VersionRecord, audit?: AuditDraft[]): Promise<void> {
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO letter_versions (id, letter_id, name, kind, status, user_id, created_at, paragraph_count, document, letter_record)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(version.id, version.letterId, version.name, version.kind, version.status, version.userId, version.createdAt,
          version.paragraphCount, version.document, version.letter ? JSON.stringify(version.letter) : null);
      this.audit.appendWithin(audit);
    })();
  }

  async listVersions(letterId: string): Promise<Omit<VersionRecord, 'document'>[]> {
    return this.db
      .prepare(`SELECT ${versionColumns} FROM letter_versions WHERE letter_id = ? ORDER BY seq DESC`)
      .all(letterId) as Omit<VersionRecord, 'document'>[];
  }

  async getVersion(letterId: string, versionId: string): Promise<VersionRecord | null> {
    const row = this.db
      .prepare(`SELECT ${versionColumns}, document, letter_record AS letterRecord FROM letter_versions WHERE letter_id = ? AND id = ?`)
      .get(letterId, versionId) as (Omit<VersionRecord, 'document' | 'letter'> & { document: Buffer; letterRecord: string | null }) | undefined;
    if (!row) return null;
    const { letterRecord, ...rest } = row;
    return { ...rest, document: new Uint8Array(row.document), letter: letterRecord ? (JSON.parse(letterRecord) as VersionLetterRecord) : null };
  }
}
