import * as Y from 'yjs';
import { bodyFieldName } from '../../shared/domain/editor-extensions.js';
import { defaultLetterLimits, type LetterLimits } from '../../shared/domain/letter-limits.js';
import type { SuggestionLimits } from '../../shared/domain/suggestion-limits.js';
import { CloseCode } from '../../shared/protocol/close-codes.js';
import { Connection } from './connection.js';
import { LetterSize } from './letter-size.js';
import { ProtocolViolation } from './protocol-violation.js';
import type { AdmittedUpdate, ExtensionKey, RoomExtension } from './room-extension.js';
import { roomPresenceKey, type RoomPresence } from './room-presence.js';
import type { SchemaRules } from './schema-rules.js';
import { SuggestionGuard } from './suggestion-guard.js';
import type { TextGrowth } from './text-growth.js';
import {
  RefusalKind,
  UpdateRefusal,
  carriesNothingNew,
  checkUpdate,
  clientsWritten,
  decodeIncomingUpdate,
  type DecodedUpdate,
} from './update-guard.js';

/** What admission reads of its room (the Room class, seen through what admission needs of it). */
export interface AdmittingRoom {
  /** The letter's document, built on first use. */
  readonly doc: Y.Doc;
  /** Whether the letter's status keeps its text read-only just now (rule C5). */
  readonly isTextReadOnly: boolean;
  /** Which user wrote under each Yjs client id, as stored; admission adds the ids it lets a sender claim. */
  readonly clientIdOwners: Map<number, string>;
  /**
   * The room's extensions by key: presence's client ids count (one written under in text becomes
   * the writer's there too). A room without presence checks text ids only.
   */
  extension<T extends RoomExtension>(key: ExtensionKey<T>): T | undefined;
}

/** What admission asks of presence, if the room has it. */
type PresenceIds = Pick<RoomPresence, 'ownerOf' | 'claim'>;

export interface UpdateAdmissionOptions {
  /** The editor's schema, which every update must keep. */
  rules: SchemaRules;
  /** How large the letter may grow; the shared defaults when absent. */
  letterLimits?: LetterLimits;
  /** How many open suggestions a paragraph and the letter may hold; the shared defaults when absent. */
  suggestionLimits?: SuggestionLimits;
  /**
   * Other instances commit to the same store (scale-out): this room may not have heard yet of
   * text they committed. An update that builds on text, or writes under a client id, this room
   * has not heard of then waits for one read of the store before it is applied or refused.
   */
  storeMayBeAhead?: boolean;
}

/**
 * Decides, before the room applies it, whether an update from a connection may change the letter:
 * the connection's rights and the letter's status (4403), the update guard (integrity, schema,
 * paragraph ids: 4400 or 4422), the letter's size limits (4413), the suggestion rules (S13), and
 * the Yjs client ids it writes under (only the sender's own: 4403). An update that depends on the
 * client's pending sync answer, or on text committed elsewhere, is held until that answer or a
 * read of the store, within limits. A refusal is thrown as a ProtocolViolation with its
 * documented close code and costs only the sender; nothing of a refused update is applied.
 */
export function updateAdmission(room: AdmittingRoom, options: UpdateAdmissionOptions): RoomExtension {
  /** The letter's size, followed from the first update checked against the current document. */
  let size: { doc: Y.Doc; letterSize: LetterSize } | null = null;
  /** Checks the suggestions updates write (rule S13); it copies the letter only when an update needs it. */
  let suggestions: SuggestionGuard | null = null;
  /** The room's presence, found once every extension is built (see `loaded`). */
  let presence: PresenceIds | undefined;

  const letterSizeOf = (doc: Y.Doc): LetterSize => {
    if (size?.doc === doc) return size.letterSize;
    const letterSize = new LetterSize(doc, bodyFieldName, options.letterLimits ?? defaultLetterLimits);
    // Connections' updates count their paragraphs when admitted; any other change needs a recount.
    doc.on('update', (update: Uint8Array, origin: unknown) => letterSize.noteChange(update.length, origin instanceof Connection));
    size = { doc, letterSize };
    return letterSize;
  };

  const dropDocument = (): void => {
    suggestions?.destroy();
    suggestions = null;
    size = null;
  };

  /**
   * Holds an update that builds on text the room lacks for now (see HeldUpdates): before the
   * client's sync answer, and after it where the store may be ahead. False: refuse it now.
   */
  const mayHold = (connection: Connection, update: Uint8Array, error: unknown): boolean =>
    error instanceof UpdateRefusal &&
    error.kind === RefusalKind.missingDependencies &&
    (!connection.hasAnsweredSync || options.storeMayBeAhead === true) &&
    connection.held.hold(update, connection.hasAnsweredSync ? 'store' : 'answer');

  /**
   * Where the store may be ahead, a client id this room has not heard of may be someone's whose
   * text has not reached it: the first update under it waits for a read of the store (see HeldUpdates).
   */
  const claimsUnheardOf = (connection: Connection, doc: Y.Doc, decoded: DecodedUpdate): boolean => {
    if (!options.storeMayBeAhead || connection.held.isLastAttempt) return false;
    for (const clientId of clientsWritten(doc, decoded)) if (room.clientIdOwners.get(clientId) !== connection.user.id) return true;
    return false;
  };

  /** Suggestions carry their sender's name and office; a suggest-only sender writes nothing else (rule S13). */
  const checkSuggestions = (connection: Connection, doc: Y.Doc, decoded: DecodedUpdate): void => {
    const author = { userId: connection.user.id, name: connection.user.name, officeId: connection.user.office.id };
    suggestions ??= new SuggestionGuard(doc, bodyFieldName, options.suggestionLimits);
    suggestions.admit(decoded, author, connection.canEdit);
  };

  const admit = (connection: Connection, update: Uint8Array): AdmittedUpdate | null => {
    const decoded = decodeIncomingUpdate(update);
    if (decoded.isEmpty) return null;
    const { doc } = room;
    if (room.isTextReadOnly || !(connection.canEdit || connection.canSuggest)) {
      // A reconnecting reader resends what the server has; only something new is a write.
      if (carriesNothingNew(doc, update)) return null;
      throw new ProtocolViolation(CloseCode.forbidden, room.isTextReadOnly ? 'the letter text is read-only in its status' : 'this connection is read-only');
    }
    let growth: TextGrowth;
    try {
      growth = checkUpdate(doc, decoded, options.rules, bodyFieldName);
    } catch (error) {
      if (mayHold(connection, update, error)) return null;
      throw error;
    }
    const letterSize = letterSizeOf(doc);
    letterSize.check(update, growth);
    if (claimsUnheardOf(connection, doc, decoded)) {
      if (connection.held.hold(update, 'store')) return null;
      throw new ProtocolViolation(CloseCode.tryAgainLater, 'too many changes wait for text from another instance');
    }
    checkSuggestions(connection, doc, decoded);
    let newClientIds: number[];
    try {
      newClientIds = claimClients(room, presence, connection, doc, decoded);
      chargeNewClientIds(connection, newClientIds.length);
    } catch (error) {
      suggestions?.discard();
      throw error;
    }
    return {
      newClientIds,
      applied: () => {
        letterSize.noteApplied(growth);
        // The new ids become the sender's only with the update that claims them.
        for (const clientId of newClientIds) {
          room.clientIdOwners.set(clientId, connection.user.id);
          presence?.claim(clientId, connection);
        }
      },
      // Another admission refused it after this one passed: the suggestion guard's copy holds it, so it is dropped.
      abandoned: () => suggestions?.discard(),
    };
  };

  return {
    loaded() {
      presence = room.extension(roomPresenceKey);
    },
    docBuilt(doc) {
      // From here on, every change to the document counts towards its size.
      letterSizeOf(doc);
    },
    admitUpdate(connection, update) {
      try {
        return admit(connection, update);
      } catch (error) {
        if (error instanceof UpdateRefusal) throw new ProtocolViolation(refusalCloseCode(error.kind), error.message);
        throw error;
      }
    },
    docDropped: dropDocument,
    destroyed: dropDocument,
  };
}

/**
 * The client ids an update writes under must be the sender's: ones they wrote under before, or
 * new ones, which become theirs. A client id belongs to whoever first showed it, in presence or
 * in text: a tab announces its id in presence before it types, and nobody else may write under
 * it (nor announce it) from then on. Returns the new ones, to be stored with the update; they
 * are the sender's once it is applied.
 */
function claimClients(room: AdmittingRoom, presence: PresenceIds | undefined, connection: Connection, doc: Y.Doc, decoded: DecodedUpdate): number[] {
  const userId = connection.user.id;
  const owners = room.clientIdOwners;
  refuseOverlapWithOthers(owners, connection, doc, decoded);
  const claimed: number[] = [];
  for (const clientId of clientsWritten(doc, decoded)) {
    const presenceOwner = presence?.ownerOf(clientId);
    if (presenceOwner && presenceOwner.user.id !== userId) {
      throw new ProtocolViolation(CloseCode.forbidden, "the update writes under another person's client id");
    }
    const owner = owners.get(clientId);
    if (owner === userId) continue;
    if (owner !== undefined || Y.getState(doc.store, clientId) > 0) {
      throw new ProtocolViolation(CloseCode.forbidden, 'the update writes under another client id');
    }
    claimed.push(clientId);
  }
  return claimed;
}

/**
 * New client ids draw from the person's budget (SYNC_NEW_CLIENT_IDS_PER_HOUR): each one stays in
 * the letter for good, so a member writing under ever new ids would lengthen every state vector
 * the letter's members exchange. Beyond it: 1013, and the client resends once the budget allows.
 */
function chargeNewClientIds(connection: Connection, count: number): void {
  const budget = connection.newClientIds;
  if (count === 0 || !budget) return;
  if (!budget.holds(count)) throw new ProtocolViolation(CloseCode.tryAgainLater, 'too many new client ids for this person just now');
  budget.take(count);
}

/**
 * Text under a client id this connection shows as its own, where the server already holds text
 * under that id by someone else, would be skipped by Yjs as known and then confirmed as saved:
 * refuse it loudly instead.
 */
function refuseOverlapWithOthers(owners: ReadonlyMap<number, string>, connection: Connection, doc: Y.Doc, decoded: DecodedUpdate): void {
  for (const struct of decoded.structs) {
    const clientId = struct.id.client;
    if (!connection.awarenessClients.has(clientId) || struct.id.clock >= Y.getState(doc.store, clientId)) continue;
    const owner = owners.get(clientId);
    if (owner !== undefined && owner !== connection.user.id) {
      throw new ProtocolViolation(CloseCode.forbidden, 'someone else already wrote under this client id');
    }
  }
}

/** The documented close code of each kind of refused update (PROTOCOL.md). */
export function refusalCloseCode(kind: RefusalKind): CloseCode {
  if (kind === RefusalKind.malformed) return CloseCode.malformedMessage;
  if (kind === RefusalKind.tooLarge) return CloseCode.letterTooLarge;
  return CloseCode.updateRefused;
}
