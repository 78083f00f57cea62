import path from 'node:path';
import { z } from 'zod';
import { defaultLetterLimits, type LetterLimits } from '../shared/domain/letter-limits.js';
import { defaultCommentLimits, type CommentLimits } from '../shared/domain/comment-limits.js';
import { defaultSuggestionLimits, type SuggestionLimits } from '../shared/domain/suggestion-limits.js';
import type { WorkerLimits } from './export/worker-pool.js';

/** 5 MiB: a long letter in Word with a few images; more is refused before it is read. */
export const defaultMaxImportBytes = 5 * 1024 * 1024;

const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  /** A PostgreSQL URL: store everything there instead of the SQLite file in DATA_DIR (several instances share it). */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  /** A Redis URL: instances on one database pass each other's edits, presence and letter state through it. */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
    .optional(),
  /** Create the SQLite database even in a data folder that holds other files (otherwise a missing file stops the server). */
  CREATE_DATABASE: z.enum(['on', 'off']).default('off'),
  /** Seed the demo workspace into an empty data folder. */
  DEMO: z.enum(['on', 'off']).default('on'),
  /** Password of every demo account; generated (and kept in the data folder) if not set. */
  DEMO_PASSWORD: z.string().min(8).optional(),
  /** Minutes without activity after which a session ends (fractions allowed, for tests). */
  SESSION_IDLE_MINUTES: z.coerce.number().positive().default(120),
  /** Hours after sign-in after which a session ends, however active. */
  SESSION_ABSOLUTE_HOURS: z.coerce.number().positive().default(12),
  /** Largest websocket frame accepted, in bytes. */
  MAX_MESSAGE_BYTES: z.coerce.number().int().min(1024).default(4 * 1024 * 1024),
  /** Largest HTTP request body accepted, in bytes. */
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(256 * 1024),
  /** Largest file accepted for import (Markdown or Word), in bytes. */
  MAX_IMPORT_BYTES: z.coerce.number().int().min(1024).default(defaultMaxImportBytes),
  /** Worker threads that write exports and read imports, off the event loop; each takes a core while it works. */
  EXPORT_WORKERS: z.coerce.number().int().min(1).default(1),
  /** Exports and imports waiting for a worker thread; one more is refused with 503 (`export_busy`, `import_busy`). */
  EXPORT_QUEUE_LENGTH: z.coerce.number().int().min(0).default(8),
  /** Seconds one export or import may take, waiting included; then it is stopped and answered with 503. */
  EXPORT_TIMEOUT_SECONDS: z.coerce.number().positive().default(120),
  /** Heap of one worker thread, in MiB; an export or import that needs more is stopped and answered with 503. */
  EXPORT_MEMORY_MB: z.coerce.number().int().min(64).default(1024),
  /** Exports and imports one person may have running or waiting at once; one more is refused with 503. */
  EXPORT_MAX_PER_PERSON: z.coerce.number().int().min(1).default(1),
  /** How long an empty room stays loaded, in milliseconds. */
  ROOM_GRACE_MS: z.coerce.number().int().min(0).default(30_000),
  /**
   * How long a letter with open connections may go without any change (text, presence) before its
   * room drops the live document and keeps only the encoded text, in milliseconds; 0: never.
   * Never shorter than the history pause (HISTORY_PAUSE_SECONDS), so revisions come out the same.
   */
  ROOM_IDLE_MS: z.coerce.number().int().min(0).default(120_000),
  /** Stored updates of one letter before they are merged into its snapshot. */
  COMPACT_AFTER_UPDATES: z.coerce.number().int().min(2).default(500),
  /** A pause longer than this (seconds) between one person's changes to a paragraph starts a new revision. */
  HISTORY_PAUSE_SECONDS: z.coerce.number().positive().default(60),
  /** Bytes of one letter's encoded text state; an update that would pass it is refused with 4413. Default and why: shared/domain/letter-limits.ts. */
  LETTER_MAX_BYTES: z.coerce.number().int().min(64 * 1024).default(defaultLetterLimits.maxLetterBytes),
  /** Paragraphs (textblocks) in one letter; more are refused with 4413. */
  LETTER_MAX_PARAGRAPHS: z.coerce.number().int().min(1).default(defaultLetterLimits.maxParagraphs),
  /** Characters in one paragraph; more are refused with 4413. */
  PARAGRAPH_MAX_CHARACTERS: z.coerce.number().int().min(100).default(defaultLetterLimits.maxParagraphLength),
  /** Open suggestions in one paragraph; a new one past it is refused with 4413. At most what one decision accepts (200), so that "accept all in paragraph" takes them at once. */
  SUGGESTIONS_MAX_PER_PARAGRAPH: z.coerce.number().int().min(1).max(defaultSuggestionLimits.maxOpenPerParagraph).default(defaultSuggestionLimits.maxOpenPerParagraph),
  /** Open suggestions in one letter; a new one past it is refused with 4413. Default and why: shared/domain/suggestion-limits.ts. */
  SUGGESTIONS_MAX_PER_LETTER: z.coerce.number().int().min(1).default(defaultSuggestionLimits.maxOpenPerLetter),
  /** Characters of one comment or reservation reason; longer is refused with 400 `comment_too_long`. */
  COMMENT_MAX_CHARACTERS: z.coerce.number().int().min(100).default(defaultCommentLimits.maxCommentLength),
  /** Comments and reservations on one letter, withdrawn and lifted ones included; more are refused with 409 `comment_limit_reached`. */
  LETTER_MAX_COMMENTS: z.coerce.number().int().min(1).default(defaultCommentLimits.maxCommentsPerLetter),
  /** People and offices one comment may mention; more are refused with 400 `too_many_mentions`. */
  COMMENT_MAX_MENTIONS: z.coerce.number().int().min(1).default(defaultCommentLimits.maxMentions),
  /** Edits of one comment (each earlier wording is kept and shown); one more is refused with 409 `comment_edit_limit_reached`. */
  COMMENT_MAX_EDITS: z.coerce.number().int().min(1).default(defaultCommentLimits.maxEditsPerComment),
  /** Frames one connection may send per second (every kind: text, presence, sync); far above fast typing. */
  SYNC_FRAMES_PER_SECOND: z.coerce.number().positive().default(200),
  /** Bytes one connection may send per second. */
  SYNC_BYTES_PER_SECOND: z.coerce.number().positive().default(256 * 1024),
  /** Frames all connections of one person may send per second, together. */
  SYNC_PERSON_FRAMES_PER_SECOND: z.coerce.number().positive().default(400),
  /** Bytes all connections of one person may send per second, together. */
  SYNC_PERSON_BYTES_PER_SECOND: z.coerce.number().positive().default(512 * 1024),
  /**
   * Milliseconds a second the server may spend handling one person's frames in one letter (checking
   * and applying their updates, answering their requests), across their sockets of it. Each frame
   * is timed once handled; while a person is over it their next frames wait, and frames that would
   * wait longer than SYNC_MAX_DELAY_MS close the connection with 1013. 0: no limit.
   */
  SYNC_WORK_MS_PER_SECOND: z.coerce.number().min(0).default(200),
  /** The same for all of one person's letters together. 0: no limit. */
  SYNC_PERSON_WORK_MS_PER_SECOND: z.coerce.number().min(0).default(300),
  /**
   * Presence updates (caret moves) of one connection applied per second; beyond it only the latest
   * waits, and is applied as soon as the rate allows (nothing is refused: presence is a state).
   */
  SYNC_PRESENCE_PER_SECOND: z.coerce.number().positive().default(20),
  /** Seconds of the above that may come at once (a paste, a reconnect); a burst is never smaller than one frame of MAX_MESSAGE_BYTES. */
  SYNC_BURST_SECONDS: z.coerce.number().positive().default(3),
  /** Over budget, frames wait up to this long (milliseconds); one that would wait longer closes the connection with 1013. */
  SYNC_MAX_DELAY_MS: z.coerce.number().int().min(0).default(2000),
  /** Bytes the server may hold for a connection that does not read them; more closes it with 1013. */
  SYNC_MAX_BUFFERED_BYTES: z.coerce.number().int().min(65_536).default(16 * 1024 * 1024),
  /** Frames (count) held for a connection while its letter loads; more closes it with 1013. */
  SYNC_MAX_EARLY_FRAMES: z.coerce.number().int().min(1).default(256),
  /** Bytes held for a connection while its letter loads; more closes it with 1013. */
  SYNC_MAX_EARLY_BYTES: z.coerce.number().int().min(1024).default(8 * 1024 * 1024),
  /** Open websockets of one session; one more is closed with 4429. 0: no limit. */
  SYNC_MAX_CONNECTIONS_PER_SESSION: z.coerce.number().int().min(0).default(16),
  /** Open websockets of one person, all sessions together; 0: no limit. */
  SYNC_MAX_CONNECTIONS_PER_PERSON: z.coerce.number().int().min(0).default(32),
  /** Open websockets from one network address (a proxy or an office's NAT counts as one); 0: no limit. */
  SYNC_MAX_CONNECTIONS_PER_ADDRESS: z.coerce.number().int().min(0).default(512),
  /**
   * Bytes per second one connection earns for asking for the letter again (sync step 1 after the
   * socket's first, which is free): each such request costs the letter's encoded size, and one
   * asked before the connection has earned it closes the connection with 1013. 0: no limit. See sync-request-budget.ts.
   */
  SYNC_RESYNC_BYTES_PER_SECOND: z.coerce.number().min(0).default(16 * 1024),
  /**
   * How many times a minute a person may ask for the full letter state again (message 103), across
   * all their sockets, with three saved up: each answer reads the sign-offs, course and reservations
   * from the store. One asked beyond it closes the connection with 1013. 0: no limit.
   */
  SYNC_STATE_REQUESTS_PER_MINUTE: z.coerce.number().min(0).default(6),
  /**
   * How many websockets a minute one person may open (join a letter with), across all their
   * sessions and tabs, with as many saved up: each join reads the session, the roles, the full
   * letter state and the comment threads from the store. One beyond it is closed with 1013 right
   * after the upgrade, before those reads. 0: no limit.
   */
  SYNC_JOINS_PER_MINUTE: z.coerce.number().min(0).default(120),
  /**
   * How many new Yjs client ids an hour one person may write text under, across all their letters
   * and sockets, with as many saved up and kept when their sockets close. Each id stays in the letter
   * for good and lengthens every state vector its members exchange; a tab that types takes one.
   * An update beyond it closes the connection with 1013, nothing of it applied. 0: no limit.
   */
  SYNC_NEW_CLIENT_IDS_PER_HOUR: z.coerce.number().min(0).default(100),
  /** Milliseconds a client may take to send a request's headers (Node's `headersTimeout`). */
  HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(20_000),
  /** Milliseconds a client may take to send a whole request, body included (Node's `requestTimeout`). */
  HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).default(120_000),
  /** Milliseconds an idle kept-alive HTTP connection stays open (Node's `keepAliveTimeout`). */
  HTTP_KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(0).default(5_000),
  /** Origins allowed to open websockets, comma separated; empty means the site's own origin. */
  ALLOWED_ORIGINS: z.string().default(''),
  /** The address people open, e.g. https://jointly.ministry.example: secure cookies, invitation links, the allowed origin. */
  PUBLIC_URL: z
    .url({ protocol: /^https?$/ })
    .refine((value) => ['', '/'].includes(new URL(value).pathname) && !new URL(value).search && !new URL(value).hash, 'must be an origin (scheme, host, port), nothing after it')
    .optional(),
  /** `on` behind a proxy that sets X-Forwarded-Proto and X-Forwarded-For: believe them. Never on without one. */
  TRUST_PROXY: z.enum(['on', 'off']).default('off'),
  /**
   * Seconds a store call waits for SQLite's write lock while another program holds it, without
   * blocking the server; then an HTTP request answers 503 `store_unavailable` (edits keep waiting).
   */
  STORE_BUSY_WAIT_SECONDS: z.coerce.number().positive().default(10),
  /** Seconds a shutdown (SIGTERM, SIGINT) may take to store what is pending; then the process exits with code 1. */
  SHUTDOWN_DEADLINE_SECONDS: z.coerce.number().positive().default(30),
  /** The deployment's SMTP server, e.g. smtp://user:password@mail.ministry.example:587 (smtps:// for TLS from the start); without it Jointly sends no mail. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  /** Sender of every notification mail, e.g. "Jointly <jointly@ministry.example>". */
  MAIL_FROM: z.string().min(3).max(200).default('Jointly <jointly@localhost>'),
  /** Tries of one mail (or scheduled job) before it is given up and shown on the administration page. */
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  /** Seconds before the first retry of a failed mail; each further retry waits twice as long (at most 6 hours). */
  MAIL_RETRY_SECONDS: z.coerce.number().positive().default(60),
  /** Seconds between two looks for due scheduled jobs (reminders, mail, digests) by each instance. */
  JOBS_POLL_SECONDS: z.coerce.number().positive().default(5),
  /** Seconds one instance holds a job it claimed; if it dies, another takes the job over after that. */
  JOBS_CLAIM_SECONDS: z.coerce.number().positive().default(300),
  /** Hour of the day (UTC) at which daily digests are mailed. */
  DIGEST_HOUR_UTC: z.coerce.number().int().min(0).max(23).default(7),
  /** Minutes before a coordinator may remind the same office of the same letter again (429 reminder_too_soon). */
  REMINDER_INTERVAL_MINUTES: z.coerce.number().positive().default(60),
  /** Hours before a deadline at which its approaching is told. */
  DEADLINE_NOTICE_HOURS: z.coerce.number().positive().default(24),
  /** Open notification streams (pages) of one person; one more is refused with 429. */
  NOTIFY_MAX_STREAMS_PER_PERSON: z.coerce.number().int().min(1).default(16),
  /**
   * Writes (POST, PUT, PATCH, DELETE) one person may make through the API in a minute, all sessions
   * together; one more is refused with 429 `too_many_writes`. 0: no limit. Why 300: see README, "Configuration".
   */
  WRITE_REQUESTS_PER_MINUTE: z.coerce.number().int().min(0).default(300),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  STATIC_DIR: z.string().default('./dist/client'),
});

/** A token bucket's refill rate and size. */
export interface Rate {
  perSecond: number;
  burst: number;
}

/** What one connection, and one person, may cost the sync server; see README, "Configuration". */
export interface SyncBudget {
  connectionFrames: Rate;
  connectionBytes: Rate;
  personFrames: Rate;
  personBytes: Rate;
  /** Milliseconds of the server's time on one person's frames in one letter, and in all their letters; null: not counted. */
  letterWorkMs: Rate | null;
  personWorkMs: Rate | null;
  presence: Rate;
  maxDelayMs: number;
  maxBufferedBytes: number;
  maxEarlyFrames: number;
  maxEarlyBytes: number;
  /** 0 means no limit. */
  maxConnectionsPerSession: number;
  maxConnectionsPerPerson: number;
  maxConnectionsPerAddress: number;
  /** Sync step 1 asked again on one socket, in letter bytes; at most one largest letter saved up. Null: no limit. */
  resyncBytes: Rate | null;
  /**
   * A socket's first sync step 1 that must be answered with a difference (the client names text the
   * letter holds), for all of one person's sockets together, in letter bytes: the same rate, with
   * four largest letters saved up. Null: no limit.
   */
  personResyncBytes: Rate | null;
  /** The full letter state asked for again (103), for all of one person's sockets together, in requests. Null or absent: no limit. */
  stateRequests?: Rate | null;
  /** Websockets opened (letters joined), for all of one person's sessions together, in joins. Null or absent: no limit. */
  joins?: Rate | null;
  /** New Yjs client ids written under, for all of one person's sockets and letters together. Null or absent: no limit. */
  newClientIds?: Rate | null;
}


/** Node's HTTP server timeouts, set explicitly rather than left to Node's defaults. */
export interface HttpTimeouts {
  headersMs: number;
  requestMs: number;
  keepAliveMs: number;
}

/** Notifications, mail and scheduled jobs; see README, "Notifications and mail". */
export interface NotifyConfig {
  smtpUrl: string | null;
  mailFrom: string;
  maxAttempts: number;
  retryBaseMs: number;
  pollMs: number;
  claimMs: number;
  digestHourUtc: number;
  reminderIntervalMs: number;
  deadlineNoticeMs: number;
  maxStreamsPerPerson: number;
}

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseFile: string;
  /** Create the SQLite file even if the data folder is not empty. */
  createDatabase: boolean;
  /** PostgreSQL instead of SQLite when set. */
  databaseUrl: string | null;
  /** Fan-out between instances when set. */
  redisUrl: string | null;
  seedDemo: boolean;
  demoPassword: string | null;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  maxMessageBytes: number;
  maxBodyBytes: number;
  maxImportBytes: number;
  roomGraceMs: number;
  /** See ROOM_IDLE_MS; 0: rooms never drop their document. */
  roomIdleMs: number;
  compactAfterUpdates: number;
  historyPauseMs: number;
  /** How large one letter may grow (4413 beyond). */
  letterLimits: LetterLimits;
  /** Budgets of comments and reservations. */
  commentLimits: CommentLimits;
  /** Open suggestions per paragraph and per letter (4413 beyond). */
  suggestionLimits: SuggestionLimits;
  syncBudget: SyncBudget;
  workerLimits: WorkerLimits;
  httpTimeouts: HttpTimeouts;
  allowedOrigins: string[];
  /** PUBLIC_URL as an origin; null to take each request's own. */
  publicOrigin: string | null;
  trustProxy: boolean;
  shutdownDeadlineMs: number;
  storeBusyWaitMs: number;
  notify: NotifyConfig;
  /** WRITE_REQUESTS_PER_MINUTE; 0: no limit. */
  writeRequestsPerMinute: number;
  logLevel: string;
  staticDir: string;
}

/** Reads the environment once, at start-up; a bad value stops the process with a clear message. */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration: ${problems.join('; ')}`);
  }
  const env = parsed.data;
  if (env.REDIS_URL && !env.DATABASE_URL) {
    throw new Error('Invalid configuration: REDIS_URL: instances can only share a letter through one database; set DATABASE_URL too');
  }
  if (env.HTTP_HEADERS_TIMEOUT_MS > env.HTTP_REQUEST_TIMEOUT_MS) {
    throw new Error('Invalid configuration: HTTP_HEADERS_TIMEOUT_MS: must not exceed HTTP_REQUEST_TIMEOUT_MS');
  }
  const dataDir = path.resolve(env.DATA_DIR);
  // A burst always admits one frame of the largest size allowed, so that a big paste is delayed, never refused.
  const rate = (perSecond: number, minimumBurst: number): Rate => ({ perSecond, burst: Math.max(perSecond * env.SYNC_BURST_SECONDS, minimumBurst) });
  return {
    port: env.PORT,
    host: env.HOST,
    dataDir,
    databaseFile: path.join(dataDir, 'jointly.sqlite'),
    createDatabase: env.CREATE_DATABASE === 'on',
    databaseUrl: env.DATABASE_URL ?? null,
    redisUrl: env.REDIS_URL ?? null,
    seedDemo: env.DEMO === 'on',
    demoPassword: env.DEMO_PASSWORD ?? null,
    sessionIdleMs: env.SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: env.SESSION_ABSOLUTE_HOURS * 3_600_000,
    maxMessageBytes: env.MAX_MESSAGE_BYTES,
    maxBodyBytes: env.MAX_BODY_BYTES,
    maxImportBytes: env.MAX_IMPORT_BYTES,
    roomGraceMs: env.ROOM_GRACE_MS,
    roomIdleMs: env.ROOM_IDLE_MS,
    compactAfterUpdates: env.COMPACT_AFTER_UPDATES,
    historyPauseMs: env.HISTORY_PAUSE_SECONDS * 1000,
    letterLimits: {
      maxLetterBytes: env.LETTER_MAX_BYTES,
      maxParagraphs: env.LETTER_MAX_PARAGRAPHS,
      maxParagraphLength: env.PARAGRAPH_MAX_CHARACTERS,
    },
    suggestionLimits: {
      maxOpenPerParagraph: env.SUGGESTIONS_MAX_PER_PARAGRAPH,
      maxOpenPerLetter: env.SUGGESTIONS_MAX_PER_LETTER,
    },
    commentLimits: {
      maxCommentLength: env.COMMENT_MAX_CHARACTERS,
      maxCommentsPerLetter: env.LETTER_MAX_COMMENTS,
      maxMentions: env.COMMENT_MAX_MENTIONS,
      maxEditsPerComment: env.COMMENT_MAX_EDITS,
    },
    syncBudget: {
      connectionFrames: rate(env.SYNC_FRAMES_PER_SECOND, 1),
      connectionBytes: rate(env.SYNC_BYTES_PER_SECOND, env.MAX_MESSAGE_BYTES),
      personFrames: rate(env.SYNC_PERSON_FRAMES_PER_SECOND, 1),
      personBytes: rate(env.SYNC_PERSON_BYTES_PER_SECOND, env.MAX_MESSAGE_BYTES),
      letterWorkMs: env.SYNC_WORK_MS_PER_SECOND === 0 ? null : rate(env.SYNC_WORK_MS_PER_SECOND, 0),
      personWorkMs: env.SYNC_PERSON_WORK_MS_PER_SECOND === 0 ? null : rate(env.SYNC_PERSON_WORK_MS_PER_SECOND, 0),
      presence: rate(env.SYNC_PRESENCE_PER_SECOND, 1),
      maxDelayMs: env.SYNC_MAX_DELAY_MS,
      maxBufferedBytes: env.SYNC_MAX_BUFFERED_BYTES,
      maxEarlyFrames: env.SYNC_MAX_EARLY_FRAMES,
      maxEarlyBytes: env.SYNC_MAX_EARLY_BYTES,
      maxConnectionsPerSession: env.SYNC_MAX_CONNECTIONS_PER_SESSION,
      maxConnectionsPerPerson: env.SYNC_MAX_CONNECTIONS_PER_PERSON,
      maxConnectionsPerAddress: env.SYNC_MAX_CONNECTIONS_PER_ADDRESS,
      // A request costs the letter's size: a bucket smaller than the largest letter would undercharge it (TokenBucket counts a cost above the burst as the burst).
      resyncBytes:
        env.SYNC_RESYNC_BYTES_PER_SECOND === 0
          ? null
          : { perSecond: env.SYNC_RESYNC_BYTES_PER_SECOND, burst: Math.max(env.SYNC_RESYNC_BYTES_PER_SECOND, env.LETTER_MAX_BYTES) },
      // Several tabs of one person reconnecting at once after a restart, each with its offline copy, are answered at once.
      personResyncBytes:
        env.SYNC_RESYNC_BYTES_PER_SECOND === 0
          ? null
          : { perSecond: env.SYNC_RESYNC_BYTES_PER_SECOND, burst: 4 * Math.max(env.SYNC_RESYNC_BYTES_PER_SECOND, env.LETTER_MAX_BYTES) },
      stateRequests:
        env.SYNC_STATE_REQUESTS_PER_MINUTE === 0 ? null : { perSecond: env.SYNC_STATE_REQUESTS_PER_MINUTE / 60, burst: Math.min(3, Math.max(1, env.SYNC_STATE_REQUESTS_PER_MINUTE)) },
      joins: env.SYNC_JOINS_PER_MINUTE === 0 ? null : { perSecond: env.SYNC_JOINS_PER_MINUTE / 60, burst: Math.max(1, env.SYNC_JOINS_PER_MINUTE) },
      newClientIds:
        env.SYNC_NEW_CLIENT_IDS_PER_HOUR === 0 ? null : { perSecond: env.SYNC_NEW_CLIENT_IDS_PER_HOUR / 3600, burst: Math.max(1, env.SYNC_NEW_CLIENT_IDS_PER_HOUR) },
    },
    workerLimits: {
      threads: env.EXPORT_WORKERS,
      queueLength: env.EXPORT_QUEUE_LENGTH,
      timeoutMs: env.EXPORT_TIMEOUT_SECONDS * 1000,
      memoryMb: env.EXPORT_MEMORY_MB,
      maxPerPerson: env.EXPORT_MAX_PER_PERSON,
    },
    httpTimeouts: {
      headersMs: env.HTTP_HEADERS_TIMEOUT_MS,
      requestMs: env.HTTP_REQUEST_TIMEOUT_MS,
      keepAliveMs: env.HTTP_KEEP_ALIVE_TIMEOUT_MS,
    },
    allowedOrigins: env.ALLOWED_ORIGINS.split(',').map((origin) => origin.trim()).filter(Boolean),
    publicOrigin: env.PUBLIC_URL ? new URL(env.PUBLIC_URL).origin : null,
    trustProxy: env.TRUST_PROXY === 'on',
    shutdownDeadlineMs: env.SHUTDOWN_DEADLINE_SECONDS * 1000,
    storeBusyWaitMs: env.STORE_BUSY_WAIT_SECONDS * 1000,
    notify: {
      smtpUrl: env.SMTP_URL ?? null,
      mailFrom: env.MAIL_FROM,
      maxAttempts: env.MAIL_MAX_ATTEMPTS,
      retryBaseMs: env.MAIL_RETRY_SECONDS * 1000,
      pollMs: env.JOBS_POLL_SECONDS * 1000,
      claimMs: env.JOBS_CLAIM_SECONDS * 1000,
      digestHourUtc: env.DIGEST_HOUR_UTC,
      reminderIntervalMs: env.REMINDER_INTERVAL_MINUTES * 60_000,
      deadlineNoticeMs: env.DEADLINE_NOTICE_HOURS * 3_600_000,
      maxStreamsPerPerson: env.NOTIFY_MAX_STREAMS_PER_PERSON,
    },
    writeRequestsPerMinute: env.WRITE_REQUESTS_PER_MINUTE,
    logLevel: env.LOG_LEVEL,
    staticDir: path.resolve(env.STATIC_DIR),
  };
}
