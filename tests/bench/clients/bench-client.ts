import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { performance } from 'node:perf_hooks';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { MessageType, projectMessageRangeStart } from '../../../shared/protocol/message-types.js';
import type { RunningServer } from '../servers/launch-server.js';
import { speaksHocuspocus } from '../servers/server-kind.js';
import { withTimeout } from '../../integration/harness/wait-for.js';

const syncTimeoutMs = 60_000;

/** A stock client of one letter: y-websocket's provider, or Hocuspocus' own for Hocuspocus. */
export interface BenchClient {
  readonly doc: Y.Doc;
  /**
   * Resolves once the server's full state has arrived and been applied, with the moment
   * (performance.now()) its last frame arrived, before the client decoded it.
   */
  readonly synced: Promise<number>;
  /** Bytes of every frame received so far. */
  readonly bytesReceived: number;
  destroy(): void;
}

/** Jointly's own messages (saved, access, letter state, text generation, comments, ...) carry nothing the benchmark reads. */
const jointlyMessages = Object.values(MessageType).filter((type) => type >= projectMessageRangeStart);

/** A `ws` socket that sends the cookie and Origin a browser would, and counts what it receives. */
function countingSocketClass(headers: Record<string, string>, onFrame: (bytes: number) => void): typeof globalThis.WebSocket {
  class CountingWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers });
      // Registered before the provider's own handler, so it sees each frame first.
      this.on('message', (data: Buffer | ArrayBuffer | Buffer[]) => {
        onFrame(Array.isArray(data) ? data.reduce((sum, part) => sum + part.byteLength, 0) : data.byteLength);
      });
    }
  }
  return CountingWebSocket as unknown as typeof globalThis.WebSocket;
}

/**
 * Connects a client to `letterId`. Presence is left empty on every client: the benchmark measures
 * text, and presence traffic would differ between servers for reasons unrelated to it.
 */
export function connectClient(server: RunningServer, letterId: string, cookie?: string): BenchClient {
  const doc = new Y.Doc();
  let bytesReceived = 0;
  let lastFrameAt = 0;
  const headers: Record<string, string> = { origin: server.httpUrl, ...(cookie ? { cookie } : {}) };
  const socketClass = countingSocketClass(headers, (count) => {
    bytesReceived += count;
    lastFrameAt = performance.now();
  });

  if (speaksHocuspocus(server.kind)) {
    // One socket per client, as one browser tab has. Connecting thousands of clients takes longer
    // than the provider's default 30 s of tolerated silence; idle ones must not reconnect meanwhile.
    const socket = new HocuspocusProviderWebsocket({ url: server.httpUrl.replace('http', 'ws'), WebSocketPolyfill: socketClass, messageReconnectTimeout: 300_000 });
    const provider = new HocuspocusProvider({ websocketProvider: socket, name: letterId, document: doc, awareness: null });
    provider.attach();
    const synced = new Promise<number>((resolve) => provider.on('synced', () => resolve(lastFrameAt)));
    return {
      doc,
      synced,
      get bytesReceived() {
        return bytesReceived;
      },
      destroy() {
        provider.destroy();
        socket.destroy();
        doc.destroy();
      },
    };
  }

  const url = server.letterUrl(letterId);
  const base = url.slice(0, url.lastIndexOf('/'));
  const provider = new WebsocketProvider(base, letterId, doc, { connect: false, disableBc: true, WebSocketPolyfill: socketClass });
  provider.awareness.setLocalState(null);
  for (const type of jointlyMessages) provider.messageHandlers[type] = () => {};
  const synced = new Promise<number>((resolve) => {
    const onSync = (isSynced: boolean) => {
      if (!isSynced) return;
      provider.off('sync', onSync);
      resolve(lastFrameAt);
    };
    provider.on('sync', onSync);
  });
  provider.connect();
  return {
    doc,
    synced,
    get bytesReceived() {
      return bytesReceived;
    },
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Connects many clients a batch at a time (a burst of thousands of handshakes measures nothing useful). */
export async function connectMany(count: number, connect: (index: number) => BenchClient, batch = 50): Promise<BenchClient[]> {
  const clients: BenchClient[] = [];
  for (let start = 0; start < count; start += batch) {
    const group = Array.from({ length: Math.min(batch, count - start) }, (_, offset) => connect(start + offset));
    clients.push(...group);
    await withTimeout(Promise.all(group.map((client) => client.synced)), syncTimeoutMs, `clients ${start}–${start + group.length - 1} to sync`);
  }
  return clients;
}
