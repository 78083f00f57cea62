import type { Delivery, NotificationKind } from '../../../shared/domain/notification-rules.js';
import {
  type DeadlineRecord,
  jobKindsWithSecretPayload,
  type JobKind,
  type JobRecord,
  type NewJob,
  type NotificationBatch,
  type NotificationRecord,
  type NotificationStore,
  readTitleParts,
  type ReminderSlot,
} from '../notification-store.js';
import type { AuditDraft } from '../store.js';
import { appendAuditWithin } from './postgres-audit.js';
import type { PgDatabase, Queryable } from './pg-database.js';

const notificationColumns = `id, user_id AS "userId", kind, letter_id AS "letterId", title, title_parts AS "titleParts", path, mail, dedupe_key AS "dedupeKey",
  created_at AS "createdAt", read_at AS "readAt", mailed_at AS "mailedAt"`;
const jobColumns = `id, kind, dedupe_key AS "dedupeKey", letter_id AS "letterId", due_at AS "dueAt", payload, attempts,
  last_error AS "lastError", claimed_until AS "claimedUntil", done_at AS "doneAt", gave_up AS "gaveUp"`;
const deadlineKinds = `('deadline_soon', 'deadline_passed')`;

/** A job done or given up keeps no secret: of the payload of these kinds, only the address is kept. */
const wipedPayload = `CASE WHEN kind IN (${jobKindsWithSecretPayload.map((kind) => `'${kind}'`).join(', ')})
  THEN json_build_object('to', payload::json->>'to')::text ELSE payload END`;
type NotificationRow = Omit<NotificationRecord, 'titleParts'> & { titleParts: string | null };
const toNotification = (row: NotificationRow): NotificationRecord => ({ ...row, titleParts: readTitleParts(row.titleParts) });
const writeTitleParts = (n: NotificationRecord) => (n.titleParts ? JSON.stringify(n.titleParts) : null);
type JobRow = Omit<JobRecord, 'payload'> & { payload: string };
const toJob = (row: JobRow): JobRecord => ({ ...row, payload: JSON.parse(row.payload) as Record<string, unknown> });
type DeadlineRow = Omit<DeadlineRecord, 'officeId'> & { officeId: string };
const toDeadline = (row: DeadlineRow): DeadlineRecord => ({ ...row, officeId: row.officeId === '' ? null : row.officeId });

/** Notifications in PostgreSQL; jobs are claimed with FOR UPDATE SKIP LOCKED, so instances never take one job twice. */
export class PostgresNotifications implements NotificationStore {
  constructor(private readonly db: PgDatabase) {}

  async replaceDeadlines(letterId: string, deadlines: DeadlineRecord[], jobs: NewJob[], audit?: AuditDraft[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query('DELETE FROM notification_deadlines WHERE letter_id = $1', [letterId]);
      await tx.query(`DELETE FROM scheduled_jobs WHERE letter_id = $1 AND kind IN ${deadlineKinds} AND done_at IS NULL`, [letterId]);
      for (const d of deadlines) {
        await tx.query('INSERT INTO notification_deadlines (letter_id, office_id, due_at, set_by, set_at) VALUES ($1, $2, $3, $4, $5)', [
          letterId,
          d.officeId ?? '',
          d.dueAt,
          d.setBy,
          d.setAt,
        ]);
      }
      await insertJobs(tx, jobs, null);
      await appendAuditWithin(tx, audit);
    });
  }

  async listDeadlines(letterId: string): Promise<DeadlineRecord[]> {
    return this.selectDeadlines('WHERE letter_id = $1', [letterId]);
  }

  async listAllDeadlines(): Promise<DeadlineRecord[]> {
    return this.selectDeadlines('', []);
  }

  private async selectDeadlines(where: string, params: unknown[]): Promise<DeadlineRecord[]> {
    const { rows } = await this.db.query<DeadlineRow>(
      `SELECT letter_id AS "letterId", office_id AS "officeId", due_at AS "dueAt", set_by AS "setBy", set_at AS "setAt"
       FROM notification_deadlines ${where} ORDER BY letter_id, office_id`,
      params,
    );
    return rows.map(toDeadline);
  }

  async addNotifications(batch: NotificationBatch): Promise<NotificationRecord[]> {
    return this.db.transaction((tx) => storeBatch(tx, batch));
  }

  async listNotifications(userId: string, limit: number): Promise<NotificationRecord[]> {
    return (
      await this.db.query<NotificationRow>(`SELECT ${notificationColumns} FROM notifications WHERE user_id = $1 ORDER BY created_at DESC, id LIMIT $2`, [
        userId,
        limit,
      ])
    ).rows.map(toNotification);
  }

  async getNotification(id: string): Promise<NotificationRecord | null> {
    const row = (await this.db.query<NotificationRow>(`SELECT ${notificationColumns} FROM notifications WHERE id = $1`, [id])).rows[0];
    return row ? toNotification(row) : null;
  }

  async countUnread(userId: string): Promise<number> {
    const { rows } = await this.db.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL', [userId]);
    return rows[0]!.n;
  }

  async markRead(userId: string, ids: string[] | null, at: string): Promise<number> {
    const result =
      ids === null
        ? await this.db.query('UPDATE notifications SET read_at = $1 WHERE user_id = $2 AND read_at IS NULL', [at, userId])
        : await this.db.query('UPDATE notifications SET read_at = $1 WHERE user_id = $2 AND id = ANY($3::text[]) AND read_at IS NULL', [at, userId, ids]);
    return result.rowCount ?? 0;
  }

  async listDigestPending(userId: string): Promise<NotificationRecord[]> {
    return (
      await this.db.query<NotificationRow>(
        `SELECT ${notificationColumns} FROM notifications WHERE user_id = $1 AND mail = 'digest' AND mailed_at IS NULL ORDER BY created_at, id`,
        [userId],
      )
    ).rows.map(toNotification);
  }

  async markMailed(ids: string[], at: string): Promise<void> {
    await this.db.query('UPDATE notifications SET mailed_at = $1 WHERE id = ANY($2::text[])', [at, ids]);
  }

  async listPreferences(userId: string): Promise<{ kind: NotificationKind; delivery: Delivery }[]> {
    return (
      await this.db.query<{ kind: NotificationKind; delivery: Delivery }>('SELECT kind, delivery FROM notification_preferences WHERE user_id = $1 ORDER BY kind', [
        userId,
      ])
    ).rows;
  }

  async setPreferences(userId: string, preferences: { kind: NotificationKind; delivery: Delivery }[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      for (const p of preferences) {
        await tx.query(
          'INSERT INTO notification_preferences (user_id, kind, delivery) VALUES ($1, $2, $3) ON CONFLICT (user_id, kind) DO UPDATE SET delivery = excluded.delivery',
          [userId, p.kind, p.delivery],
        );
      }
    });
  }

  async recordReminder(slot: ReminderSlot, batch: NotificationBatch): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      // Two coordinators clicking at once: the row lock makes the second see the first's time and match nothing.
      const taken = await tx.query(
        `INSERT INTO office_reminders (letter_id, office_id, sent_at) VALUES ($1, $2, $3)
         ON CONFLICT (letter_id, office_id) DO UPDATE SET sent_at = excluded.sent_at WHERE office_reminders.sent_at <= $4`,
        [slot.letterId, slot.officeId, slot.at, slot.lastBefore],
      );
      if (taken.rowCount !== 1) return false;
      await storeBatch(tx, batch);
      return true;
    });
  }

  async listReminders(letterId: string): Promise<{ officeId: string; sentAt: string }[]> {
    return (
      await this.db.query<{ officeId: string; sentAt: string }>(
        'SELECT office_id AS "officeId", sent_at AS "sentAt" FROM office_reminders WHERE letter_id = $1 ORDER BY office_id',
        [letterId],
      )
    ).rows;
  }

  async addJobs(jobs: NewJob[]): Promise<void> {
    await this.db.transaction((tx) => insertJobs(tx, jobs, null));
  }

  async claimDueJobs(now: string, claimedUntil: string, limit: number): Promise<JobRecord[]> {
    const { rows } = await this.db.query<JobRow>(
      `UPDATE scheduled_jobs SET claimed_until = $1, attempts = attempts + 1
       WHERE id IN (
         SELECT id FROM scheduled_jobs
         WHERE done_at IS NULL AND due_at <= $2 AND (claimed_until IS NULL OR claimed_until <= $2)
         ORDER BY due_at LIMIT $3
         FOR UPDATE SKIP LOCKED
       )
       RETURNING ${jobColumns}`,
      [claimedUntil, now, limit],
    );
    return rows.map(toJob).sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  }

  async finishJob(job: Pick<JobRecord, 'id' | 'claimedUntil'>, at: string, batch?: NotificationBatch): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const done = await tx.query(`UPDATE scheduled_jobs SET done_at = $1, claimed_until = NULL, payload = ${wipedPayload} WHERE id = $2 AND claimed_until = $3 AND done_at IS NULL`, [
        at,
        job.id,
        job.claimedUntil,
      ]);
      if (done.rowCount !== 1) return false;
      if (batch) await storeBatch(tx, batch);
      return true;
    });
  }

  async failJob(job: Pick<JobRecord, 'id' | 'claimedUntil'>, error: string, retryAt: string | null, at: string): Promise<void> {
    if (retryAt === null) {
      await this.db.query(`UPDATE scheduled_jobs SET last_error = $1, claimed_until = NULL, done_at = $2, gave_up = TRUE, payload = ${wipedPayload} WHERE id = $3 AND claimed_until = $4`, [
        error,
        at,
        job.id,
        job.claimedUntil,
      ]);
      return;
    }
    await this.db.query('UPDATE scheduled_jobs SET last_error = $1, claimed_until = NULL, due_at = $2 WHERE id = $3 AND claimed_until = $4', [
      error,
      retryAt,
      job.id,
      job.claimedUntil,
    ]);
  }

  async listJobProblems(limit: number): Promise<JobRecord[]> {
    const { rows } = await this.db.query<JobRow>(
      `SELECT ${jobColumns} FROM scheduled_jobs WHERE last_error IS NOT NULL AND (done_at IS NULL OR gave_up) ORDER BY created_at DESC LIMIT $1`,
      [limit],
    );
    return rows.map(toJob);
  }

  async countPendingJobs(kinds: JobKind[]): Promise<number> {
    const { rows } = await this.db.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM scheduled_jobs WHERE done_at IS NULL AND kind = ANY($1::text[])', [kinds]);
    return rows[0]!.n;
  }

  async listJobs(kind: JobKind, limit: number): Promise<JobRecord[]> {
    const { rows } = await this.db.query<JobRow>(`SELECT ${jobColumns} FROM scheduled_jobs WHERE kind = $1 ORDER BY created_at DESC LIMIT $2`, [kind, limit]);
    return rows.map(toJob);
  }
}

async function storeBatch(tx: Queryable, batch: NotificationBatch): Promise<NotificationRecord[]> {
  const stored: NotificationRecord[] = [];
  for (const n of batch.notifications) {
    const inserted = await tx.query(
      `INSERT INTO notifications (id, user_id, kind, letter_id, title, title_parts, path, mail, dedupe_key, created_at, read_at, mailed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT DO NOTHING`,
      [n.id, n.userId, n.kind, n.letterId, n.title, writeTitleParts(n), n.path, n.mail, n.dedupeKey, n.createdAt, n.readAt, n.mailedAt],
    );
    if (inserted.rowCount === 1) stored.push(n);
  }
  await insertJobs(tx, batch.jobs, new Set(stored.map((n) => n.id)));
  await appendAuditWithin(tx, batch.audit);
  return stored;
}

async function insertJobs(tx: Queryable, jobs: NewJob[], storedIds: Set<string> | null): Promise<void> {
  const now = new Date().toISOString();
  for (const job of jobs) {
    if (job.forNotificationId && storedIds && !storedIds.has(job.forNotificationId)) continue;
    await tx.query(
      `INSERT INTO scheduled_jobs (id, kind, dedupe_key, letter_id, due_at, payload, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
      [job.id, job.kind, job.dedupeKey, job.letterId, job.dueAt, JSON.stringify(job.payload), now],
    );
  }
}
