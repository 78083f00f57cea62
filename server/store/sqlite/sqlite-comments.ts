import type Database from 'better-sqlite3';
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
import type { SqliteAudit } from './sqlite-audit.js';

const threadColumns = `id, letter_id AS letterId, paragraph_id AS paragraphId, anchor_start AS anchorStart, anchor_end AS anchorEnd, quote,
  status, resolved_by AS resolvedBy, resolved_at AS resolvedAt, created_by AS createdBy, created_at AS createdAt, version`;
const commentColumns = `id, thread_id AS threadId, letter_id AS letterId, user_id AS userId, office_id AS officeId, body, mentions,
  created_at AS createdAt, edited_at AS editedAt, withdrawn_at AS withdrawnAt`;
const reservationColumns = `id, letter_id AS letterId, paragraph_id AS paragraphId, office_id AS officeId, kind, reason, user_id AS userId,
  created_at AS createdAt, lifted_by AS liftedBy, lifted_at AS liftedAt, lift_note AS liftNote`;

type ThreadRow = Omit<ThreadRecord, 'anchor'> & { anchorStart: string | null; anchorEnd: string | null };
type CommentRow = Omit<CommentRecord, 'mentions' | 'earlier'> & { mentions: string };

const toThread = ({ anchorStart, anchorEnd, ...row }: ThreadRow): ThreadRecord => ({
  ...row,
  anchor: anchorStart !== null && anchorEnd !== null ? { start: anchorStart, end: anchorEnd } : null,
});

export class SqliteComments implements CommentStore {
  constructor(
    private readonly db: Database.Database,
    private readonly audit: SqliteAudit,
  ) {}

  async createThread(thread: Omit<ThreadRecord, 'version'>, first: NewComment, maxItems: number, audit?: AuditDraft[]): Promise<boolean> {
    return this.db.transaction(() => {
      if (this.itemCount(thread.letterId) >= maxItems) return false;
      this.db
        .prepare(
          `INSERT INTO comment_threads (id, letter_id, paragraph_id, anchor_start, anchor_end, quote, status, resolved_by, resolved_at, created_by, created_at, version)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
        )
        .run(thread.id, thread.letterId, thread.paragraphId, thread.anchor?.start ?? null, thread.anchor?.end ?? null, thread.quote, thread.status, thread.resolvedBy, thread.resolvedAt, thread.createdBy, thread.createdAt);
      this.insertComment(first);
      this.audit.appendWithin(audit);
      return true;
    })();
  }

  async addComment(comment: NewComment, maxItems: number, audit?: AuditDraft[]): Promise<boolean> {
    return this.db.transaction(() => {
      if (this.itemCount(comment.letterId) >= maxItems) return false;
      if (!this.bumpThread(comment.letterId, comment.threadId)) return false;
      this.insertComment(comment);
      this.audit.appendWithin(audit);
      return true;
    })();
  }

  async editComment(letterId: string, commentId: string, body: string, mentions: Mention[], at: string, audit?: AuditDraft[], maxEarlier = Infinity): Promise<boolean> {
    return this.db.transaction(() => {
      const current = this.commentRow(letterId, commentId);
      if (!current || current.withdrawnAt !== null) return false;
      const earlier = (this.db.prepare('SELECT COUNT(*) AS n FROM comment_edits WHERE comment_id = ?').get(commentId) as { n: number }).n;
      if (earlier >= maxEarlier) return false;
      const seq = earlier + 1;
      this.db
        .prepare('INSERT INTO comment_edits (comment_id, seq, body, written_at) VALUES (?, ?, ?, ?)')
        .run(commentId, seq, current.body, current.editedAt ?? current.createdAt);
      this.db.prepare('UPDATE comments SET body = ?, mentions = ?, edited_at = ? WHERE id = ?').run(body, JSON.stringify(mentions), at, commentId);
      this.bumpThread(letterId, current.threadId);
      this.audit.appendWithin(audit);
      return true;
    })();
  }

  async withdrawComment(letterId: string, commentId: string, at: string, audit?: AuditDraft[]): Promise<boolean> {
    return this.db.transaction(() => {
      const current = this.commentRow(letterId, commentId);
      if (!current || current.withdrawnAt !== null) return false;
      this.db.prepare('UPDATE comments SET withdrawn_at = ? WHERE id = ?').run(at, commentId);
      this.bumpThread(letterId, current.threadId);
      this.audit.appendWithin(audit);
      return true;
    })();
  }

  async setThreadStatus(letterId: string, threadId: string, status: ThreadStatus, userId: string, at: string, audit?: AuditDraft[]): Promise<boolean> {
    return this.db.transaction(() => {
      const resolved = status === 'resolved';
      const changed = this.db
        .prepare('UPDATE comment_threads SET status = ?, resolved_by = ?, resolved_at = ?, version = version + 1 WHERE id = ? AND letter_id = ? AND status <> ?')
        .run(status, resolved ? userId : null, resolved ? at : null, threadId, letterId, status);
      if (changed.changes !== 1) return false;
      this.audit.appendWithin(audit);
      return true;
    })();
  }

  async getThread(letterId: string, threadId: string): Promise<ThreadWithComments | null> {
    const row = this.db.prepare(`SELECT ${threadColumns} FROM comment_threads WHERE id = ? AND letter_id = ?`).get(threadId, letterId) as ThreadRow | undefined;
    if (!row) return null;
    const comments = this.db.prepare(`SELECT ${commentColumns} FROM comments WHERE thread_id = ? ORDER BY created_at, rowid`).all(threadId) as CommentRow[];
    return { thread: toThread(row), comments: comments.map((comment) => this.toComment(comment)) };
  }

  async getComment(letterId: string, commentId: string): Promise<CommentRecord | null> {
    const row = this.commentRow(letterId, commentId);
    return row ? this.toComment(row) : null;
  }

  async listThreads(letterId: string): Promise<ThreadWithComments[]> {
    const threads = this.db.prepare(`SELECT ${threadColumns} FROM comment_threads WHERE letter_id = ? ORDER BY created_at, rowid`).all(letterId) as ThreadRow[];
    const comments = this.db.prepare(`SELECT ${commentColumns} FROM comments WHERE letter_id = ? ORDER BY created_at, rowid`).all(letterId) as CommentRow[];
    const edits = this.db
      .prepare(
        `SELECT e.comment_id AS commentId, e.body, e.written_at AS at FROM comment_edits e JOIN comments c ON c.id = e.comment_id
         WHERE c.letter_id = ? ORDER BY e.comment_id, e.seq`,
      )
      .all(letterId) as { commentId: string; body: string; at: string }[];
    const earlier = groupBy(edits, (edit) => edit.commentId);
    const byThread = groupBy(comments, (comment) => comment.threadId);
    return threads.map((row) => ({
      thread: toThread(row),
      comments: (byThread.get(row.id) ?? []).map(({ mentions, ...comment }) => ({
        ...comment,
        mentions: JSON.parse(mentions) as Mention[],
        earlier: (earlier.get(comment.id) ?? []).map(({ body, at }) => ({ body, at })),
      })),
    }));
  }

  async getSettings(letterId: string): Promise<CommentSettings> {
    const row = this.db.prepare('SELECT observers_may_comment AS value FROM letter_comment_settings WHERE letter_id = ?').get(letterId) as { value: number } | undefined;
    return row ? { observersMayComment: row.value === 1 } : defaultCommentSettings;
  }

  async setSettings(letterId: string, settings: CommentSettings, audit?: AuditDraft[]): Promise<void> {
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO letter_comment_settings (letter_id, observers_may_comment) VALUES (?, ?)
           ON CONFLICT (letter_id) DO UPDATE SET observers_may_comment = excluded.observers_may_comment`,
        )
        .run(letterId, settings.observersMayComment ? 1 : 0);
      this.audit.appendWithin(audit);
    })();
  }

  async enterReservation(reservation: ReservationRecord, maxItems: number, audit?: AuditDraft[]): Promise<ReservationOutcome> {
    try {
      return this.db.transaction(() => {
        if (this.itemCount(reservation.letterId) >= maxItems) return ReservationOutcome.overLimit;
        const r = reservation;
        this.db
          .prepare(
            `INSERT INTO reservations (id, letter_id, paragraph_id, office_id, kind, reason, user_id, created_at, lifted_by, lifted_at, lift_note)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(r.id, r.letterId, r.paragraphId, r.officeId, r.kind, r.reason, r.userId, r.createdAt, r.liftedBy, r.liftedAt, r.liftNote);
        this.audit.appendWithin(audit);
        return ReservationOutcome.entered;
      })();
    } catch (error) {
      if ((error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE') return ReservationOutcome.duplicate;
      throw error;
    }
  }

  async liftReservation(letterId: string, reservationId: string, liftedBy: string, at: string, note: string | null, audit?: AuditDraft[]): Promise<boolean> {
    return this.db.transaction(() => {
      const changed = this.db
        .prepare('UPDATE reservations SET lifted_by = ?, lifted_at = ?, lift_note = ? WHERE id = ? AND letter_id = ? AND lifted_at IS NULL')
        .run(liftedBy, at, note, reservationId, letterId);
      if (changed.changes !== 1) return false;
      this.audit.appendWithin(audit);
      return true;
    })();
  }

  async getReservation(letterId: string, reservationId: string): Promise<ReservationRecord | null> {
    const row = this.db.prepare(`SELECT ${reservationColumns} FROM reservations WHERE id = ? AND letter_id = ?`).get(reservationId, letterId);
    return (row as ReservationRecord | undefined) ?? null;
  }

  async listReservations(letterId: string): Promise<ReservationRecord[]> {
    return this.db.prepare(`SELECT ${reservationColumns} FROM reservations WHERE letter_id = ? ORDER BY created_at, rowid`).all(letterId) as ReservationRecord[];
  }

  private itemCount(letterId: string): number {
    const row = this.db
      .prepare('SELECT (SELECT COUNT(*) FROM comments WHERE letter_id = ?) + (SELECT COUNT(*) FROM reservations WHERE letter_id = ?) AS n')
      .get(letterId, letterId) as { n: number };
    return row.n;
  }

  private bumpThread(letterId: string, threadId: string): boolean {
    return this.db.prepare('UPDATE comment_threads SET version = version + 1 WHERE id = ? AND letter_id = ?').run(threadId, letterId).changes === 1;
  }

  private insertComment(comment: NewComment): void {
    this.db
      .prepare(
        `INSERT INTO comments (id, thread_id, letter_id, user_id, office_id, body, mentions, created_at, edited_at, withdrawn_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL)`,
      )
      .run(comment.id, comment.threadId, comment.letterId, comment.userId, comment.officeId, comment.body, JSON.stringify(comment.mentions), comment.createdAt);
  }

  private commentRow(letterId: string, commentId: string): CommentRow | undefined {
    return this.db.prepare(`SELECT ${commentColumns} FROM comments WHERE id = ? AND letter_id = ?`).get(commentId, letterId) as CommentRow | undefined;
  }

  private toComment({ mentions, ...row }: CommentRow): CommentRecord {
    const earlier = this.db.prepare('SELECT body, written_at AS at FROM comment_edits WHERE comment_id = ? ORDER BY seq').all(row.id) as { body: string; at: string }[];
    return { ...row, mentions: JSON.parse(mentions) as Mention[], earlier };
  }
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item)) ?? [];
    group.push(item);
    groups.set(key(item), group);
  }
  return groups;
}
