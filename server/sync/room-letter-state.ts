import type { LetterCommentsMessage } from '../../shared/api/comments.js';
import type { LetterStatus } from '../../shared/api/letters.js';
import type { LetterStateMessage } from '../../shared/api/signoffs.js';
import { isTextReadOnly, textReadOnlyReason } from '../../shared/domain/letter-course.js';
import { maySuggest } from '../../shared/domain/permissions.js';
import { canEditText, type Role } from '../../shared/domain/roles.js';
import { writeAccessMessage } from '../../shared/protocol/access-message.js';
import { AccessReason } from '../../shared/protocol/access-reasons.js';
import { CloseCode } from '../../shared/protocol/close-codes.js';
import { MessageType } from '../../shared/protocol/message-types.js';
import { writeLetterCommentsMessage } from '../../shared/protocol/letter-comments-message.js';
import { writeLetterStateMessage } from '../../shared/protocol/letter-state-message.js';
import type { Logger } from '../logger.js';
import type { Connection } from './connection.js';
import { ProtocolViolation } from './protocol-violation.js';
import { ExtensionKey, type MessageAnswer, type RoomExtension } from './room-extension.js';

/** What the letter state needs of its room. */
export interface LetterStateRoom {
  readonly letterId: string;
  /** This instance's connections on the letter. */
  readonly connections: ReadonlySet<Connection>;
  /** Takes a closed connection out of the room. */
  leave(connection: Connection): void;
}

/** Where the server-owned state of a letter is read. */
export interface LetterStateSources {
  /** The letter's status as stored, read as the room loads (undefined: the letter is not stored). */
  letterStatus: (letterId: string) => Promise<LetterStatus | undefined>;
  /** Sign-offs, course and status (message 102), sent whole to each joining connection. */
  letterState: (letterId: string) => Promise<LetterStateMessage>;
  /** The comment threads (message 105), sent to each joining connection; none when absent. */
  letterComments?: (letterId: string) => Promise<LetterCommentsMessage>;
  logger: Logger;
}

/**
 * How the room's users reach its letter state: the room registry, to tell open connections of a
 * new status, changed roles and server-owned messages (on this instance or from another).
 */
export const roomLetterStateKey: ExtensionKey<RoomLetterState> = new ExtensionKey('letter-state');

/**
 * What a letter's connections may do and know beyond its text: whether the text is read-only in
 * the letter's status (rule C5) and each connection's right to edit, told by message 101 as it
 * changes; the full letter state (102) and comment threads (105) on joining and on request (103).
 * A room extension (see compose.ts): a room built without it keeps its text open and sends none of these.
 */
export class RoomLetterState implements RoomExtension {
  readonly key: ExtensionKey<RoomLetterState> = roomLetterStateKey;
  readonly answers: ReadonlyMap<MessageType, MessageAnswer> = new Map<MessageType, MessageAnswer>([
    [MessageType.letterStateRequest, (connection) => this.answerRequest(connection)],
  ]);
  /** Why the text is read-only for every connection (ready, signed or sent: rule C5); null while it may change. */
  private readOnlyReason: AccessReason | null = null;
  /** Connections whose full letter state is being read, to answer one request at a time. */
  private readonly sending = new Set<Connection>();

  constructor(
    private readonly room: LetterStateRoom,
    private readonly sources: LetterStateSources,
  ) {}

  /** Reads the letter's status as the room loads (not stored: nothing keeps its text read-only). */
  async loaded(): Promise<void> {
    const status = await this.sources.letterStatus(this.room.letterId);
    this.readOnlyReason = status === undefined ? null : textReadOnlyReason(status);
  }

  /** Whether the letter's status keeps its text read-only just now (rule C5). */
  keepsTextReadOnly(): boolean {
    return this.readOnlyReason !== null;
  }

  /** Before anything of the text reaches a joining connection: one that could edit learns the text is read-only. */
  joining(connection: Connection): void {
    if (this.readOnlyReason === null || !connection.canEdit) return;
    connection.canEdit = false;
    connection.send(writeAccessMessage({ canEdit: false, reason: this.readOnlyReason }));
  }

  /** A connection joined: it gets the full letter state and the comment threads. */
  joined(connection: Connection): void {
    this.sendFull(connection);
    this.sendComments(connection);
  }

  /**
   * A client asked for the full letter state again (103). A request while one is being read is
   * answered by that read and costs nothing; every other one is a read of the store and draws from
   * the person's budget (SYNC_STATE_REQUESTS_PER_MINUTE): one beyond it closes the sender with 1013.
   */
  answerRequest(connection: Connection): void {
    if (this.sending.has(connection)) return;
    const budget = connection.stateRequests;
    if (budget) {
      if (budget.waitFor(1) > 0) throw new ProtocolViolation(CloseCode.tryAgainLater, 'the letter state asked for again before its budget allowed');
      budget.take(1);
    }
    this.sendFull(connection);
  }

  /**
   * Sends the full letter state (on joining, and when the client asks after a gap). One at a time
   * per connection: a request while one is being answered is ignored, as the answer covers it.
   */
  sendFull(connection: Connection): void {
    if (this.sending.has(connection)) return;
    this.sending.add(connection);
    this.sources
      .letterState(this.room.letterId)
      .then(
        (state) => connection.send(writeLetterStateMessage(state)),
        (error: unknown) => this.cannotSend(connection, error, 'could not send letter state'),
      )
      .finally(() => this.sending.delete(connection));
  }

  /** The threads, on joining; later changes arrive as they happen, and the client keeps the newer of two copies. */
  private sendComments(connection: Connection): void {
    this.sources
      .letterComments?.(this.room.letterId)
      .then(
        (message) => connection.send(writeLetterCommentsMessage(message)),
        (error: unknown) => this.cannotSend(connection, error, 'could not send comment threads'),
      );
  }

  /**
   * What a connection must hold could not be read: it is closed (4500) rather than left showing
   * no sign-offs or threads as if there were none; it reconnects and reads them again.
   */
  private cannotSend(connection: Connection, error: unknown, message: string): void {
    this.sources.logger.error({ err: error, letterId: this.room.letterId }, message);
    if (connection.isClosed || !this.room.connections.has(connection)) return;
    connection.close(CloseCode.storeFailure, 'the letter state could not be read');
    this.room.leave(connection);
  }

  /** Sends a server-owned message (letter state) to every connection. */
  broadcast(message: Uint8Array): void {
    for (const connection of this.room.connections) connection.send(message);
  }

  /**
   * The letter moved to `status`: from ready on its text is read-only for every open connection,
   * before that editable again for those whose roles allow it (rule C5).
   */
  setTextStatus(status: LetterStatus, canEditOf: (connection: Connection) => boolean): void {
    const wasReadOnly = this.readOnlyReason !== null;
    this.readOnlyReason = textReadOnlyReason(status);
    for (const connection of this.room.connections) {
      const canEdit = !isTextReadOnly(status) && canEditOf(connection);
      if (canEdit === connection.canEdit) continue;
      connection.canEdit = canEdit;
      const reason = this.readOnlyReason ?? (wasReadOnly ? AccessReason.textOpenAgain : AccessReason.canEdit);
      connection.send(writeAccessMessage({ canEdit, reason }));
    }
  }

  /** A coordinator changed someone's roles: their open connections follow at once (none left: they are closed). */
  applyAccess(userId: string, roles: Role[]): void {
    for (const connection of Array.from(this.room.connections)) {
      if (connection.user.id !== userId) continue;
      if (roles.length === 0) {
        connection.close(CloseCode.removedFromLetter, 'removed from the letter');
        this.room.leave(connection);
        continue;
      }
      connection.canSuggest = maySuggest(roles);
      const canEdit = canEditText(roles) && this.readOnlyReason === null;
      if (canEdit === connection.canEdit) continue;
      connection.canEdit = canEdit;
      const reason = canEdit ? AccessReason.roleNowEdits : AccessReason.roleNowReads;
      connection.send(writeAccessMessage({ canEdit, reason }));
    }
  }
}
