import type Database from 'better-sqlite3';
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
import type { SqliteAudit } from './sqlite-audit.js';

const notificationColumns = `id, user_id AS userId, kind, letter_id AS letterId, title, title_parts AS titleParts, path, mail, dedupe_key AS dedupeKey,
  created_at AS createdAt, read_at AS readAt, mailed_at AS mailedAt`;
const jobColumns = `id, kind, dedupe_key AS dedupeKey, letter_id AS letterId, due_at AS dueAt, payload, attempts,
  last_error AS lastError, claimed_until AS claimedUntil, done_at AS doneAt, gave_up AS gaveUp`;
const deadlineKinds = `('deadline_soon', 'deadline_passed')`;
/** A job done or given up keeps no secret: of the payload of these kinds, only the address is kept. */
const wipedPayload = `CASE WHEN kind IN (${jobKindsWithSecretPayload.map((kind) => `'${kind}'`).join(', ')})
  THEN json_object('to', json_extract(payload, '$.to')) ELSE payload END`;

type NotificationRow = Omit<NotificationRecord, 'titleParts'> & { titleParts: string | null };
const toNotification = (row: NotificationRow): NotificationRecord => ({ ...row, titleParts: readTitleParts(row.titleParts) });
const writeTitleParts = (n: NotificationRecord) => (n.titleParts ? JSON.stringify(n.titleParts) : null);
type JobRow = Omit<JobRecord, 'payload' | 'gaveUp'> & { payload: string; gaveUp: number };
const toJob = (row: JobRow): JobRecord => ({ ...row, payload: JSON.parse(row.payload) as Record<string, unknown>, gaveUp: row.gaveUp === 1 });
type DeadlineRow = Omit<DeadlineRecord, 'officeId'> & { officeId: string };
const toDeadline = (row: DeadlineRow): DeadlineRecord => ({ ...row, officeId: row.officeId === '' ? null : row.officeId });

/** Notifications in SQLite: each method is one transaction; a claim is one UPDATE … RETURNING. */
export class SqliteNotifications implements NotificationStore {
  constructor(
    private readonly db: Database.Database,
    private readonly audit: SqliteAudit,
  ) {}

  async replaceDeadlines(letterId: string, deadlines: DeadlineRecord[], jobs: NewJob[], audit?: AuditDraft[]): Promise<void> {
    const insert = this.db.prepare('INSERT INTO notification_deadlines (letter_id, office_id, due_at, set_by, set_at) VALUES (?, ?, ?, ?, ?)');
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM notification_deadlines WHERE letter_id = ?').run(letterId);
      this.db.prepare(`DELETE FROM scheduled_jobs WHERE letter_id = ? AND kind IN ${deadlineKinds} AND done_at IS NULL`).run(letterId);
      for (const d of deadlines) insert.run(letterId, d.officeId ?? '', d.dueAt, d.setBy, d.setAt);
      this.insertJobs(jobs, null);
      this.audit.appendWithin(audit);
    })();
  }

  async listDeadlines(letterId: string): Promise<DeadlineRecord[]> {
    return this.selectDeadlines('WHERE letter_id = ?', [letterId]);
  }

  async listAllDeadlines(): Promise<DeadlineRecord[]> {
    return this.selectDeadlines('', []);
  }

  private selectDeadlines(where: string, params: unknown[]): DeadlineRecord[] {
    const rows = this.db
      .prepare(`SELECT letter_id AS letterId, office_id AS officeId, due_at AS dueAt, set_by AS setBy, set_at AS setAt FROM notification_deadlines ${where} ORDER BY letter_id, office_id`)
      .all(...params) as DeadlineRow[];
    return rows.map(toDeadline);
  }

  async addNotifications(batch: NotificationBatch): Promise<NotificationRecord[]> {
    return this.db.transaction(() => this.storeBatch(batch))();
  }

  /** Must run inside a transaction. */
  private storeBatch(batch: NotificationBatch): NotificationRecord[] {
    const insert = this.db.prepare(
      `INSERT INTO notifications (id, user_id, kind, letter_id, title, title_parts, path, mail, dedupe_key, created_at, read_at, mailed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    );
    const stored = batch.notifications.filter(
      (n) => insert.run(n.id, n.userId, n.kind, n.letterId, n.title, writeTitleParts(n), n.path, n.mail, n.dedupeKey, n.createdAt, n.readAt, n.mailedAt).changes === 1,
    );
    this.insertJobs(batch.jobs, new Set(stored.map((n) => n.id)));
    this.audit.appendWithin(batch.audit);
    return stored;
  }

  /** Must run inside a transaction; a job for a notification not in `storedIds` is left out. */
  private insertJobs(jobs: NewJob[], storedIds: Set<string> | null): void {
    const insert = this.db.prepare(
      `INSERT INTO scheduled_jobs (id, kind, dedupe_key, letter_id, due_at, payload, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    );
    const now = new Date().toISOString();
    for (const job of jobs) {
      if (job.forNotificationId && storedIds && !storedIds.has(job.forNotificationId)) continue;
      insert.run(job.id, job.kind, job.dedupeKey, job.letterId, job.dueAt, JSON.stringify(job.payload), now);
    }
  }

  async listNotifications(userId: string, limit: number): Promise<NotificationRecord[]> {
    const rows = this.db
      .prepare(`SELECT ${notificationColumns} FROM notifications WHERE user_id = ? ORDER BY created_at DESC, id LIMIT ?`)
      .all(userId, limit) as NotificationRow[];
    return rows.map(toNotification);
  }

  async getNotification(id: string): Promise<NotificationRecord | null> {
    const row = this.db.prepare(`SELECT ${notificationColumns} FROM notifications WHERE id = ?`).get(id) as NotificationRow | undefined;
    return row ? toNotification(row) : null;
  }

  async countUnread(userId: string): Promise<number> {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM notifications WHERE user_id = ? AND read_at IS NULL').get(userId) as { n: number }).n;
  }

  async markRead(userId: string, ids: string[] | null, at: string): Promise<number> {
    if (ids === null) return this.db.prepare('UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL').run(at, userId).changes;
    const update = this.db.prepare('UPDATE notifications SET read_at = ? WHERE user_id = ? AND id = ? AND read_at IS NULL');
    return this.db.transaction(() => ids.reduce((changed, id) => changed + update.run(at, userId, id).changes, 0))();
  }

  async listDigestPending(userId: string): Promise<NotificationRecord[]> {
    return (
      this.db
        .prepare(`SELECT ${notificationColumns} FROM notifications WHERE user_id = ? AND mail = 'digest' AND mailed_at IS NULL ORDER BY created_at, id`)
        .all(userId) as NotificationRow[]
    ).map(toNotification);
  }

  async markMailed(ids: string[], at: string): Promise<void> {
    const update = this.db.prepare('UPDATE notifications SET mailed_at = ? WHERE id = ?');
    this.db.transaction(() => ids.forEach((id) => update.run(at, id)))();
  }

  async listPreferences(userId: string): Promise<{ kind: NotificationKind; delivery: Delivery }[]> {
    return this.db.prepare('SELECT kind, delivery FROM notification_preferences WHERE user_id = ? ORDER BY kind').all(userId) as {
      kind: NotificationKind;
      delivery: Delivery;
    }[];
  }

  async setPreferences(userId: string, preferences: { kind: NotificationKind; delivery: Delivery }[]): Promise<void> {
    const upsert = this.db.prepare(
      'INSERT INTO notification_preferences (user_id, kind, delivery) VALUES (?, ?, ?) ON CONFLICT (user_id, kind) DO UPDATE SET delivery = excluded.delivery',
    );
    this.db.transaction(() => preferences.forEach((p) => upsert.run(userId, p.kind, p.delivery)))();
  }

  async recordReminder(slot: ReminderSlot, batch: NotificationBatch): Promise<boolean> {
    return this.db.transaction(() => {
      const taken = this.db
        .prepare(
          `INSERT INTO office_reminders (letter_id, office_id, sent_at) VALUES (?, ?, ?)
           ON CONFLICT (letter_id, office_id) DO UPDATE SET sent_at = excluded.sent_at WHERE office_reminders.sent_at <= ?`,
        )
        .run(slot.letterId, slot.officeId, slot.at, slot.lastBefore);
      if (taken.changes !== 1) return false;
      this.storeBatch(batch);
      return true;
    })();
  }

  async listReminders(letterId: string): Promise<{ officeId: string; sentAt: string }[]> {
    return this.db.prepare('SELECT office_id AS officeId, sent_at AS sentAt FROM office_reminders WHERE letter_id = ? ORDER BY office_id').all(letterId) as {
      officeId: string;
      sentAt: string;
    }[];
  }

  async addJobs(jobs: NewJob[]): Promise<void> {
    this.db.transaction(() => this.insertJobs(jobs, null))();
  }

  async claimDueJobs(now: string, claimedUntil: string, limit: number): Promise<JobRecord[]> {
    // One statement: SQLite runs it under the database's write lock, so two processes never claim one job.
    const rows = this.db
      .prepare(
        `UPDATE scheduled_jobs SET claimed_until = ?, attempts = attempts + 1
         WHERE id IN (
           SELECT id FROM scheduled_jobs
           WHERE done_at IS NULL AND due_at <= ? AND (claimed_until IS NULL OR claimed_until <= ?)
           ORDER BY due_at LIMIT ?
         )
         RETURNING ${jobColumns}`,
      )
      .all(claimedUntil, now, now, limit) as JobRow[];
    return rows.map(toJob).sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  }

  async finishJob(job: Pick<JobRecord, 'id' | 'claimedUntil'>, at: string, batch?: NotificationBatch): Promise<boolean> {
    return this.db.transaction(() => {
      const done = this.db
        .prepare(`UPDATE scheduled_jobs SET done_at = ?, claimed_until = NULL, payload = ${wipedPayload} WHERE id = ? AND claimed_until = ? AND done_at IS NULL`)
        .run(at, job.id, job.claimedUntil);
      if (done.changes !== 1) return false;
      if (batch) this.storeBatch(batch);
      return true;
    })();
  }

  async failJob(job: Pick<JobRecord, 'id' | 'claimedUntil'>, error: string, retryAt: string | null, at: string): Promise<void> {
    const statement =
      retryAt === null
        ? this.db.prepare(`UPDATE scheduled_jobs SET last_error = ?, claimed_until = NULL, done_at = ?, gave_up = 1, payload = ${wipedPayload} WHERE id = ? AND claimed_until = ?`)
        : this.db.prepare('UPDATE scheduled_jobs SET last_error = ?, claimed_until = NULL, due_at = ? WHERE id = ? AND claimed_until = ?');
    statement.run(error, retryAt ?? at, job.id, job.claimedUntil);
  }

  async listJobProblems(limit: number): Promise<JobRecord[]> {
    const rows = this.db
      .prepare(`SELECT ${jobColumns} FROM scheduled_jobs WHERE last_error IS NOT NULL AND (done_at IS NULL OR gave_up = 1) ORDER BY created_at DESC LIMIT ?`)
      .all(limit) as JobRow[];
    return rows.map(toJob);
  }

  async countPendingJobs(kinds: JobKind[]): Promise<number> {
    if (kinds.length === 0) return 0;
    const placeholders = kinds.map(() => '?').join(', ');
    return (this.db.prepare(`SELECT COUNT(*) AS n FROM scheduled_jobs WHERE done_at IS NULL AND kind IN (${placeholders})`).get(...kinds) as { n: number }).n;
  }

  async listJobs(kind: JobKind, limit: number): Promise<JobRecord[]> {
    const rows = this.db.prepare(`SELECT ${jobColumns} FROM scheduled_jobs WHERE kind = ? ORDER BY created_at DESC LIMIT ?`).all(kind, limit) as JobRow[];
    return rows.map(toJob);
  }
}
