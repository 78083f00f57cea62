import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { replayedDoc } from '../../shared/domain/replayed-doc.js';
import type { LetterLimits } from '../../shared/domain/letter-limits.js';
import { CloseCode } from '../../shared/protocol/close-codes.js';
import { MessageType } from '../../shared/protocol/message-types.js';
import { writeSavedMessage } from '../../shared/protocol/saved-message.js';
import { writeTextGenerationMessage } from '../../shared/protocol/text-generation-message.js';
import { AppError } from '../http/app-error.js';
import type { Logger } from '../logger.js';
import { type AuditDraft, originalGeneration, type Store, TextReadOnly } from '../store/store.js';
import type { CommitQueue, CommitTarget, PendingUpdate } from './commit-queue.js';
import type { AdmittedUpdate, AppliedUpdate, ExtensionKey, MessageAnswer, RoomExtension } from './room-extension.js';
import type { ServerEdit } from './server-edit.js';
import { noteUse, type Connection } from './connection.js';
import { StoredBytes } from './stored-bytes.js';
import { ownBytes } from './own-bytes.js';
import { FreshRun } from './fresh-run.js';
import { ProtocolViolation } from './protocol-violation.js';
import type { SchemaRules } from './schema-rules.js';
import { isDecodingError, ServerFault } from './server-fault.js';
import { repairAuthor, repairParagraphIds } from './paragraph-id-repair.js';
import type { SuggestionLimits } from '../../shared/domain/suggestion-limits.js';
import { hasDependencies } from './update-guard.js';
import { updateAdmission } from './update-admission.js';

/** Builds one of a room's extensions; called once per room, as it loads, in the order of the list. */
export type RoomExtensionFactory = (room: Room) => RoomExtension | null;

export interface RoomDeps {
  store: Store;
  commits: CommitQueue;
  /** The editor's schema, which the standard admission checks updates against. */
  rules: SchemaRules;
  logger: Logger;
  /** Called when the last connection left. */
  onEmpty: (room: Room) => void;
  /** Called when the room's document can no longer be trusted to match the store. */
  onBroken: (room: Room) => void;
  /** How large the letter may grow (for the standard admission); the shared defaults when absent. */
  letterLimits?: LetterLimits;
  /** How many open suggestions a paragraph and the letter may hold (for the standard admission); the shared defaults when absent. */
  suggestionLimits?: SuggestionLimits;
  /**
   * The room's concerns beyond the core (presence, letter state, admission, history, compaction,
   * relay), built as it loads. When none of them admits updates, the standard admission on `rules`
   * and the limits above comes first.
   */
  extensions?: readonly RoomExtensionFactory[];
}

/** The origin of text and presence that come from elsewhere (another instance, the store), not from a connection here. */
export const relayedOrigin = Symbol('relayed');

function syncMessage(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/**
 * One loaded letter: its Y.Doc and connections. An update is admitted, applied, handed to the
 * commit queue, and broadcast only once the store has committed it. Everything else (presence,
 * the letter state, history, compaction, the relay) is an extension (room-extension.ts) that the
 * composition root lists; the core calls their hooks and answers only sync messages itself.
 */
export class Room implements CommitTarget {
  /**
   * The document, built from the stored text when it is first needed (an update to check, a read);
   * a joiner is served from `stored` without it. See `doc`.
   */
  private live: Y.Doc | null = null;
  /** The stored text, encoded, kept current with every committed or relayed update. */
  private stored = new StoredBytes([]);
  readonly connections = new Set<Connection>();
  private appliedCount = 0;
  private committedCount = 0;
  private readonly waiters: { target: number; run: () => void; fail: (error: Error) => void }[] = [];
  /** How many updates the store held after the last snapshot when the room loaded. */
  private loadedUpdates = 0;
  private storedThrough = 0;
  /**
   * The newest sequence number of the last read of the store (load or catch-up): everything stored
   * up to it is in the document. Not moved by this instance's own commits, since another instance's
   * update below one of them may not have reached this one yet.
   */
  private readThrough = 0;
  private extensions: RoomExtension[] = [];
  /** Who answers each message type other than sync (see RoomExtension.answers). */
  private readonly answers = new Map<number, MessageAnswer>();
  /** When the text or a presence last changed here (ms); a room without changes for a while sleeps. */
  private lastChangeAt = Date.now();
  private fallingAsleep = false;
  /** Work that holds the document across an await (a restore): the room does not sleep meanwhile. */
  private holds = 0;
  private readonly catchUps = new FreshRun(() => this.readStoredText());
  private destroyed = false;
  /** Which user wrote under each Yjs client id, as stored: nobody may write under another person's id (see update admission). */
  private clientOwners = new Map<number, string>();
  /** The generation of the stored text (see StoredText); set on load. */
  private generation = originalGeneration;
  private readonly settleWaiters: (() => void)[] = [];
  private accepting = true;

  private constructor(
    readonly letterId: string,
    private readonly deps: RoomDeps,
  ) {}

  /**
   * The room's extension named `key` (see ExtensionKey), or undefined when the room was built
   * without it. This is how the room's users and one extension reach another (admission and the
   * relay reach presence, the registry reaches presence and the letter state): each depends on the
   * key of what it needs, not on the room's list, and works on a room built without it.
   */
  extension<T extends RoomExtension>(key: ExtensionKey<T>): T | undefined {
    // Only the extension a key was made for holds it (see ExtensionKey).
    return this.extensions.find((extension) => extension.key === key) as T | undefined;
  }

  /** Something other than the text changed (a presence): the room is in use and does not sleep yet. */
  noteActivity(): void {
    this.lastChangeAt = Date.now();
  }

  /**
   * The letter's document. Built from the stored text on first use: a joiner is served from the
   * stored bytes, so a room that is only read costs no Y.Doc until an update must be checked.
   */
  get doc(): Y.Doc {
    return (this.live ??= this.buildDoc());
  }

  /** Whether the room holds a document just now (see `doc`). */
  get hasLiveDoc(): boolean {
    return this.live !== null;
  }

  private buildDoc(): Y.Doc {
    const doc = replayedDoc();
    doc.transact(() => {
      for (const part of this.stored.all) Y.applyUpdate(doc, part);
    });
    doc.on('update', this.forwardRelayed);
    doc.on('update', noteUse);
    this.live = doc;
    if (this.destroyed) return this.live;
    // The store refuses any change to a read-only text (C5), a repair too: it would be refused on every load.
    if (!this.isTextReadOnly) this.repairStoredParagraphIds();
    for (const extension of this.extensions) extension.docBuilt?.(doc);
    return this.live;
  }

  /**
   * Drops the document and what follows it (revision tracking, the suggestion guard) when nothing
   * changed for `idleMs` and everything is committed, keeping the stored text encoded. The next
   * change, presence caret, read or sign-off rebuilds it from those bytes. Resolves to whether it slept.
   */
  async sleep(idleMs: number, now = Date.now()): Promise<boolean> {
    const isIdle = () => this.live !== null && !this.destroyed && !this.hasUncommitted && this.holds === 0 && now - this.lastChangeAt >= idleMs;
    if (!isIdle() || this.fallingAsleep) return false;
    const seen = this.lastChangeAt;
    this.fallingAsleep = true;
    try {
      // Extensions read what they need to follow the text again (the newest revisions) before it is dropped.
      for (const extension of this.extensions) await extension.beforeSleep?.();
    } finally {
      this.fallingAsleep = false;
    }
    if (!isIdle() || this.lastChangeAt !== seen) return false;
    for (const extension of this.extensions) extension.docDropped?.();
    this.live!.off('update', this.forwardRelayed);
    this.live!.destroy();
    this.live = null;
    return true;
  }

  /** Keeps the document while `work` runs, even if the room is idle. */
  async keepingDoc<T>(work: () => Promise<T>): Promise<T> {
    this.holds++;
    try {
      return await work();
    } finally {
      this.holds--;
    }
  }

  /** Sync step 2: all of the stored bytes for a fresh client, else what its state vector lacks; null: ask again later (see missingFrom). */
  private syncReply(stateVector: Uint8Array, asksAgain: boolean, mayDiffer = true): Uint8Array | null {
    // A request charged as one that needs no difference is answered so (see SyncRequestBudget.mayDiffer).
    const state = mayDiffer ? this.missingFrom(stateVector, asksAgain) : this.stored.state();
    if (state === null) return null;
    return syncMessage((encoder) => {
      encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
      encoding.writeVarUint8Array(encoder, state);
    });
  }

  /**
   * What a client with `stateVector` lacks. One that holds none of the text gets the stored bytes
   * as they are. One that holds part of it gets the document's difference, whose cost follows
   * what it lacks; a diff of the stored bytes reads the whole letter each time, which a member
   * repeating sync step 1 would make everyone on this server pay. While updates wait for their
   * commit the document holds unsaved text: a client's first request is answered from the stored
   * bytes then, and one `asksAgain` (a stock client asks once per socket) gets null, to be
   * answered once nothing waits.
   */
  private missingFrom(stateVector: Uint8Array, asksAgain: boolean): Uint8Array | null {
    if (!this.stored.holdsPartOf(stateVector)) return this.stored.state();
    if (this.destroyed) return this.stored.missingFrom(stateVector);
    // Building the document may store a repair of its paragraph ids first: that is not committed yet.
    const doc = this.hasUncommitted ? null : this.doc;
    if (doc && !this.hasUncommitted) return Y.encodeStateAsUpdate(doc, stateVector);
    return asksAgain ? null : this.stored.missingFrom(stateVector);
  }

  /** Loads the store's snapshot and the updates after it, kept encoded: the document is built when first needed. */
  static async load(letterId: string, deps: RoomDeps): Promise<Room> {
    const room = new Room(letterId, deps);
    const text = await deps.store.text.loadText(letterId);
    room.stored = text.snapshot ? new StoredBytes([text.snapshot, ...text.updates], text.snapshotStateVector) : new StoredBytes(text.updates);
    room.loadedUpdates = text.updates.length;
    room.storedThrough = text.lastSeq;
    room.readThrough = text.lastSeq;
    room.clientOwners = text.clientOwners;
    room.generation = text.generation;
    room.extensions = (deps.extensions ?? []).map((build) => build(room)).filter((extension) => extension !== null);
    // No room applies a connection's update unchecked.
    if (!room.extensions.some((extension) => extension.admitUpdate)) room.extensions.unshift(updateAdmission(room, deps));
    room.collectAnswers();
    try {
      for (const extension of room.extensions) await extension.loaded?.();
    } catch (error) {
      room.destroy(CloseCode.storeFailure, 'the letter could not be loaded');
      throw error;
    }
    return room;
  }

  /** Which extension answers each message type; two answering one type is a mistake in the composition. */
  private collectAnswers(): void {
    for (const extension of this.extensions) {
      for (const [type, answer] of extension.answers ?? []) {
        if (type === MessageType.sync || this.answers.has(type)) throw new Error(`message type ${type} is answered twice`);
        this.answers.set(type, answer);
      }
    }
  }

  /** Stored text from before ids were checked may lack some: repaired as a change of the server's own, stored before anyone reads it. */
  private repairStoredParagraphIds(): void {
    const update = repairParagraphIds(this.doc, freshClientId(this.doc));
    if (!update) return;
    this.deps.logger.warn({ letterId: this.letterId }, 'stored text had paragraphs without a well-formed id of their own; gave them ids');
    this.appliedCount++;
    this.deps.commits.enqueue({ room: this, connection: null, userId: repairAuthor, update, newClientIds: [], revisions: [] });
  }

  get isEmpty(): boolean {
    return this.connections.size === 0;
  }

  get hasUncommitted(): boolean {
    return this.appliedCount > this.committedCount;
  }

  /**
   * Admits a connection: first the text generation (104), then sync step 1. A client that holds a
   * copy of another generation (the letter was restored from a backup since) is closed with 4409
   * before anything of the text is exchanged, so nothing of that copy is merged.
   */
  join(connection: Connection): void {
    if (connection.claimedGeneration !== null && connection.claimedGeneration !== this.generation) {
      connection.close(CloseCode.letterRestored, 'the letter was restored from a backup');
      // It never joined, so leaving will not report the room empty: a room it alone opened must still unload.
      if (this.isEmpty) this.deps.onEmpty(this);
      return;
    }
    this.connections.add(connection);
    try {
      connection.send(writeTextGenerationMessage(this.generation));
      // The letter state tells an editor of a read-only text so (101) before anything of the text.
      for (const extension of this.extensions) extension.joining?.(connection);
      const stateVector = this.live ? Y.encodeStateVector(this.live) : this.stored.stateVector();
      connection.send(syncMessage((encoder) => {
        encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep1);
        encoding.writeVarUint8Array(encoder, stateVector);
      }));
      for (const extension of this.extensions) extension.joined?.(connection);
    } catch (error) {
      // Not left half-joined (missing its rights, presence or letter state): it reconnects and joins afresh.
      this.deps.logger.error({ err: error, letterId: this.letterId }, 'a connection could not join; closing it');
      connection.close(CloseCode.storeFailure, 'the server failed to open the letter');
      this.leave(connection);
    }
  }

  /** How many updates the store held after its last snapshot when the room loaded (see compaction). */
  get storedUpdatesAtLoad(): number {
    return this.loadedUpdates;
  }

  /** Sign-offs were recorded on these paragraphs, here or on another instance: the extensions hear of it. */
  signedOff(paragraphIds: readonly string[]): void {
    if (this.destroyed || paragraphIds.length === 0) return;
    for (const extension of this.extensions) extension.signedOff?.(paragraphIds);
  }

  /** Tells the extensions of a change just applied; returns the revision writes to store with it. */
  private noteApplied(origin: unknown): AppliedUpdate['revisions'] {
    this.lastChangeAt = Date.now();
    const applied: AppliedUpdate = { origin, revisions: [] };
    for (const extension of this.extensions) extension.updateApplied?.(applied);
    return applied.revisions;
  }

  /**
   * Resolves once every update applied so far is committed: what is read then is stored. Rejects
   * with a 503 if the store refused them: the room is gone and the request should be tried again.
   */
  settled(): Promise<void> {
    if (!this.hasUncommitted) return Promise.resolve();
    if (this.destroyed) return Promise.reject(storeUnavailable());
    return new Promise((resolve, reject) => this.whenCommitted(resolve, reject));
  }

  /** Whether an extension (the letter state) keeps the text read-only just now (rule C5); never in a room without one. */
  get isTextReadOnly(): boolean {
    return this.extensions.some((extension) => extension.keepsTextReadOnly?.() === true);
  }

  /** Takes a connection out; every extension hears of it, even when one of them fails (its presence must not stay). */
  leave(connection: Connection): void {
    if (!this.connections.delete(connection)) return;
    for (const extension of this.extensions) {
      try {
        extension.left?.(connection);
      } catch (error) {
        this.deps.logger.error({ err: error, letterId: this.letterId }, 'an extension failed as a connection left');
      }
    }
    if (this.isEmpty) this.deps.onEmpty(this);
  }

  /**
   * The server is shutting down: frames that arrive from now on are dropped, so that the commits
   * in hand can finish. Clients resend what was not confirmed when they reconnect.
   */
  stopAccepting(): void {
    this.accepting = false;
  }

  /** Handles one frame; throws ProtocolViolation for frames that cost the sender its connection. */
  receive(connection: Connection, frame: Uint8Array): void {
    if (!this.accepting) return;
    try {
      const decoder = decoding.createDecoder(frame);
      const type = decoding.readVarUint(decoder);
      if (type === MessageType.sync) return this.receiveSync(connection, decoder);
      // Presence (1, 3) and the letter state request (103) are answered by their extensions.
      const answer = this.answers.get(type);
      if (!answer) throw new ProtocolViolation(CloseCode.malformedMessage, `unknown message type ${type}`);
      return answer(connection, decoder);
    } catch (error) {
      if (error instanceof ProtocolViolation) throw error;
      if (isDecodingError(error)) throw new ProtocolViolation(CloseCode.malformedMessage, 'the message cannot be decoded');
      throw error instanceof ServerFault ? error : new ServerFault(error);
    }
  }

  private receiveSync(connection: Connection, decoder: decoding.Decoder): void {
    const step = decoding.readVarUint(decoder);
    switch (step) {
      case syncProtocol.messageYjsSyncStep1: {
        const stateVector = decoding.readVarUint8Array(decoder);
        Y.decodeStateVector(stateVector);
        // Asking again draws from the connection's budget (1013 beyond); asked while a reply waits, that reply answers this.
        if (!connection.syncRequests.ask(stateVector, () => this.stored.state().length, () => this.stored.holdsPartOf(stateVector))) return;
        // Sent once what was applied before is committed (a joiner never sees unsaved text), from the
        // stored bytes as they are then: they hold all the text held back behind this reply.
        connection.expectSyncReply();
        const answer = () => {
          const { stateVector: asked, mayDiffer } = connection.syncRequests;
          const reply = this.syncReply(asked, connection.syncRequests.hasAnswered, mayDiffer);
          // A client asking again waits for a moment when the document holds only stored text.
          if (reply === null) return this.whenCommitted(answer);
          connection.syncRequests.answered();
          connection.sendSyncReply(reply);
        };
        this.whenCommitted(answer);
        return;
      }
      case syncProtocol.messageYjsSyncStep2: {
        const frame = connection.confirmations.numberNext();
        this.receiveUpdate(connection, decoding.readVarUint8Array(decoder));
        connection.hasAnsweredSync = true;
        // What was held for this answer applies now; what still lacks something waits for a read of the store.
        connection.held.retry((update) => this.receiveUpdate(connection, update), 'answer');
        this.readStoreForHeld(connection);
        return this.confirmWhenCommitted(connection, frame);
      }
      case syncProtocol.messageYjsUpdate: {
        const frame = connection.confirmations.numberNext();
        this.receiveUpdate(connection, decoding.readVarUint8Array(decoder));
        this.readStoreForHeld(connection);
        return this.confirmWhenCommitted(connection, frame);
      }
      default:
        throw new ProtocolViolation(CloseCode.malformedMessage, `unknown sync step ${step}`);
    }
  }

  /**
   * An update held for text or a client id the room has not heard of (where the store may be
   * ahead, see HeldUpdates) waits for one read of the store, then applies or is refused; one held
   * for the client's sync answer waits for that answer first.
   */
  private readStoreForHeld(connection: Connection): void {
    const asked = connection.held.askRead(connection.hasAnsweredSync);
    if (asked.length === 0) return;
    this.catchUp().then(
      () => {
        for (const entry of asked) entry.readDone = true;
        this.retryHeld(connection);
      },
      // A fault of the server's (4500): the client reconnects and sends them again.
      (error: unknown) => this.refuseLater(connection, error),
    );
  }

  /** Tries a connection's held updates again after a read of the store, and confirms what applied. */
  private retryHeld(connection: Connection): void {
    if (this.destroyed || connection.isClosed || !this.connections.has(connection)) return;
    try {
      connection.held.retry((update) => this.receiveUpdate(connection, update));
    } catch (error) {
      return this.refuseLater(connection, error);
    }
    this.readStoreForHeld(connection);
    this.confirmWhenCommitted(connection, connection.confirmations.lastNumbered);
  }

  /** Refuses a connection outside the handling of a frame, as the handling of a frame would. */
  private refuseLater(connection: Connection, error: unknown): void {
    if (connection.refuseLater) return connection.refuseLater(error);
    const violation = error instanceof ProtocolViolation ? error : new ProtocolViolation(CloseCode.storeFailure, 'the server failed to handle the message');
    connection.close(violation.code, violation.message);
    this.leave(connection);
  }

  /**
   * Sends `saved(frame)` once everything applied so far, this frame's update included, is stored.
   * A frame that is held is not stored yet: the confirmation made once it applies covers it. A
   * refused frame closes the connection, so it is never confirmed.
   */
  private confirmWhenCommitted(connection: Connection, frame: number): void {
    if (!connection.held.isEmpty) return;
    if (!this.hasUncommitted) connection.send(writeSavedMessage(frame));
    else connection.confirmations.waitFor(frame, this.appliedCount);
  }

  /** Applies an update from a connection once every admitting extension admitted it; a refusal closes the sender. */
  private receiveUpdate(connection: Connection, frameUpdate: Uint8Array): void {
    // Held, stored, broadcast and handed to the store's thread: copied out of the socket's buffer once.
    const update = ownBytes(frameUpdate);
    const admissions = this.admit(connection, update);
    if (admissions === null) return;
    try {
      this.applyAndEnqueue(connection, update, admissions.flatMap((admitted) => admitted.newClientIds));
      for (const admitted of admissions) admitted.applied?.();
    } catch (error) {
      if (error instanceof ProtocolViolation) throw error;
      // The document may now hold what the store never will: everyone reloads it from the store.
      this.deps.onBroken(this);
      throw new ServerFault(error);
    }
  }

  /** Asks each extension that admits updates; null when one holds it back, a throw when one refuses it. */
  private admit(connection: Connection, update: Uint8Array): AdmittedUpdate[] | null {
    const admissions: AdmittedUpdate[] = [];
    try {
      for (const extension of this.extensions) {
        if (!extension.admitUpdate) continue;
        const admitted = extension.admitUpdate(connection, update);
        if (admitted === null) {
          for (const earlier of admissions) earlier.abandoned?.();
          return null;
        }
        admissions.push(admitted);
      }
    } catch (error) {
      for (const earlier of admissions) earlier.abandoned?.();
      throw error;
    }
    // Load adds the standard admission when no extension has one; an update nobody admitted is never applied.
    if (admissions.length === 0) throw new ProtocolViolation(CloseCode.forbidden, 'no admission for updates on this letter');
    return admissions;
  }

  private applyAndEnqueue(connection: Connection, update: Uint8Array, newClientIds: number[]): void {
    Y.applyUpdate(this.doc, update, connection);
    if (this.doc.store.pendingStructs !== null || this.doc.store.pendingDs !== null) {
      // The guard should have caught this; the document no longer matches what it checked.
      this.deps.logger.error({ letterId: this.letterId }, 'update left pending content; reloading room');
      this.deps.onBroken(this);
      throw new ProtocolViolation(CloseCode.updateRefused, 'the update depends on missing changes');
    }
    this.appliedCount++;
    const revisions = this.noteApplied(connection);
    this.deps.commits.enqueue({ room: this, connection, userId: connection.user.id, update, newClientIds, revisions });
  }

  /**
   * Makes a change on the server for a person (a restore), attributed to them as if their own
   * connection had sent it: stored with its revisions and audit events, then sent to everyone.
   * Resolves once it is committed. The change writes under a new client id that becomes theirs.
   */
  async applyServerEdit(origin: ServerEdit, change: (doc: Y.Doc) => void, audit: AuditDraft[]): Promise<void> {
    if (this.isTextReadOnly) throw new Error('the letter text is read-only in its status');
    const updates: Uint8Array[] = [];
    const capture = (update: Uint8Array, transactionOrigin: unknown) => {
      if (transactionOrigin === origin) updates.push(update);
    };
    this.doc.clientID = freshClientId(this.doc);
    this.doc.on('update', capture);
    try {
      this.doc.transact(() => change(this.doc), origin);
    } finally {
      this.doc.off('update', capture);
    }
    const revisions = this.noteApplied(origin);
    if (updates.length === 0) return;
    const userId = origin.author.userId;
    this.clientOwners.set(this.doc.clientID, userId);
    this.appliedCount++;
    const update = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
    this.deps.commits.enqueue({ room: this, connection: null, userId, update, newClientIds: [this.doc.clientID], revisions, audit });
    await this.settled();
  }

  /** Which user wrote under each Yjs client id, as stored; admission adds the ids it lets a sender claim. */
  get clientIdOwners(): Map<number, string> {
    return this.clientOwners;
  }

  /** Closes the connections of sessions that ended (sign-out, expiry). */
  closeSessions(sessionIds: ReadonlySet<string>): void {
    for (const connection of Array.from(this.connections)) {
      if (!sessionIds.has(connection.sessionId)) continue;
      connection.close(CloseCode.unauthenticated, 'session ended');
      this.leave(connection);
    }
  }

  /** Text from elsewhere reaches this instance's connections as it is applied; it was committed where it came from. */
  private readonly forwardRelayed = (update: Uint8Array, origin: unknown): void => {
    if (origin !== relayedOrigin) return;
    const message = syncMessage((encoder) => syncProtocol.writeUpdate(encoder, update));
    for (const connection of this.connections) connection.sendText(message);
  };

  /**
   * Text another instance committed: applied here and passed on to this instance's connections.
   * `owners` says who wrote under the client ids it uses first, as the store recorded them.
   */
  applyCommitted(relayedUpdate: Uint8Array, owners: readonly (readonly [clientId: number, userId: string])[]): void {
    if (this.destroyed) return;
    // The store keeps the first writer of an id; so does this room, whatever arrives first.
    for (const [clientId, userId] of owners) if (!this.clientOwners.has(clientId)) this.clientOwners.set(clientId, userId);
    const update = ownBytes(relayedUpdate);
    // Messages of different instances can overtake one another; the store holds all of them.
    if (!hasDependencies(this.doc, update)) {
      this.catchUp().catch((error: unknown) => this.deps.logger.warn({ err: error, letterId: this.letterId }, 'catching up failed'));
      return;
    }
    Y.applyUpdate(this.doc, update, relayedOrigin);
    this.stored.keep(update);
    this.noteApplied(relayedOrigin);
  }

  /**
   * Applies what the store holds and this document lacks: text other instances committed that
   * did not reach this one (a Redis outage, a message overtaken). Resolves after a read of the
   * store that began after the call.
   */
  catchUp(): Promise<void> {
    return this.catchUps.request();
  }

  private async readStoredText(): Promise<void> {
    // Only what was stored since the last read, unless a compaction merged part of it away meanwhile.
    const since = await this.deps.store.text.loadTextSince(this.letterId, this.readThrough);
    if (this.destroyed) return;
    if (since === null) return this.readWholeStoredText();
    for (const [clientId, userId] of since.clientOwners) if (!this.clientOwners.has(clientId)) this.clientOwners.set(clientId, userId);
    if (since.updates.length > 0) {
      this.doc.transact(() => {
        for (const update of since.updates) Y.applyUpdate(this.doc, update);
      }, relayedOrigin);
      // Some of them may be kept already (committed here or relayed): kept again, they merge away.
      for (const update of since.updates) this.stored.keep(update);
      this.noteApplied(relayedOrigin);
    }
    this.readThrough = Math.max(this.readThrough, since.lastSeq);
    this.storedThrough = Math.max(this.storedThrough, since.lastSeq);
  }

  private async readWholeStoredText(): Promise<void> {
    const text = await this.deps.store.text.loadText(this.letterId);
    if (this.destroyed) return;
    for (const [clientId, userId] of text.clientOwners) if (!this.clientOwners.has(clientId)) this.clientOwners.set(clientId, userId);
    this.doc.transact(() => {
      if (text.snapshot) Y.applyUpdate(this.doc, text.snapshot);
      for (const update of text.updates) Y.applyUpdate(this.doc, update);
    }, relayedOrigin);
    // What the store held may overlap what is kept: keep the document's state instead (rare: after a gap).
    this.stored.replace(Y.encodeStateAsUpdate(this.doc));
    this.noteApplied(relayedOrigin);
    this.readThrough = Math.max(this.readThrough, text.lastSeq);
    this.storedThrough = Math.max(this.storedThrough, text.lastSeq);
  }

  /**
   * The newest stored update this document is known to hold: loaded, caught up or committed here.
   * Text relayed from other instances may be newer; a check that must cover everything stored
   * catches up first (see RoomRegistry.readText).
   */
  get storedThroughSeq(): number {
    return this.storedThrough;
  }

  /** Runs `run` once every update applied so far is committed, or `fail` if the store refuses them. */
  private whenCommitted(run: () => void, fail: (error: Error) => void = () => {}): void {
    if (!this.hasUncommitted) run();
    else this.waiters.push({ target: this.appliedCount, run, fail });
  }

  /** The commit queue stored `entries` (in order) under `seqs`. */
  committed(entries: PendingUpdate[], seqs: number[]): void {
    if (this.destroyed) return;
    this.storedThrough = Math.max(this.storedThrough, ...seqs);
    this.committedCount += entries.length;
    for (const entry of entries) this.stored.keep(entry.update);
    for (const entry of entries) {
      const message = syncMessage((encoder) => syncProtocol.writeUpdate(encoder, entry.update));
      for (const connection of this.connections) if (connection !== entry.connection) connection.sendText(message);
    }
    for (const connection of this.connections) {
      const frame = connection.confirmations.takeCovered(this.committedCount);
      if (frame !== null) connection.send(writeSavedMessage(frame));
    }
    for (const extension of this.extensions) extension.committed?.(entries, seqs);
    const ready = this.waiters.filter((waiter) => waiter.target <= this.committedCount);
    this.waiters.splice(0, this.waiters.length, ...this.waiters.filter((waiter) => waiter.target > this.committedCount));
    for (const waiter of ready) waiter.run();
  }

  /** The store refused a batch: this document holds text the store does not, so start afresh. */
  commitFailed(error: unknown): void {
    if (this.destroyed) return;
    if (error instanceof TextReadOnly) {
      // Another instance marked the letter ready before it heard of these edits. Reconnecting
      // clients find the text read-only and are told their change was refused (4403).
      this.deps.logger.warn({ letterId: this.letterId }, 'edits arrived after the letter was marked ready elsewhere; not stored, closing room');
    } else {
      this.deps.logger.error({ err: error, letterId: this.letterId }, 'commit failed; closing room');
    }
    this.deps.onBroken(this);
    // Whoever waits for these updates (a sign-off, a restore) hears of it instead of waiting for ever.
    for (const waiter of this.waiters.splice(0)) waiter.fail(storeUnavailable());
  }

  /** Resolves once the extensions' background work (a compaction) is done; it never rejects. */
  async compacted(): Promise<void> {
    await Promise.all(this.extensions.map((extension) => extension.idle?.()));
  }

  /** Closes every connection with `code` and frees the document. */
  destroy(code: CloseCode, reason: string): void {
    if (this.destroyed) return;
    this.destroyed = true;
    for (const waiter of this.waiters.splice(0)) waiter.fail(storeUnavailable());
    for (const connection of this.connections) connection.close(code, reason);
    this.connections.clear();
    for (const extension of this.extensions) extension.destroyed?.();
    if (this.live) {
      this.live.off('update', this.forwardRelayed);
      this.live.destroy();
    }
    this.live = null;
  }

  get isDestroyed(): boolean {
    return this.destroyed;
  }
}

function storeUnavailable(): AppError {
  return AppError.storeUnavailable('The server could not save the latest changes to this letter. Try again in a moment.');
}

/** A client id nobody has written under in this document. */
function freshClientId(doc: Y.Doc): number {
  for (;;) {
    const candidate = Math.floor(Math.random() * 0xffffffff) >>> 0;
    if (Y.getState(doc.store, candidate) === 0) return candidate;
  }
}
