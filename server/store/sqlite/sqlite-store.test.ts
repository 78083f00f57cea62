import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runStoreContract } from '../store-contract.js';
import { SqliteStore } from './sqlite-store.js';

runStoreContract('SQLite', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jointly-store-'));
  const store = SqliteStore.open(path.join(dir, 'test.sqlite'));
  return {
    store,
    dispose: async () => {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
});
