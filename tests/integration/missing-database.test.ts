import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ServerProcess } from './harness/server-process.js';
import { startServer } from './harness/server-process.js';
import { createLetter, signIn } from './harness/sign-in.js';

/**
 * A data folder whose database has gone (moved, or a volume mounted elsewhere) while the rest of
 * it stayed: here the generated demo password a default install keeps beside the database (these
 * tests set DEMO_PASSWORD, so the server did not write one itself).
 */
async function removeDatabaseFile(server: ServerProcess): Promise<void> {
  for (const suffix of ['', '-wal', '-shm']) await rm(path.join(server.dataDir, `jointly.sqlite${suffix}`), { force: true });
  await writeFile(path.join(server.dataDir, 'demo-password.txt'), 'generated-demo-password\n');
}

describe('DATA a missing database file', () => {
  it('DATA-1 stops the server with a clear message instead of starting a fresh, empty workspace', async () => {
    const server = await startServer();
    const helena = await signIn(server, 'Helena Virtanen');
    await createLetter(server, helena);
    await server.stop();
    await removeDatabaseFile(server);

    await expect(server.start()).rejects.toThrow(/database file .*jointly\.sqlite is missing, but its folder is not empty.*CREATE_DATABASE=on/s);
  });

  it('DATA-2 with CREATE_DATABASE=on a new database is created in the folder', async () => {
    const server = await startServer({ env: { CREATE_DATABASE: 'on' } });
    await server.stop();
    await removeDatabaseFile(server);

    await server.start();
    const response = await fetch(`${server.httpUrl}/api/health`);
    expect(response.status).toBe(200);
  });
});
