import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { ownedPrefix } from '../../temp-folders.mjs';
import { findFreePort } from './free-port.js';
import { HelperProcess } from './helper-process.js';

/** Where initdb and postgres are: POSTGRES_BIN_DIR, else Debian's newest /usr/lib/postgresql/N/bin. */
function postgresBinDir(): string {
  if (process.env.POSTGRES_BIN_DIR) return process.env.POSTGRES_BIN_DIR;
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((name) => /^\d+$/.test(name)) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) {
    throw new Error('PostgreSQL is not installed: apt-get install -y --no-install-recommends postgresql (or set POSTGRES_BIN_DIR)');
  }
  return path.join(root, newest, 'bin');
}

/** initdb and postgres refuse to run as root: as root, run them as the `postgres` user Debian creates. */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

/**
 * A throwaway PostgreSQL cluster on a loopback port and a temporary folder, trusted logins, no
 * fsync (the tests kill servers, never the database). Each test takes a fresh database of it.
 */
export class PostgresServer {
  private constructor(
    private readonly folder: string,
    private readonly process: HelperProcess,
    readonly port: number,
  ) {}

  static async start(): Promise<PostgresServer> {
    const bin = postgresBinDir();
    const user = runAs();
    const folder = await mkdtemp(ownedPrefix('pg'));
    if (user) await chown(folder, user.uid, user.gid);
    const dataDir = path.join(folder, 'data');
    const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C' };
    try {
      execFileSync(path.join(bin, 'initdb'), ['-D', dataDir, '-U', 'jointly', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C'], {
        ...user,
        env,
        stdio: 'pipe',
      });
      const port = await findFreePort();
      const args = ['-D', dataDir, '-p', String(port), '-k', folder, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'max_connections=300'];
      const server = await HelperProcess.start(path.join(bin, 'postgres'), args, 'database system is ready to accept connections', { ...user, env });
      return new PostgresServer(folder, server, port);
    } catch (error) {
      await rm(folder, { recursive: true, force: true });
      throw error;
    }
  }

  /** Creates an empty database (or a copy of `template`) and returns its connection URL. */
  createDatabase(template?: string): Promise<string> {
    return createDatabaseOn(this.port, template);
  }

  /** Fast shutdown (SIGINT to the postmaster's process id), then the folder goes. */
  async stop(): Promise<void> {
    await this.process.stop('SIGINT');
    await rm(this.folder, { recursive: true, force: true });
  }
}

const urlOf = (port: number, database: string) => `postgres://jointly@127.0.0.1:${port}/${database}`;

/** The name of a database given its connection URL. */
export function databaseNameOf(url: string): string {
  return new URL(url).pathname.slice(1);
}

/**
 * Creates a database in the test cluster on `port` and returns its connection URL: empty, or a
 * copy of the database `template` (which nobody may be connected to), e.g. one the demo workspace
 * was seeded into once for the run.
 */
export async function createDatabaseOn(port: number, template?: string): Promise<string> {
  const name = `jointly_${randomUUID().replaceAll('-', '')}`;
  const client = new pg.Client({ connectionString: urlOf(port, 'postgres') });
  await client.connect();
  try {
    await client.query(template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  return urlOf(port, name);
}
