import { onTestFinished } from 'vitest';
import { WebSocket } from 'ws';
import { pageOriginOf } from './raw-socket.js';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { ChangeConfirmations } from '../../../client/sync/change-confirmations.js';
import { bodyXml, plainText } from './letter-body.js';
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
export function socketClassFor(cookie: string): typeof globalThis.WebSocket {
  class CookieWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie }, origin: pageOriginOf(url) });
    }
  }
  return CookieWebSocket as unknown as typeof globalThis.WebSocket;
}

/**
 * A stock y-websocket client on one letter, as a browser tab would run it, plus what the server
 * confirmed as committed (`saved`, message 100, counted as the browser counts it). Destroyed when
 * the test ends.
 */
export class SyncClient {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  /** Which of this client's update frames the server confirmed; see client/sync/change-confirmations.ts. */
  readonly confirmations: ChangeConfirmations;
  /** Close codes of this client's sockets closed by the server or the network (local disconnects are not listed). */
  readonly closeCodes: number[] = [];
  private isDestroyed = false;
  private readonly changeListeners = new Set<() => void>();

  constructor(server: ServerProcess, session: Session, letterId: string, options: SyncClientOptions = {}) {
    this.confirmations = new ChangeConfirmations(() => {
      for (const listener of this.changeListeners) listener();
    });
    this.provider = new WebsocketProvider(options.syncUrl ?? server.syncUrl, letterId, this.doc, {
      connect: options.connect ?? true,
      disableBc: true,
      WebSocketPolyfill: this.confirmations.socketClass(socketClassFor(session.cookie)),
    });
    this.confirmations.attach(this.provider, this.doc);
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

  /** Resolves once the server confirmed every change this client made as committed. */
  whenSaved(timeoutMs = defaultTimeoutMs): Promise<void> {
    if (this.confirmations.isAllConfirmed) return Promise.resolve();
    const saved = new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!this.confirmations.isAllConfirmed) return;
        stop();
        resolve();
      };
      const onRefused = (event: { code: number; reason: string }) => {
        stop();
        reject(refusalError(event, 'saved'));
      };
      const stop = () => {
        this.changeListeners.delete(check);
        this.provider.off('closed', onRefused);
      };
      this.changeListeners.add(check);
      this.provider.on('closed', onRefused);
    });
    return withTimeout(saved, timeoutMs, () => `saved (close codes so far: ${this.describeCloses()})`);
  }

  /** Calls `listener` with the frame number of each `saved` message; returns the unsubscribe. */
  onSaved(listener: (frame: number) => void): () => void {
    return this.confirmations.onSaved(listener);
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
