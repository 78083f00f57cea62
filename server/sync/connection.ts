import type { SessionUser } from '../../shared/api/session.js';
import { CloseCode } from '../../shared/protocol/close-codes.js';
import type { Rate } from '../config.js';
import { FrameConfirmations } from './frame-confirmations.js';
import { HeldUpdates } from './held-updates.js';
import type { PresenceGate } from './presence-gate.js';
import { SyncRequestBudget } from './sync-request-budget.js';
import type { TokenBucket } from './token-bucket.js';

/**
 * Text held behind a pending sync reply: a reply waits for one commit, so this much only piles up
 * on a letter flooded by others while the store stalls. Beyond it the connection is dropped (1013)
 * and the client reconnects to a fresh reply.
 */
const maxTextBehindReplyBytes = 16 * 1024 * 1024;

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
  /** Updates that build on text the room does not hold yet: the sync answer's, or another instance's. */
  readonly held = new HeldUpdates();
  /**
   * Refuses this connection after the frame that caused it was handled (a held update still
   * lacking something after a read of the store) as a refused frame is: logged, recorded, closed
   * and taken out of its room. `error` is a ProtocolViolation, or a fault of the server's. Set by
   * the sync route; without it the room closes the connection and drops it.
   */
  refuseLater: ((error: unknown) => void) | null = null;
  /**
   * The text generation the client named when it connected (`?generation=`), or null if it named
   * none. A copy of another generation is refused when the connection joins the room.
   */
  claimedGeneration: string | null = null;
  /** How often this connection's presence is applied (SYNC_PRESENCE_PER_SECOND); null: as it comes. */
  presenceRate: Rate | null = null;
  /** What this connection's sync step 1 requests may cost (SYNC_RESYNC_BYTES_PER_SECOND); the route sets it, unlimited until then. */
  syncRequests = new SyncRequestBudget(null);
  /** The person's requests for the full letter state (103, SYNC_STATE_REQUESTS_PER_MINUTE), shared by their sockets; null: no limit. */
  stateRequests: TokenBucket | null = null;
  /** The person's new text client ids (SYNC_NEW_CLIENT_IDS_PER_HOUR), shared by their sockets; null: no limit. */
  newClientIds: TokenBucket | null = null;
  /**
   * Whether the person may propose changes (rule S13). A connection that may suggest but not edit
   * is suggest-only: the room lets it add its own proposals and withdraw them, nothing else.
   */
  canSuggest = false;
  /** The caret last checked for this connection's presence, and what was shown for it (see sanitizePresence). */
  checkedCursor: { clientId: number; json: string; shown: unknown } | null = null;
  /** Made by the room on the first presence update, at `presenceRate`. */
  presenceGate: PresenceGate | null = null;
  /** Made by the room on the first presence query (message 3), at `presenceRate`: queries beyond it wait, and one answer covers them. */
  queryGate: PresenceGate | null = null;
  /** This connection's update frames, numbered for `saved` (message 100); numbering is per connection. */
  readonly confirmations = new FrameConfirmations();
  private closed = false;
  /** Sync step 2 replies encoded for this connection and not sent yet (they wait for a commit). */
  private pendingSyncReplies = 0;
  /** Text updates that came while a reply was pending; they go out after it, never before. */
  private readonly textBehindReply: Uint8Array[] = [];
  private textBehindReplyBytes = 0;

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

  /**
   * Sends a text update. While a sync reply is pending, the update waits behind it: an update may
   * build on text that only the reply carries, and a client that gets it first holds it as pending.
   * A stock Yjs client resends what it holds pending in its next sync answer, possibly to another
   * instance that does not have it yet, which must then wait for a read of the store.
   */
  sendText(message: Uint8Array): void {
    if (this.pendingSyncReplies === 0) return this.send(message);
    this.textBehindReply.push(message);
    this.textBehindReplyBytes += message.length;
    if (this.textBehindReplyBytes > maxTextBehindReplyBytes) {
      this.close(CloseCode.tryAgainLater, 'too much text waiting for the sync reply');
    }
  }

  /** A sync step 2 reply was encoded for this connection and is sent later, by `sendSyncReply`. */
  expectSyncReply(): void {
    this.pendingSyncReplies++;
  }

  /** Sends a reply announced by `expectSyncReply`; once none is pending, the text held behind replies follows. */
  sendSyncReply(reply: Uint8Array): void {
    this.send(reply);
    this.pendingSyncReplies = Math.max(0, this.pendingSyncReplies - 1);
    if (this.pendingSyncReplies > 0) return;
    for (const message of this.textBehindReply.splice(0)) this.send(message);
    this.textBehindReplyBytes = 0;
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

/** A change to the text or to a presence (not a renewal) is use of the sender's session: a Yjs or awareness listener. */
export function noteUse(_change: unknown, origin: unknown): void {
  if (origin instanceof Connection) origin.lastUsedAt = Date.now();
}
