import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BenchLetter } from './bench-letter.js';
import { RunningServer } from './launch-server.js';
import { writeLetterFile } from './letter-files.js';
import { seedJointly } from './seed-jointly.js';
import { ServerKind } from './server-kind.js';

export interface ServerRunOptions {
  letters: readonly BenchLetter[];
  /** Distinct people (Jointly sessions) the clients sign in as. */
  people: number;
  /** Signatory offices per letter (Jointly only). */
  offices?: number;
  /** Extra environment for Jointly, e.g. a shorter room grace. */
  jointlyEnv?: Record<string, string>;
}

/**
 * The benchmark stands in for many people with a few accounts, all from one address: Jointly's
 * per-session, per-person and per-address limits would measure that shortcut, not the server.
 * The per-connection budgets stay as configured.
 */
const benchJointlyEnv = {
  SYNC_MAX_CONNECTIONS_PER_SESSION: '0',
  SYNC_MAX_CONNECTIONS_PER_PERSON: '0',
  SYNC_MAX_CONNECTIONS_PER_ADDRESS: '0',
  SYNC_PERSON_FRAMES_PER_SECOND: '1000000',
  SYNC_PERSON_BYTES_PER_SECOND: '1000000000',
};

/** A started server and, for Jointly, a session cookie per person. */
export interface ServerRun {
  server: RunningServer;
  cookies: string[];
}

/**
 * Stores the letters where `kind` reads them, starts it in its own process, runs `work`, then stops
 * it and removes its data, whatever `work` did.
 */
export async function withServer<T>(kind: ServerKind, options: ServerRunOptions, work: (run: ServerRun) => Promise<T>): Promise<T> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'jointly-bench-'));
  try {
    let cookies: string[] = [];
    if (kind === ServerKind.jointly) {
      cookies = await seedJointly(dataDir, { letters: options.letters, people: options.people, offices: options.offices ?? 8 });
    } else {
      for (const letter of options.letters) writeLetterFile(dataDir, letter.id, letter.state);
    }
    const env = kind === ServerKind.jointly ? { ...benchJointlyEnv, ...options.jointlyEnv } : {};
    const server = await RunningServer.launch(kind, { dataDir, env });
    try {
      return await work({ server, cookies });
    } finally {
      await server.stop();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
