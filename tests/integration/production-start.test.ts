import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { demoPeople } from '../../server/workspace/demo-offices.js';
import { projectRoot } from '../server-build.mjs';
import { makeOwnedFolder } from '../temp-folders.mjs';
import { InstanceProcess, type LogLine } from './harness/instance-process.js';

const run = promisify(execFile);
const scripts = (JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

/** `npm start` is `npm run build && <the command that runs the built server>`: that command. */
function runCommand(): string[] {
  const [first, ...rest] = scripts['start']!.split('&&').map((part) => part.trim());
  expect(first).toBe('npm run build');
  expect(rest).toHaveLength(1);
  return rest[0]!.split(/\s+/);
}

describe('npm start', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('runs the built JavaScript with node, not the TypeScript through a loader', () => {
    const [program, ...nodeArguments] = runCommand();
    expect(program).toBe('node');
    expect(nodeArguments.at(-1)).toBe('dist/server/main.js');
    expect(scripts['start']).not.toMatch(/\btsx\b/);
    expect(scripts['build']).toContain('node scripts/build-server.mjs');
  });

  it('starts the built server on a fresh data folder: SQLite, the demo workspace, /api/health', async () => {
    // The build `npm run build` makes, into a folder of this test (where abandoned test builds are cleared).
    const outdir = path.join(projectRoot, 'dist', 'test-servers', `${process.pid}-start-${randomBytes(4).toString('hex')}`);
    cleanups.push(() => rmSync(outdir, { recursive: true, force: true }));
    await run(process.execPath, ['scripts/build-server.mjs', outdir], { cwd: projectRoot });
    const builtMain = path.join(outdir, 'main.js');
    // Stack traces in the logs name the sources' lines: the build carries its source maps.
    expect(readFileSync(builtMain, 'utf8')).toContain('//# sourceMappingURL=main.js.map');
    expect(existsSync(`${builtMain}.map`)).toBe(true);

    const [, ...nodeArguments] = runCommand();
    const dataDir = makeOwnedFolder('it-start');
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const password = `start-${randomBytes(6).toString('hex')}`;
    const logs: LogLine[] = [];
    // No DEMO and no DATABASE_URL: the defaults of a first `npm start`.
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info', DEMO_PASSWORD: password };
    delete env['DEMO'];
    delete env['DATABASE_URL'];
    delete env['REDIS_URL'];
    const server = await InstanceProcess.start(env, logs, null, [...nodeArguments.slice(0, -1), builtMain]);
    cleanups.push(() => server.end('SIGTERM'));
    const base = `http://127.0.0.1:${server.port}`;

    const health = await fetch(`${base}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', database: 'ok' });
    expect(logs.find((line) => line.msg === 'Jointly is listening')).toMatchObject({ database: 'sqlite' });

    const signIn = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: demoPeople[0]!.email, password }),
    });
    expect(signIn.status).toBe(200);
  });
});
