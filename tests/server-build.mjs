// Builds the server once for a test run (or a benchmark run), so that every server process a test
// starts is plain `node` on JavaScript, as in production, instead of compiling TypeScript on each
// start (seconds on a busy machine). How the server is built is scripts/build-server.mjs, the same
// build `npm run build` makes; this file gives each run a folder of its own under
// dist/test-servers/ (inside the project, so that Node finds node_modules) and removes the folders
// of runs that were killed before they could.
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { buildServer as buildServerInto, projectRoot } from '../scripts/build-server.mjs';

export { projectRoot };
/** Every test run's build lies here, in a folder named after the process that made it. */
const buildsRoot = path.join(projectRoot, 'dist', 'test-servers');

/** Whether a process with this id is still running. */
export function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/**
 * Builds `server/main.ts`, the operator's commands and the worker modules into a fresh folder
 * owned by this process. Returns the built server entry (the commands are beside it, in
 * `cli/<name>.js`) and the folder, which the caller removes with `removeServerBuild`.
 * `sourcemap` as in production (the benchmark); the tests go without.
 */
export async function buildServer({ sourcemap = false } = {}) {
  removeAbandonedBuilds();
  const outdir = path.join(buildsRoot, `${process.pid}-${randomBytes(4).toString('hex')}`);
  return buildServerInto({ outdir, sourcemap });
}

export function removeServerBuild(folder) {
  rmSync(folder, { recursive: true, force: true });
}

/** Builds left by runs that were killed before they could remove them. */
export function removeAbandonedBuilds() {
  if (!existsSync(buildsRoot)) return;
  for (const name of readdirSync(buildsRoot)) {
    const owner = Number(name.split('-')[0]);
    if (!Number.isInteger(owner) || owner <= 0 || !isAlive(owner)) rmSync(path.join(buildsRoot, name), { recursive: true, force: true });
  }
}
