import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { MessageType } from '../../shared/protocol/message-types.js';
import { numberedFrameKind, readSavedMessage } from '../../shared/protocol/saved-message.js';

/** The socket class y-websocket opens (its `WebSocketPolyfill` option). */
export type SocketClass = typeof WebSocket;

/**
 * Whether every change this tab made is stored on the server, deletions and formatting included
 * (PROTOCOL.md, "When is a change saved?"). The sockets count the update frames they send; the
 * server's `saved` (100) names the highest one committed. Numbering starts afresh with each
 * socket, so a confirmation never speaks for another connection: what a closed socket left
 * unconfirmed, and whatever changed while no socket was open, counts as unsent until a new
 * socket's sync answer (which carries all of it) is confirmed.
 */
export class ChangeConfirmations {
  private socket: WebSocket | null = null;
  private sent = 0;
  private confirmed = 0;
  private hasUnsentChanges = false;
  private readonly listeners = new Set<(frame: number) => void>();

  constructor(private readonly onChange: () => void = () => {}) {}

  /** True when the server has confirmed every change made so far. */
  get isAllConfirmed(): boolean {
    return !this.hasUnsentChanges && this.confirmed >= this.sent;
  }

  /** How many update frames the current socket has sent. */
  get sentFrames(): number {
    return this.sent;
  }

  /** A subclass of `base` that reports each update frame it sends. */
  socketClass(base: SocketClass): SocketClass {
    const onFrameSent = (socket: WebSocket, frame: Uint8Array) => this.frameSent(socket, frame);
    return class CountingWebSocket extends base {
      override send(data: Parameters<WebSocket['send']>[0]): void {
        super.send(data);
        if (data instanceof Uint8Array) onFrameSent(this, data);
      }
    };
  }

  /** Follows `provider`'s `saved` messages and closes, and `doc`'s own changes. */
  attach(provider: WebsocketProvider, doc: Y.Doc): void {
    // Leaving the encoder empty means nothing is sent back for a `saved` message.
    provider.messageHandlers[MessageType.saved] = (_encoder, decoder) => {
      this.savedReceived(provider.ws, readSavedMessage(decoder));
    };
    provider.on('connection-close', () => this.socketClosed());
    doc.on('update', (_update: Uint8Array, origin: unknown) => {
      if (origin === provider) return;
      // The provider sends a change at once only over an open socket; otherwise it waits for the next sync answer.
      const isSentNow = provider.wsconnected && provider.ws?.readyState === 1;
      if (!isSentNow) this.hasUnsentChanges = true;
      this.onChange();
    });
  }

  /** Calls `listener` with the frame number of each `saved` message; returns the unsubscribe. */
  onSaved(listener: (frame: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private frameSent(socket: WebSocket, frame: Uint8Array): void {
    const kind = numberedFrameKind(frame);
    if (kind === null) return;
    if (socket !== this.socket) this.startSocket(socket);
    this.sent += 1;
    // The sync answer holds everything the server lacks, whatever was not sent before included.
    if (kind === 'sync-answer') this.hasUnsentChanges = false;
    this.onChange();
  }

  private savedReceived(socket: WebSocket | null, frame: number): void {
    if (socket === null || socket !== this.socket) return;
    if (frame > this.confirmed) this.confirmed = frame;
    for (const listener of this.listeners) listener(frame);
    this.onChange();
  }

  private socketClosed(): void {
    this.startSocket(null);
    this.onChange();
  }

  private startSocket(socket: WebSocket | null): void {
    if (this.confirmed < this.sent) this.hasUnsentChanges = true;
    this.socket = socket;
    this.sent = 0;
    this.confirmed = 0;
  }
}
