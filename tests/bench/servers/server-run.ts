import { mkdtemp, rm } from 'node:fs/promises';
import { PostgresStore } from '../../../server/store/postgres/postgres-store.js';
import { ownedPrefix } from '../../temp-folders.mjs';
import type { BenchLetter } from './bench-letter.js';
import { RunningServer } from './launch-server.js';
import { writeLetterFile } from './letter-files.js';
import { scaledServices } from './scaled-services.js';
import { seedJointly, seedJointlyStore, type JointlySeed } from './seed-jointly.js';
import { isJointly, scaledInstances, ServerKind } from './server-kind.js';

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
  SYNC_PERSON_WORK_MS_PER_SECOND: '0',
  SYNC_JOINS_PER_MINUTE: '0',
  SYNC_NEW_CLIENT_IDS_PER_HOUR: '0',
};

/** Started server processes (one, or each instance of a scaled-out deployment) and, for Jointly, a session cookie per person. */
export interface ServerRun {
  /** The first (or only) process. */
  server: RunningServer;
  /** Every process: a client may connect to any; CPU and memory are summed over them. */
  servers: readonly RunningServer[];
  cookies: string[];
}

/** The data folders of the servers running now, for `removeOpenFolders` when the run is interrupted. */
const openFolders = new Set<string>();

/** Removes the data folders of servers that were running when the run was interrupted (stop those first). */
export async function removeOpenFolders(): Promise<void> {
  await Promise.all(Array.from(openFolders, (folder) => rm(folder, { recursive: true, force: true })));
  openFolders.clear();
}

/** Launches `count` processes of `kind` together; if one fails, stops those that started. */
async function launchAll(kind: ServerKind, count: number, dataDir: string, env: Record<string, string>): Promise<RunningServer[]> {
  const launched = await Promise.allSettled(Array.from({ length: count }, () => RunningServer.launch(kind, { dataDir, env })));
  const servers = launched.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failed = launched.find((result) => result.status === 'rejected');
  if (failed) {
    await Promise.all(servers.map((server) => server.stop()));
    throw failed.reason;
  }
  return servers;
}

/** Seeds a fresh PostgreSQL database for the scaled-out deployment; returns its URL and the cookies. */
async function seedScaled(databaseUrl: string, seed: JointlySeed): Promise<string[]> {
  const store = await PostgresStore.open(databaseUrl);
  try {
    return await seedJointlyStore(store, seed);
  } finally {
    await store.close();
  }
}

/**
 * Stores the letters where `kind` reads them, starts it in its own process (each instance in one,
 * for the scaled-out deployment, with a database of its own on the run's PostgreSQL), runs `work`,
 * then stops it and removes its data and database, whatever `work` did.
 */
export async function withServer<T>(kind: ServerKind, options: ServerRunOptions, work: (run: ServerRun) => Promise<T>): Promise<T> {
  const services = scaledInstances(kind) > 0 ? await scaledServices() : null;
  // Named after this process, so that the tests' clean-up removes it if the run is killed before it can.
  const dataDir = await mkdtemp(ownedPrefix('bench'));
  openFolders.add(dataDir);
  let databaseUrl: string | null = null;
  try {
    const seed = { letters: options.letters, people: options.people, offices: options.offices ?? 8 };
    let cookies: string[] = [];
    const env: Record<string, string> = isJointly(kind) ? { ...benchJointlyEnv, ...options.jointlyEnv } : {};
    if (services) {
      databaseUrl = await services.createDatabase();
      cookies = await seedScaled(databaseUrl, seed);
      Object.assign(env, { DATABASE_URL: databaseUrl, REDIS_URL: services.redisUrl });
    } else if (kind === ServerKind.jointly) {
      cookies = await seedJointly(dataDir, seed);
    } else {
      for (const letter of options.letters) writeLetterFile(dataDir, letter.id, letter.state);
    }
    const servers = await launchAll(kind, Math.max(1, scaledInstances(kind)), dataDir, env);
    try {
      return await work({ server: servers[0]!, servers, cookies });
    } finally {
      await Promise.all(servers.map((server) => server.stop()));
    }
  } finally {
    try {
      if (services && databaseUrl) await services.dropDatabase(databaseUrl);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
      openFolders.delete(dataDir);
    }
  }
}
