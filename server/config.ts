import path from 'node:path';
import { z } from 'zod';

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
  /** Minutes without activity after which a session ends. */
  SESSION_IDLE_MINUTES: z.coerce.number().min(1).default(120),
  /** Hours after sign-in after which a session ends, however active. */
  SESSION_ABSOLUTE_HOURS: z.coerce.number().positive().default(12),
  /** Seconds between checks of open websockets' sessions. */
  SESSION_SWEEP_SECONDS: z.coerce.number().positive().default(30),
  /** Largest websocket frame accepted, in bytes. */
  MAX_MESSAGE_BYTES: z.coerce.number().int().min(1024).default(4 * 1024 * 1024),
  /** Largest HTTP request body accepted, in bytes. */
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(256 * 1024),
  /** Largest file accepted for import (Markdown or Word), in bytes. */
  MAX_IMPORT_BYTES: z.coerce.number().int().min(1024).default(defaultMaxImportBytes),
  /** How long an empty room stays loaded, in milliseconds. */
  ROOM_GRACE_MS: z.coerce.number().int().min(0).default(30_000),
  /** Stored updates of one letter before they are merged into its snapshot. */
  COMPACT_AFTER_UPDATES: z.coerce.number().int().min(2).default(500),
  /** A pause longer than this (seconds) between one person's changes to a paragraph starts a new revision. */
  HISTORY_PAUSE_SECONDS: z.coerce.number().positive().default(60),
  /** Origins allowed to open websockets, comma separated; empty means the request's own host. */
  ALLOWED_ORIGINS: z.string().default(''),
  /** Seconds a shutdown (SIGTERM, SIGINT) may take to store what is pending; then the process exits with code 1. */
  SHUTDOWN_DEADLINE_SECONDS: z.coerce.number().positive().default(30),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  STATIC_DIR: z.string().default('./dist/client'),
});

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
  sessionSweepMs: number;
  maxMessageBytes: number;
  maxBodyBytes: number;
  maxImportBytes: number;
  roomGraceMs: number;
  compactAfterUpdates: number;
  historyPauseMs: number;
  allowedOrigins: string[];
  shutdownDeadlineMs: number;
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
  const dataDir = path.resolve(env.DATA_DIR);
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
    sessionSweepMs: env.SESSION_SWEEP_SECONDS * 1000,
    maxMessageBytes: env.MAX_MESSAGE_BYTES,
    maxBodyBytes: env.MAX_BODY_BYTES,
    maxImportBytes: env.MAX_IMPORT_BYTES,
    roomGraceMs: env.ROOM_GRACE_MS,
    compactAfterUpdates: env.COMPACT_AFTER_UPDATES,
    historyPauseMs: env.HISTORY_PAUSE_SECONDS * 1000,
    allowedOrigins: env.ALLOWED_ORIGINS.split(',').map((origin) => origin.trim()).filter(Boolean),
    shutdownDeadlineMs: env.SHUTDOWN_DEADLINE_SECONDS * 1000,
    logLevel: env.LOG_LEVEL,
    staticDir: path.resolve(env.STATIC_DIR),
  };
}
