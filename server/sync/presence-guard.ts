import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type * as Y from 'yjs';
import { bodyFieldName } from '../../shared/domain/editor-extensions.js';
import { CloseCode } from '../../shared/protocol/close-codes.js';
import { checkPresenceCursor, maxPresenceEntryLength } from '../../shared/protocol/presence-state.js';
import type { Connection } from './connection.js';
import { ProtocolViolation } from './protocol-violation.js';

/**
 * Who holds a presence client id: a connection of this instance, or (scaled out) one of another
 * instance, which counts as closed here so that only the same person can take the id over.
 */
export interface PresenceOwner {
  readonly user: { readonly id: string };
  readonly isClosed: boolean;
  readonly awarenessClients: Set<number>;
}

/** How many awareness client ids one connection may use (one per Y.Doc; a few for safety). */
const maxClientsPerConnection = 4;

/** The presence the server shows for a connection: always the authenticated identity. */
export function presenceOf(connection: Connection): { name: string; color: string; office: string; officeId: string; country: string } {
  const { user } = connection;
  // With four ministries of the interior among the offices, only the country tells people apart.
  return { name: user.name, color: user.office.color, office: user.office.nameEn, officeId: user.office.id, country: user.office.country };
}

/** A `user` field that names anyone but the authenticated person (name, office, country) is a spoof. */
function claimsAnotherIdentity(claimed: unknown, connection: Connection): boolean {
  if (claimed === undefined || claimed === null) return false;
  if (typeof claimed !== 'object') return true;
  const shown = presenceOf(connection);
  const { name, office, officeId, country } = claimed as Record<string, unknown>;
  return (
    (name !== undefined && name !== shown.name) ||
    (office !== undefined && office !== shown.office) ||
    (country !== undefined && country !== shown.country) ||
    (officeId !== undefined && officeId !== shown.officeId)
  );
}

/**
 * The entry the server shows for a connection: its authenticated identity and, if the client
 * sent one, its caret, kept only when it decodes inside this letter's body (`null` otherwise, so
 * that the caret disappears). Every other field is dropped: presence is data, not trust.
 */
function shownPresence(state: Record<string, unknown>, connection: Connection, clientId: number, doc: () => Y.Doc): Record<string, unknown> {
  const shown: Record<string, unknown> = { user: presenceOf(connection) };
  if (!('cursor' in state)) return shown;
  // A browser renews its presence every 15 s with the same caret: checked once, not at each renewal.
  const json = JSON.stringify(state.cursor);
  const checked = connection.checkedCursor;
  if (checked?.clientId === clientId && checked.json === json) {
    shown.cursor = checked.shown;
    return shown;
  }
  shown.cursor = checkPresenceCursor(state.cursor, doc(), bodyFieldName);
  connection.checkedCursor = { clientId, json, shown: shown.cursor };
  return shown;
}

/**
 * Re-encodes an awareness update so that it can only speak for this connection. Entries for
 * client ids that another connection owns are dropped (unless it is the same person's earlier
 * connection, which a reconnect takes over): the stock y-websocket client echoes the
 * presence it receives, so they are not an attack, but they are never applied. Ids nobody owns
 * become this connection's (at most four), except ids someone else wrote text under
 * (`textOwnerOf`): showing one would get its writer's own text refused later, so such entries are
 * dropped too. A `user` field naming someone else is refused, and `user` is set to the identity
 * the server authenticated (a client that sends none still shows who it is). Only the fields the server knows pass, checked against `doc` (see shownPresence);
 * an entry longer than maxPresenceEntryLength closes the connection (1009). Returns null when
 * nothing is left to apply.
 */
export function sanitizePresence(
  update: Uint8Array,
  connection: Connection,
  owners: Map<number, PresenceOwner>,
  knownClock: (clientId: number) => number,
  /** Who wrote text under a client id in this letter, if anyone (see update admission). */
  textOwnerOf: (clientId: number) => string | undefined,
  /** The letter's document, asked for only when a caret must be checked against it. */
  doc: () => Y.Doc,
): Uint8Array | null {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const kept: { clientId: number; clock: number; state: unknown }[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const json = decoding.readVarString(decoder);
    if (json.length > maxPresenceEntryLength) throw new ProtocolViolation(CloseCode.tooLarge, 'presence entry too large');
    const state = JSON.parse(json) as unknown;
    let owner = owners.get(clientId);
    if (owner !== undefined && owner !== connection) {
      // The same person's document back on a new connection (a reconnect) takes its id over.
      const isReconnect = owner.user.id === connection.user.id && (owner.isClosed || clock > knownClock(clientId));
      if (!isReconnect) continue;
      owner.awarenessClients.delete(clientId);
      owners.delete(clientId);
      owner = undefined;
    }
    if (state !== null && (typeof state !== 'object' || Array.isArray(state))) {
      throw new ProtocolViolation(CloseCode.malformedMessage, 'presence is not an object');
    }
    if (state !== null && claimsAnotherIdentity((state as { user?: unknown }).user, connection)) {
      throw new ProtocolViolation(CloseCode.forbidden, 'presence claims another identity');
    }
    if (owner === undefined) {
      const textOwner = textOwnerOf(clientId);
      if (textOwner !== undefined && textOwner !== connection.user.id) continue;
      if (connection.awarenessClients.size >= maxClientsPerConnection) {
        throw new ProtocolViolation(CloseCode.forbidden, 'too many presence ids on one connection');
      }
      owners.set(clientId, connection);
      connection.awarenessClients.add(clientId);
    }
    kept.push({ clientId, clock, state: state === null ? null : shownPresence(state as Record<string, unknown>, connection, clientId, doc) });
  }
  if (kept.length === 0) return null;
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, kept.length);
  for (const entry of kept) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, JSON.stringify(entry.state));
  }
  return encoding.toUint8Array(encoder);
}
