import type * as decoding from 'lib0/decoding';
import type * as Y from 'yjs';
import type { MessageType } from '../../shared/protocol/message-types.js';
import type { RevisionWrite } from '../store/store.js';
import type { PendingUpdate } from './commit-queue.js';
import type { Connection } from './connection.js';

/** A change just applied to a room's document, before it is handed to the commit queue. */
export interface AppliedUpdate {
  /** Who made it: the sending Connection, a ServerEdit, or `relayedOrigin` for text from elsewhere. */
  readonly origin: unknown;
  /** Revision writes to be stored in the same commit as the update; extensions append to it. */
  readonly revisions: RevisionWrite[];
}

/** An update from a connection that an extension admitted: what it needs stored with it, and what to tell it afterwards. */
export interface AdmittedUpdate {
  /** Yjs client ids the update writes under for the first time: they become the sender's, stored with the update. */
  readonly newClientIds: readonly number[];
  /** The update was applied to the document and handed to the commit queue. */
  applied?(): void;
  /** A later extension refused or held the update after this one admitted it: it is not applied. */
  abandoned?(): void;
}

/**
 * Names one kind of extension, so that the core's users and other extensions reach it typed:
 * `room.extension(roomPresenceKey)` is the room's presence, or undefined in a room built without
 * it. The extension holds its key as `key`; the module that defines the extension exports the key.
 */
export class ExtensionKey<T extends RoomExtension> {
  /** Only ties the key to its extension's type; never set. */
  declare private readonly extensionType?: T;

  constructor(readonly name: string) {}
}

/** Answers one message type from a connection; `decoder` is past the type. A bad message throws a ProtocolViolation. */
export type MessageAnswer = (connection: Connection, decoder: decoding.Decoder) => void;

/**
 * One concern of a room (presence, letter state, admission, revision history, compaction, relay to
 * other instances), attached in the composition root. The room core calls these hooks in the order
 * the extensions were given; a hook that throws is a fault of the room, as if the core had thrown.
 */
export interface RoomExtension {
  /** How others reach this extension (see ExtensionKey); at most one extension of a room holds a key. */
  readonly key?: ExtensionKey<RoomExtension>;
  /**
   * The message types this extension answers, besides sync (0), which is the core's. Each type is
   * answered by one extension of the room; a type none answers closes the sender (4400).
   */
  readonly answers?: ReadonlyMap<MessageType, MessageAnswer>;
  /** The room loaded (its document is not built yet): read what the extension needs; runs once, before anyone joins. */
  loaded?(): void | Promise<void>;
  /** The room built its document from the stored text (on first use, not on loading): start following it. */
  docBuilt?(doc: Y.Doc): void;
  /** The room is about to drop its idle document: read what rebuilding it will need (async; the room may stay awake). */
  beforeSleep?(): Promise<void>;
  /** The room dropped its idle document: let go of what follows it (docBuilt is called again on the next use). */
  docDropped?(): void;
  /** A connection is joining: it was sent the text generation (104), and sync step 1 comes next. */
  joining?(connection: Connection): void;
  /** A connection joined and was sent the generation and sync step 1. */
  joined?(connection: Connection): void;
  /** A connection left the room (closed, or taken out). */
  left?(connection: Connection): void;
  /**
   * Whether this extension keeps the text read-only just now (the letter's status, rule C5). The
   * core then makes no change of its own (a paragraph id repair, a server edit) and the standard
   * admission refuses every new write.
   */
  keepsTextReadOnly?(): boolean;
  /**
   * An update from `connection` is about to be applied. Return what to store with it, or null to
   * apply nothing now (it carries nothing new, or it is held until the client's sync answer);
   * throw a ProtocolViolation to refuse it, which closes the sender with that code. Every
   * extension with this hook must admit an update before it is applied; a room without one
   * applies the standard admission (update-admission.ts).
   */
  admitUpdate?(connection: Connection, update: Uint8Array): AdmittedUpdate | null;
  /** A change was applied to the document (by a connection, the server or another instance). */
  updateApplied?(applied: AppliedUpdate): void;
  /** The store committed `entries` of this room under `seqs`; they were sent to the connections. */
  committed?(entries: readonly PendingUpdate[], seqs: readonly number[]): void;
  /** Sign-offs were recorded on these paragraphs (here or on another instance). */
  signedOff?(paragraphIds: readonly string[]): void;
  /** Resolves once the extension's background work (a compaction) is done; never rejects. */
  idle?(): Promise<void>;
  /** The room is gone: release timers, listeners and memory. */
  destroyed?(): void;
}
