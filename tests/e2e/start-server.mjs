#!/usr/bin/env node
// Starts the real server for one end-to-end run on a fresh, empty data folder, so the demo
// workspace is seeded anew (every demo account with a known password) and no earlier run leaks
// into this one. The server is built once for the run (tests/server-build.mjs) and runs with
// plain node. Signals are passed on to the server; the folder and the build are removed when it exits.
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath, URL } from 'node:url';
import process from 'node:process';
import { buildServer, removeServerBuild } from '../server-build.mjs';
import { makeOwnedFolder, removeAbandonedFolders } from '../temp-folders.mjs';
import { demoPassword } from './support/demo-password.mjs';
import { e2eDataDir } from './support/e2e-data-dir.mjs';

await removeAbandonedFolders();
// With E2E_PORT the folder has a known name (see e2e-data-dir.mjs); it is emptied first all the same.
const dataDir = process.env.E2E_PORT ? freshFolder(e2eDataDir(process.env.E2E_PORT)) : makeOwnedFolder('e2e');

function freshFolder(folder) {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  return folder;
}

let build;
try {
  build = await buildServer();
} catch (error) {
  rmSync(dataDir, { recursive: true, force: true });
  throw error;
}
const exitWithParent = fileURLToPath(new URL('../exit-with-parent.mjs', import.meta.url));

const server = spawn(process.execPath, ['--import', exitWithParent, build.main], {
  stdio: 'inherit',
  env: { ...process.env, PORT: process.env.PORT ?? '8797', DATA_DIR: dataDir, DEMO: 'on', DEMO_PASSWORD: demoPassword },
});

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => server.kill(signal));
}

server.on('exit', (code, signal) => {
  rmSync(dataDir, { recursive: true, force: true });
  removeServerBuild(build.folder);
  process.exit(code ?? (signal ? 1 : 0));
});
