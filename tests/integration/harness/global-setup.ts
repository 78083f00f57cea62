import { rm } from 'node:fs/promises';
import type { TestProject } from 'vitest/node';
import { buildServer, removeServerBuild } from '../../server-build.mjs';
import { makeOwnedFolder, removeAbandonedFolders } from '../../temp-folders.mjs';
import { demoPassword } from './demo-password.js';
import { InstanceProcess, type LogLine } from './instance-process.js';
import type { TestRun } from './test-deployment.js';

/**
 * Starts the built server once on `env` until it listens (it seeds the demo workspace into its
 * store), then stops it gracefully so that the store is complete and closed.
 */
export async function seedOnce(serverMain: string, env: Record<string, string>): Promise<void> {
  const logs: LogLine[] = [];
  const instance = await InstanceProcess.start({ ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', DEMO_PASSWORD: demoPassword, ...env }, logs, serverMain);
  await instance.end('SIGTERM');
  if (instance.exitCode !== 0) throw new Error(`the server that seeded the demo workspace exited with ${instance.exitCode}`);
}

/**
 * What a test run prepares once: folders of earlier runs that were killed are removed, the server
 * is built (test servers run it with plain node), and, unless `seed` is false, a data folder is
 * seeded that test servers on SQLite start from a copy of. Returns what to undo after the run.
 */
export async function prepareTestRun(project: TestProject, { seed }: { seed: boolean }): Promise<{ run: TestRun; teardown: () => Promise<void> }> {
  await removeAbandonedFolders();
  const build = await buildServer();
  let seededDataDir: string | null = null;
  const teardown = async () => {
    if (seededDataDir) await rm(seededDataDir, { recursive: true, force: true });
    removeServerBuild(build.folder);
  };
  try {
    if (seed) {
      seededDataDir = makeOwnedFolder('it-seed');
      await seedOnce(build.main, { DATA_DIR: seededDataDir });
    }
  } catch (error) {
    await teardown();
    throw error;
  }
  const run: TestRun = { serverMain: build.main, seededDataDir };
  project.provide('testRun', run);
  return { run, teardown };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { teardown } = await prepareTestRun(project, { seed: true });
  return teardown;
}
