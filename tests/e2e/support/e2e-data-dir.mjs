// The data folder of the server that start-server.mjs runs for one end-to-end run, named after its
// port so that checkouts running side by side keep apart, and so that a spec can reach the store
// (to stall it the way a locked disk would).
import { tmpdir } from 'node:os';
import path from 'node:path';

export function e2eDataDir(port) {
  return path.join(tmpdir(), `jointly-e2e-${port}`);
}
