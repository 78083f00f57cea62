import type { Logger } from '../logger.js';
import type { JobKind, JobRecord, NotificationBatch } from '../store/notification-store.js';
import type { Store } from '../store/store.js';

/** Does one due job; what it returns is stored with the job's completion, in one transaction. */
export type JobHandler = (job: JobRecord, now: Date) => Promise<NotificationBatch | undefined>;

export interface JobRunnerSettings {
  /** How often the runner looks for due jobs, even unwoken (a job another instance stored, a retry). */
  pollMs: number;
  /** How long a claim holds; a job whose claimer died is taken over after it. */
  claimMs: number;
  /** Wait before the first retry of a failed job; it doubles with each further try. */
  retryBaseMs: number;
  /** Tries before a job is given up (and shown to the administrator). */
  maxAttempts: number;
}

/** Jobs claimed at once by one instance. */
const claimBatch = 20;
/** The longest wait between two retries. */
const maxRetryDelayMs = 6 * 60 * 60 * 1000;

/**
 * Runs scheduled jobs from the store: claims what is due (atomically, so that each instance takes
 * different jobs), runs each, and either finishes it with what it left behind or lets it wait and
 * retry with backoff. Jobs live in the database: one due while the server was down runs when it
 * is back.
 */
export class JobRunner {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private wokenWhileRunning = false;
  private stopped = false;

  constructor(
    private readonly store: Store,
    private readonly handlers: Record<JobKind, JobHandler>,
    private readonly settings: JobRunnerSettings,
    private readonly logger: Logger,
    /** Told of what each finished job stored (the notification bus). */
    private readonly onFinished: (batch: NotificationBatch) => void = () => {},
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Looks for due jobs now, e.g. after a mail job was stored. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.wokenWhileRunning = true;
      return;
    }
    this.schedule(0);
  }

  /** Stops looking; resolves once the jobs being run are done. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Runs every job due now, batch after batch; resolves when none is left (tests call it directly). */
  async runDue(now = () => new Date()): Promise<number> {
    let done = 0;
    for (;;) {
      const at = now();
      const jobs = await this.store.notifications.claimDueJobs(at.toISOString(), new Date(at.getTime() + this.settings.claimMs).toISOString(), claimBatch);
      for (const job of jobs) {
        await this.runOne(job, now());
        done++;
      }
      if (jobs.length < claimBatch || this.stopped) return done;
    }
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.tick(), delayMs);
    this.timer.unref();
  }

  private tick(): void {
    this.timer = null;
    this.wokenWhileRunning = false;
    this.running = this.runDue()
      .then(() => undefined)
      .catch((error: unknown) => this.logger.warn({ err: error }, 'could not run scheduled jobs; trying again later'))
      .finally(() => {
        this.running = null;
        this.schedule(this.wokenWhileRunning ? 0 : this.settings.pollMs);
      });
  }

  private async runOne(job: JobRecord, now: Date): Promise<void> {
    try {
      const batch = await this.handlers[job.kind](job, now);
      const finished = await this.store.notifications.finishJob(job, new Date().toISOString(), batch);
      if (!finished) this.logger.warn({ jobId: job.id, kind: job.kind }, 'a job took longer than its claim; another instance took it over');
      else if (batch) this.onFinished(batch);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const gaveUp = job.attempts >= this.settings.maxAttempts;
      const retryAt = gaveUp ? null : new Date(now.getTime() + Math.min(maxRetryDelayMs, this.settings.retryBaseMs * 2 ** (job.attempts - 1))).toISOString();
      this.logger.warn({ jobId: job.id, kind: job.kind, attempts: job.attempts, retryAt, err: error }, gaveUp ? 'a job failed for the last time' : 'a job failed; it will be retried');
      await this.store.notifications.failJob(job, message.slice(0, 500), retryAt, new Date().toISOString());
    }
  }
}
