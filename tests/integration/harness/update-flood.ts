import type * as Y from 'yjs';
import type { SyncClient } from './sync-client.js';
import { yieldToEventLoop } from './wait-for.js';

/**
 * A client typing one character per update, `perTick` updates per turn of the event loop (many
 * thousands a second), until `shouldStop()` says so or `maxUpdates` are written: bounded and
 * self-stopping. y-websocket sends one frame per update while it is connected.
 */
export class UpdateFlood {
  written = 0;
  isRunning = true;
  readonly done: Promise<void>;

  constructor(client: SyncClient, text: Y.XmlText, shouldStop: () => boolean, maxUpdates: number, perTick = 100) {
    this.done = (async () => {
      while (!shouldStop() && this.written < maxUpdates) {
        for (let k = 0; k < perTick; k++) client.doc.transact(() => text.insert(text.length, 'x'));
        this.written += perTick;
        await yieldToEventLoop();
      }
      this.isRunning = false;
    })();
  }
}
