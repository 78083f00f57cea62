// Temporary folders of the tests carry the id of the process that made them:
// `jointly-<kind>-<pid>-XXXXXX` in the system's temporary folder. A run that is killed (by a
// `timeout` wrapper, say) cannot remove its folders; the next run removes every folder of this
// form whose owner has gone, after stopping a PostgreSQL or Redis still running from it.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { setTimeout as sleep } from 'node:timers/promises';
import { isAlive } from './server-build.mjs';

const ownedFolder = /^jointly-([a-z]+(?:-[a-z]+)*)-(\d+)-[A-Za-z0-9]{6}$/;

/** The mkdtemp prefix of a folder of `kind` (e.g. `it`, `pg`) owned by this process. */
export function ownedPrefix(kind) {
  return path.join(tmpdir(), `jointly-${kind}-${process.pid}-`);
}

/** Makes a folder of `kind` owned by this process. */
export function makeOwnedFolder(kind) {
  return mkdtempSync(ownedPrefix(kind));
}

/** Removes the folders whose owner has gone; returns their names. */
export async function removeAbandonedFolders() {
  const removed = [];
  for (const name of readdirSync(tmpdir())) {
    const match = ownedFolder.exec(name);
    if (!match || isAlive(Number(match[2]))) continue;
    const folder = path.join(tmpdir(), name);
    await stopServicesIn(folder);
    rmSync(folder, { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

/** A PostgreSQL (data/postmaster.pid) or Redis (redis.pid) left running in an abandoned folder. */
async function stopServicesIn(folder) {
  const services = [
    { pidFile: path.join(folder, 'data', 'postmaster.pid'), program: 'postgres', signal: 'SIGQUIT' },
    { pidFile: path.join(folder, 'redis.pid'), program: 'redis-server', signal: 'SIGTERM' },
  ];
  for (const { pidFile, program, signal } of services) {
    if (!existsSync(pidFile)) continue;
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid) || !commandOf(pid).includes(program)) continue;
    process.kill(pid, signal);
    for (let waited = 0; waited < 5000 && isAlive(pid); waited += 100) await sleep(100);
    if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  }
}

function commandOf(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
}
