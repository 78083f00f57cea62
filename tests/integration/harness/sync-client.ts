import type * as decoding from 'lib0/decoding';
import type * as encoding from 'lib0/encoding';
import { onTestFinished } from 'vitest';
import { WebSocket } from 'ws';
import { pageOriginOf } from './raw-socket.js';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { MessageType } from '../../../shared/protocol/message-types.js';
import { readSavedMessage } from '../../../shared/protocol/saved-message.js';
import { bodyXml, isCoveredBy, plainText } from './letter-body.js';
import type { ServerProcess } from './server-process.js';
import type { Session } from './sign-in.js';
import { withTimeout } from './wait-for.js';

const defaultTimeoutMs = 10_000;

export interface SyncClientOptions {
  /** Start disconnected (connect later with `connect()`). */
  connect?: boolean;
  /** Connect here instead of the server's own address (e.g. through a proxy). */
  syncUrl?: string;
}

/**
 * `y-websocket`'s Node options: a `ws` socket that sends the session cookie (Node has no cookie jar)
 * and the Origin of a page served where it connects, as a browser does.
 */
function socketClassFor(cookie: string): typeof globalThis.WebSocket {
  class CookieWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie }, origin: pageOriginOf(url) });
    }
  }
  return CookieWebSocket as unknown as typeof globalThis.WebSocket;
}

/**
 * A stock y-websocket client on one letter, as a browser tab would run it, plus what the server
 * confirmed as committed (`saved`, message 100). Destroyed when the test ends.
 */
export class SyncClient {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  /** The newest state vector the server reported as committed. */
  readonly savedStateVector = new Map<number, number>();
  /** Everything known to be in the store: `saved` plus what the server sent (it only sends committed text). */
  readonly confirmedStateVector = new Map<number, number>();
  /** Close codes of this client's sockets closed by the server or the network (local disconnects are not listed). */
  readonly closeCodes: number[] = [];
  private isDestroyed = false;
  private readonly savedListeners = new Set<(stateVector: Map<number, number>) => void>();

  constructor(server: ServerProcess, session: Session, letterId: string, options: SyncClientOptions = {}) {
    this.provider = new WebsocketProvider(options.syncUrl ?? server.syncUrl, letterId, this.doc, {
      connect: options.connect ?? true,
      disableBc: true,
      WebSocketPolyfill: socketClassFor(session.cookie),
    });
    this.provider.messageHandlers[MessageType.saved] = (_encoder: encoding.Encoder, decoder: decoding.Decoder) => {
      const stateVector = Y.decodeStateVector(readSavedMessage(decoder));
      for (const [client, clock] of stateVector) {
        if ((this.savedStateVector.get(client) ?? 0) < clock) this.savedStateVector.set(client, clock);
      }
      this.confirm(stateVector);
      for (const listener of this.savedListeners) listener(stateVector);
    };
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== this.provider) return;
      const confirmed = new Map<number, number>();
      for (const struct of Y.decodeUpdate(update).structs) {
        const end = struct.id.clock + struct.length;
        if ((confirmed.get(struct.id.client) ?? 0) < end) confirmed.set(struct.id.client, end);
      }
      this.confirm(confirmed);
    });
    this.provider.on('connection-close', (event) => {
      if (event) this.closeCodes.push(event.code);
    });
  }

  get awareness() {
    return this.provider.awareness;
  }

  /** The body as XML. */
  get xml(): string {
    return bodyXml(this.doc);
  }

  get text(): string {
    return plainText(this.doc);
  }

  get isSynced(): boolean {
    return this.provider.synced;
  }

  /** Resolves once the server's sync step 2 has arrived on the current connection. */
  whenSynced(timeoutMs = defaultTimeoutMs): Promise<void> {
    if (this.provider.synced) return Promise.resolve();
    const synced = new Promise<void>((resolve, reject) => {
      const onSync = (isSynced: boolean) => {
        if (!isSynced) return;
        stop();
        resolve();
      };
      const onRefused = (event: { code: number; reason: string }) => {
        stop();
        reject(refusalError(event, 'sync'));
      };
      const stop = () => {
        this.provider.off('sync', onSync);
        this.provider.off('closed', onRefused);
      };
      this.provider.on('sync', onSync);
      this.provider.on('closed', onRefused);
    });
    return withTimeout(synced, timeoutMs, () => `sync (close codes so far: ${this.describeCloses()})`);
  }

  /** Resolves once everything in this document is confirmed committed by the server. */
  whenSaved(timeoutMs = defaultTimeoutMs): Promise<void> {
    const isSaved = () => isCoveredBy(Y.decodeStateVector(Y.encodeStateVector(this.doc)), this.confirmedStateVector);
    if (isSaved()) return Promise.resolve();
    const saved = new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!isSaved()) return;
        stop();
        resolve();
      };
      const onRefused = (event: { code: number; reason: string }) => {
        stop();
        reject(refusalError(event, 'saved'));
      };
      const stop = () => {
        this.savedListeners.delete(check);
        this.doc.off('update', check);
        this.provider.off('closed', onRefused);
      };
      this.savedListeners.add(check);
      // Text arriving from the server is committed too: it can complete the cover without a `saved`.
      this.doc.on('update', check);
      this.provider.on('closed', onRefused);
    });
    return withTimeout(saved, timeoutMs, () => `saved (close codes so far: ${this.describeCloses()})`);
  }

  /** Calls `listener` with the state vector of each `saved` message; returns the unsubscribe. */
  onSaved(listener: (stateVector: Map<number, number>) => void): () => void {
    this.savedListeners.add(listener);
    return () => this.savedListeners.delete(listener);
  }

  disconnect(): void {
    this.provider.disconnect();
  }

  connect(): void {
    this.provider.connect();
  }

  destroy(): void {
    if (this.isDestroyed) return;
    this.isDestroyed = true;
    this.provider.destroy();
    this.doc.destroy();
  }

  private describeCloses(): string {
    return this.closeCodes.length === 0 ? 'none' : this.closeCodes.join(', ');
  }

  private confirm(stateVector: Map<number, number>): void {
    for (const [client, clock] of stateVector) {
      if ((this.confirmedStateVector.get(client) ?? 0) < clock) this.confirmedStateVector.set(client, clock);
    }
  }
}

/** y-websocket emits `closed` for close codes it will not reconnect after (4400–4499). */
function refusalError(event: { code: number; reason: string }, awaited: string): Error {
  return new Error(`the server closed the connection with ${event.code} (${event.reason}) while waiting for ${awaited}`);
}

/** A y-websocket client on `letterId` as `session`; destroyed when the test ends. */
export function connectClient(server: ServerProcess, session: Session, letterId: string, options: SyncClientOptions = {}): SyncClient {
  const client = new SyncClient(server, session, letterId, options);
  onTestFinished(() => client.destroy());
  return client;
}

/** A client that has synced: a late joiner, or a reader checking what the server holds. */
export async function joinLetter(server: ServerProcess, session: Session, letterId: string): Promise<SyncClient> {
  const client = connectClient(server, session, letterId);
  await client.whenSynced();
  return client;
}
