#!/usr/bin/env node
// Starts the real server for one end-to-end run on a fresh, empty data folder, so the demo
// workspace is seeded anew (every demo account with a known password) and no earlier run leaks
// into this one. Signals are passed on to the server; the folder is removed when it exits.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { demoPassword } from './support/demo-password.mjs';
import { e2eDataDir } from './support/e2e-data-dir.mjs';

const require = createRequire(import.meta.url);
// With E2E_PORT the folder has a known name (see e2e-data-dir.mjs); it is emptied first all the same.
const dataDir = process.env.E2E_PORT ? freshFolder(e2eDataDir(process.env.E2E_PORT)) : mkdtempSync(path.join(tmpdir(), 'jointly-e2e-'));

function freshFolder(folder) {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  return folder;
}
const tsxCli = require.resolve('tsx/cli');

const server = spawn(process.execPath, [tsxCli, 'server/main.ts'], {
  stdio: 'inherit',
  env: { ...process.env, PORT: process.env.PORT ?? '8797', DATA_DIR: dataDir, DEMO: 'on', DEMO_PASSWORD: demoPassword },
});

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => server.kill(signal));
}

server.on('exit', (code, signal) => {
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? (signal ? 1 : 0));
});
