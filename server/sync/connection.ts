import type { SessionUser } from '../../shared/api/session.js';
import type { CloseCode } from '../../shared/protocol/close-codes.js';
import { FrameConfirmations } from './frame-confirmations.js';

/** The websocket protocol limits a close reason to 123 bytes of UTF-8. */
export const maxCloseReasonBytes = 123;

/** `text` cut to at most `maxBytes` of UTF-8, never inside a character. */
export function truncateUtf8(text: string, maxBytes: number): string {
  let bytes = 0;
  let end = 0;
  for (const character of text) {
    const size = Buffer.byteLength(character, 'utf8');
    if (bytes + size > maxBytes) break;
    bytes += size;
    end += character.length;
  }
  return text.slice(0, end);
}

/** The part of a websocket the sync code needs; the route adapts the real socket to it. */
export interface SocketLike {
  send(data: Uint8Array): void;
  close(code: number, reason: string): void;
  readonly isOpen: boolean;
}

/** One authenticated websocket on one letter. Identity and rights come from the server, never the client. */
export class Connection {
  /** Awareness client ids this connection has claimed; no other connection may use them. */
  readonly awarenessClients = new Set<number>();
  /**
   * When the person last used the session on this socket: a change to the text, or a change of
   * their presence (a caret moved). The presence renewal a browser sends every 15 s by itself
   * is not use: an unattended tab does not keep a session alive. See SessionWatch.
   */
  lastUsedAt: number | null = null;
  /** Whether the client has answered the server's sync step 1 (sent what it had offline). */
  hasAnsweredSync = false;
  /**
   * Updates that arrived before that answer and depend on it. y-websocket sends a change made
   * while reconnecting as soon as the socket opens, ahead of the offline edits it builds on.
   */
  readonly heldUpdates: Uint8Array[] = [];
  heldBytes = 0;
  /**
   * The text generation the client named when it connected (`?generation=`), or null if it named
   * none. A copy of another generation is refused when the connection joins the room.
   */
  claimedGeneration: string | null = null;
  /** This connection's update frames, numbered for `saved` (message 100); numbering is per connection. */
  readonly confirmations = new FrameConfirmations();
  private closed = false;

  constructor(
    readonly socket: SocketLike,
    readonly user: SessionUser,
    readonly sessionId: string,
    /** Changes when a coordinator changes the person's roles while the letter is open. */
    public canEdit: boolean,
  ) {}

  send(message: Uint8Array): void {
    if (!this.closed && this.socket.isOpen) this.socket.send(message);
  }

  /** Closes with a documented code; the reason is short text for logs and developer tools. */
  close(code: CloseCode, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.socket.close(code, truncateUtf8(reason, maxCloseReasonBytes));
    } catch {
      // A socket that refuses the reason must still close: one left open would drop every frame.
      this.socket.close(code, '');
    }
  }

  get isClosed(): boolean {
    return this.closed || !this.socket.isOpen;
  }

  markClosed(): void {
    this.closed = true;
  }
}
