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
    const server = await RunningServer.launch(kind, { dataDir, env: kind === ServerKind.jointly ? options.jointlyEnv : {} });
    try {
      return await work({ server, cookies });
    } finally {
      await server.stop();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
