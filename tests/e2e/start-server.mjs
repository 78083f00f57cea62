#!/usr/bin/env node
// Starts the real server for one end-to-end run on a fresh, empty data folder, so the demo
// workspace is seeded anew (every demo account with a known password) and no earlier run leaks
// into this one. Signals are passed on to the server; the folder is removed when it exits.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { demoPassword } from './support/demo-password.mjs';

const require = createRequire(import.meta.url);
const dataDir = mkdtempSync(path.join(tmpdir(), 'jointly-e2e-'));
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
