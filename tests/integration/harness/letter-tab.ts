import { onTestFinished } from 'vitest';
import { LetterConnection, type NetworkEvents } from '../../../client/sync/letter-connection.js';
import type { SaveState } from '../../../client/sync/save-state.js';
import type { ServerProcess } from './server-process.js';
import type { Session } from './sign-in.js';
import { socketClassFor } from './sync-client.js';
import { withTimeout, yieldToEventLoop } from './wait-for.js';

/** The browser's online and offline events, played by the test. */
export class TestNetwork extends EventTarget implements NetworkEvents {
  onLine = true;

  goOffline(): void {
    this.onLine = false;
    this.dispatchEvent(new Event('offline'));
  }

  goOnline(): void {
    this.onLine = true;
    this.dispatchEvent(new Event('online'));
  }
}

/**
 * The browser's own connection logic (client/sync/letter-connection.ts) on one letter, run in
 * Node against the real server: its `saveState` is what the save indicator shows. Destroyed
 * when the test ends.
 */
export function openLetterTab(server: ServerProcess, session: Session, letterId: string, network = new TestNetwork()): LetterConnection {
  const tab = new LetterConnection(letterId, { serverUrl: server.syncUrl, socketClass: socketClassFor(session.cookie), network });
  onTestFinished(() => tab.destroy());
  tab.start();
  return tab;
}

/** Resolves once the tab's save indicator shows `state`. */
export function whenSaveState(tab: LetterConnection, state: SaveState, timeoutMs = 15_000): Promise<void> {
  if (tab.saveState === state) return Promise.resolve();
  const reached = new Promise<void>((resolve) => {
    const check = () => {
      if (tab.saveState !== state) return;
      tab.removeEventListener('change', check);
      resolve();
    };
    tab.addEventListener('change', check);
  });
  return withTimeout(reached, timeoutMs, () => `the save state ${state} (it is ${tab.saveState})`);
}

/** Resolves once the tab's socket has handed every frame it was given to the network. */
export async function whenFlushed(tab: LetterConnection, timeoutMs = 5_000): Promise<void> {
  const flushed = (async () => {
    while ((tab.provider.ws?.bufferedAmount ?? 0) > 0) await yieldToEventLoop();
  })();
  await withTimeout(flushed, timeoutMs, 'the socket to flush');
}

/** Resolves once the tab has received the server's answer to its sync request on the current connection. */
export function whenSynced(tab: LetterConnection, timeoutMs = 15_000): Promise<void> {
  if (tab.provider.synced) return Promise.resolve();
  const synced = new Promise<void>((resolve) => {
    const onSync = (isSynced: boolean) => {
      if (!isSynced) return;
      tab.provider.off('sync', onSync);
      resolve();
    };
    tab.provider.on('sync', onSync);
  });
  return withTimeout(synced, timeoutMs, 'the sync answer');
}
