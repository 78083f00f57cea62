import type { ThreadStatus } from '../../../shared/api/comments.js';
import { defaultCommentSettings, type CommentSettings } from '../../../shared/domain/comment-rules.js';
import type { Mention } from '../../../shared/domain/mentions.js';
import {
  ReservationOutcome,
  type CommentRecord,
  type CommentStore,
  type NewComment,
  type ReservationRecord,
  type ThreadRecord,
  type ThreadWithComments,
} from '../store.js';
import type { AuditDraft } from '../store.js';
import { appendAuditWithin } from './postgres-audit.js';
import type { PgDatabase, Queryable } from './pg-database.js';

const threadColumns = `id, letter_id AS "letterId", paragraph_id AS "paragraphId", anchor_start AS "anchorStart", anchor_end AS "anchorEnd", quote,
  status, resolved_by AS "resolvedBy", resolved_at AS "resolvedAt", created_by AS "createdBy", created_at AS "createdAt", version::int`;
const commentColumns = `id, thread_id AS "threadId", letter_id AS "letterId", user_id AS "userId", office_id AS "officeId", body, mentions,
  created_at AS "createdAt", edited_at AS "editedAt", withdrawn_at AS "withdrawnAt"`;
const reservationColumns = `id, letter_id AS "letterId", paragraph_id AS "paragraphId", office_id AS "officeId", kind, reason, user_id AS "userId",
  created_at AS "createdAt", lifted_by AS "liftedBy", lifted_at AS "liftedAt", lift_note AS "liftNote"`;

/** PostgreSQL's SQLSTATE for a broken unique constraint. */
const uniqueViolation = '23505';

type ThreadRow = Omit<ThreadRecord, 'anchor'> & { anchorStart: string | null; anchorEnd: string | null };
type CommentRow = Omit<CommentRecord, 'mentions' | 'earlier'> & { mentions: string };
type EditRow = { commentId: string; body: string; at: string };

const toThread = ({ anchorStart, anchorEnd, ...row }: ThreadRow): ThreadRecord => ({
  ...row,
  anchor: anchorStart !== null && anchorEnd !== null ? { start: anchorStart, end: anchorEnd } : null,
});

export class PostgresComments implements CommentStore {
  constructor(private readonly db: PgDatabase) {}

  async createThread(thread: Omit<ThreadRecord, 'version'>, first: NewComment, maxItems: number, audit?: AuditDraft[]): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      if ((await lockAndCount(tx, thread.letterId)) >= maxItems) return false;
      await tx.query(
        `INSERT INTO comment_threads (id, letter_id, paragraph_id, anchor_start, anchor_end, quote, status, resolved_by, resolved_at, created_by, created_at, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 1)`,
        [thread.id, thread.letterId, thread.paragraphId, thread.anchor?.start ?? null, thread.anchor?.end ?? null, thread.quote, thread.status, thread.resolvedBy, thread.resolvedAt, thread.createdBy, thread.createdAt],
      );
      await insertComment(tx, first);
      await appendAuditWithin(tx, audit);
      return true;
    });
  }

  async addComment(comment: NewComment, maxItems: number, audit?: AuditDraft[]): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      if ((await lockAndCount(tx, comment.letterId)) >= maxItems) return false;
      if (!(await bumpThread(tx, comment.letterId, comment.threadId))) return false;
      await insertComment(tx, comment);
      await appendAuditWithin(tx, audit);
      return true;
    });
  }

  async editComment(letterId: string, commentId: string, body: string, mentions: Mention[], at: string, audit?: AuditDraft[], maxEarlier = Infinity): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      // The row lock makes edits of one comment wait for each other, so the count below stays true.
      const current = (await tx.query<CommentRow>(`SELECT ${commentColumns} FROM comments WHERE id = $1 AND letter_id = $2 FOR UPDATE`, [commentId, letterId])).rows[0];
      if (!current || current.withdrawnAt !== null) return false;
      const earlier = Number((await tx.query<{ n: string }>('SELECT COUNT(*) AS n FROM comment_edits WHERE comment_id = $1', [commentId])).rows[0]!.n);
      if (earlier >= maxEarlier) return false;
      await tx.query('INSERT INTO comment_edits (comment_id, seq, body, written_at) VALUES ($1, $2, $3, $4)', [commentId, earlier + 1, current.body, current.editedAt ?? current.createdAt]);
      await tx.query('UPDATE comments SET body = $1, mentions = $2, edited_at = $3 WHERE id = $4', [body, JSON.stringify(mentions), at, commentId]);
      await bumpThread(tx, letterId, current.threadId);
      await appendAuditWithin(tx, audit);
      return true;
    });
  }

  async withdrawComment(letterId: string, commentId: string, at: string, audit?: AuditDraft[]): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const { rows } = await tx.query<{ threadId: string }>(
        'UPDATE comments SET withdrawn_at = $1 WHERE id = $2 AND letter_id = $3 AND withdrawn_at IS NULL RETURNING thread_id AS "threadId"',
        [at, commentId, letterId],
      );
      if (!rows[0]) return false;
      await bumpThread(tx, letterId, rows[0].threadId);
      await appendAuditWithin(tx, audit);
      return true;
    });
  }

  async setThreadStatus(letterId: string, threadId: string, status: ThreadStatus, userId: string, at: string, audit?: AuditDraft[]): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const resolved = status === 'resolved';
      const changed = await tx.query(
        'UPDATE comment_threads SET status = $1, resolved_by = $2, resolved_at = $3, version = version + 1 WHERE id = $4 AND letter_id = $5 AND status <> $1',
        [status, resolved ? userId : null, resolved ? at : null, threadId, letterId],
      );
      if (changed.rowCount !== 1) return false;
      await appendAuditWithin(tx, audit);
      return true;
    });
  }

  async getThread(letterId: string, threadId: string): Promise<ThreadWithComments | null> {
    const row = (await this.db.query<ThreadRow>(`SELECT ${threadColumns} FROM comment_threads WHERE id = $1 AND letter_id = $2`, [threadId, letterId])).rows[0];
    if (!row) return null;
    const comments = (await this.db.query<CommentRow>(`SELECT ${commentColumns} FROM comments WHERE thread_id = $1 ORDER BY ordinal`, [threadId])).rows;
    const edits = (
      await this.db.query<EditRow>(
        `SELECT e.comment_id AS "commentId", e.body, e.written_at AS at FROM comment_edits e JOIN comments c ON c.id = e.comment_id
         WHERE c.thread_id = $1 ORDER BY e.comment_id, e.seq`,
        [threadId],
      )
    ).rows;
    return { thread: toThread(row), comments: assemble(comments, edits) };
  }

  async getComment(letterId: string, commentId: string): Promise<CommentRecord | null> {
    const row = (await this.db.query<CommentRow>(`SELECT ${commentColumns} FROM comments WHERE id = $1 AND letter_id = $2`, [commentId, letterId])).rows[0];
    if (!row) return null;
    const edits = (await this.db.query<EditRow>('SELECT comment_id AS "commentId", body, written_at AS at FROM comment_edits WHERE comment_id = $1 ORDER BY seq', [commentId])).rows;
    return assemble([row], edits)[0]!;
  }

  async listThreads(letterId: string): Promise<ThreadWithComments[]> {
    const threads = (await this.db.query<ThreadRow>(`SELECT ${threadColumns} FROM comment_threads WHERE letter_id = $1 ORDER BY ordinal`, [letterId])).rows;
    const comments = (await this.db.query<CommentRow>(`SELECT ${commentColumns} FROM comments WHERE letter_id = $1 ORDER BY ordinal`, [letterId])).rows;
    const edits = (
      await this.db.query<EditRow>(
        `SELECT e.comment_id AS "commentId", e.body, e.written_at AS at FROM comment_edits e JOIN comments c ON c.id = e.comment_id
         WHERE c.letter_id = $1 ORDER BY e.comment_id, e.seq`,
        [letterId],
      )
    ).rows;
    const all = assemble(comments, edits);
    return threads.map((row) => ({ thread: toThread(row), comments: all.filter((comment) => comment.threadId === row.id) }));
  }

  async getSettings(letterId: string): Promise<CommentSettings> {
    const row = (await this.db.query<{ value: boolean }>('SELECT observers_may_comment AS value FROM letter_comment_settings WHERE letter_id = $1', [letterId])).rows[0];
    return row ? { observersMayComment: row.value } : defaultCommentSettings;
  }

  async setSettings(letterId: string, settings: CommentSettings, audit?: AuditDraft[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO letter_comment_settings (letter_id, observers_may_comment) VALUES ($1, $2)
         ON CONFLICT (letter_id) DO UPDATE SET observers_may_comment = excluded.observers_may_comment`,
        [letterId, settings.observersMayComment],
      );
      await appendAuditWithin(tx, audit);
    });
  }

  async enterReservation(reservation: ReservationRecord, maxItems: number, audit?: AuditDraft[]): Promise<ReservationOutcome> {
    try {
      return await this.db.transaction(async (tx) => {
        if ((await lockAndCount(tx, reservation.letterId)) >= maxItems) return ReservationOutcome.overLimit;
        const r = reservation;
        await tx.query(
          `INSERT INTO reservations (id, letter_id, paragraph_id, office_id, kind, reason, user_id, created_at, lifted_by, lifted_at, lift_note)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
          [r.id, r.letterId, r.paragraphId, r.officeId, r.kind, r.reason, r.userId, r.createdAt, r.liftedBy, r.liftedAt, r.liftNote],
        );
        await appendAuditWithin(tx, audit);
        return ReservationOutcome.entered;
      });
    } catch (error) {
      if ((error as { code?: unknown }).code === uniqueViolation) return ReservationOutcome.duplicate;
      throw error;
    }
  }

  async liftReservation(letterId: string, reservationId: string, liftedBy: string, at: string, note: string | null, audit?: AuditDraft[]): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const changed = await tx.query(
        'UPDATE reservations SET lifted_by = $1, lifted_at = $2, lift_note = $3 WHERE id = $4 AND letter_id = $5 AND lifted_at IS NULL',
        [liftedBy, at, note, reservationId, letterId],
      );
      if (changed.rowCount !== 1) return false;
      await appendAuditWithin(tx, audit);
      return true;
    });
  }

  async getReservation(letterId: string, reservationId: string): Promise<ReservationRecord | null> {
    const { rows } = await this.db.query<ReservationRecord>(`SELECT ${reservationColumns} FROM reservations WHERE id = $1 AND letter_id = $2`, [reservationId, letterId]);
    return rows[0] ?? null;
  }

  async listReservations(letterId: string): Promise<ReservationRecord[]> {
    return (await this.db.query<ReservationRecord>(`SELECT ${reservationColumns} FROM reservations WHERE letter_id = $1 ORDER BY ordinal`, [letterId])).rows;
  }
}

/** Takes the letter's lock (racing acts on one letter take turns) and counts its comments and reservations. */
async function lockAndCount(tx: Queryable, letterId: string): Promise<number> {
  await tx.query('SELECT id FROM letters WHERE id = $1 FOR NO KEY UPDATE', [letterId]);
  const { rows } = await tx.query<{ n: number }>(
    'SELECT ((SELECT COUNT(*) FROM comments WHERE letter_id = $1) + (SELECT COUNT(*) FROM reservations WHERE letter_id = $1))::int AS n',
    [letterId],
  );
  return rows[0]!.n;
}

async function bumpThread(tx: Queryable, letterId: string, threadId: string): Promise<boolean> {
  const changed = await tx.query('UPDATE comment_threads SET version = version + 1 WHERE id = $1 AND letter_id = $2', [threadId, letterId]);
  return changed.rowCount === 1;
}

async function insertComment(tx: Queryable, comment: NewComment): Promise<void> {
  await tx.query(
    `INSERT INTO comments (id, thread_id, letter_id, user_id, office_id, body, mentions, created_at, edited_at, withdrawn_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NULL, NULL)`,
    [comment.id, comment.threadId, comment.letterId, comment.userId, comment.officeId, comment.body, JSON.stringify(comment.mentions), comment.createdAt],
  );
}

function assemble(rows: CommentRow[], edits: EditRow[]): CommentRecord[] {
  return rows.map(({ mentions, ...row }) => ({
    ...row,
    mentions: JSON.parse(mentions) as Mention[],
    earlier: edits.filter((edit) => edit.commentId === row.id).map(({ body, at }) => ({ body, at })),
  }));
}
