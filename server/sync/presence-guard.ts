import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { CloseCode } from '../../shared/protocol/close-codes.js';
import type { Connection } from './connection.js';
import { ProtocolViolation } from './protocol-violation.js';

/** How many awareness client ids one connection may use (one per Y.Doc; a few for safety). */
const maxClientsPerConnection = 4;

/** The presence the server shows for a connection: always the authenticated identity. */
export function presenceOf(connection: Connection): { name: string; color: string; office: string; officeId: string } {
  const { user } = connection;
  return { name: user.name, color: user.office.color, office: user.office.nameEn, officeId: user.office.id };
}

/** A `user` field that names anyone but the authenticated person (name, office) is a spoof. */
function claimsAnotherIdentity(claimed: unknown, connection: Connection): boolean {
  if (claimed === undefined || claimed === null) return false;
  if (typeof claimed !== 'object') return true;
  const shown = presenceOf(connection);
  const { name, office, officeId } = claimed as Record<string, unknown>;
  return (
    (name !== undefined && name !== shown.name) ||
    (office !== undefined && office !== shown.office) ||
    (officeId !== undefined && officeId !== shown.officeId)
  );
}

/**
 * Re-encodes an awareness update so that it can only speak for this connection: each client id
 * must be the connection's own (claimed on first use, never one another connection holds), a
 * `user` field naming someone else is refused, and `user` is set to the identity the server
 * authenticated (so a client that sends none still shows who it is).
 */
export function sanitizePresence(
  update: Uint8Array,
  connection: Connection,
  isClaimedByOther: (clientId: number) => boolean,
): Uint8Array {
  const decoder = decoding.createDecoder(update);
  const encoder = encoding.createEncoder();
  const count = decoding.readVarUint(decoder);
  encoding.writeVarUint(encoder, count);
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const state = JSON.parse(decoding.readVarString(decoder)) as unknown;
    if (!connection.awarenessClients.has(clientId)) {
      if (isClaimedByOther(clientId)) {
        throw new ProtocolViolation(CloseCode.forbidden, 'presence names another connection');
      }
      if (connection.awarenessClients.size >= maxClientsPerConnection) {
        throw new ProtocolViolation(CloseCode.forbidden, 'too many presence ids on one connection');
      }
      connection.awarenessClients.add(clientId);
    }
    if (state !== null && (typeof state !== 'object' || Array.isArray(state))) {
      throw new ProtocolViolation(CloseCode.malformedMessage, 'presence is not an object');
    }
    if (state !== null && claimsAnotherIdentity((state as { user?: unknown }).user, connection)) {
      throw new ProtocolViolation(CloseCode.forbidden, 'presence claims another identity');
    }
    const sanitized = state === null ? null : { ...(state as Record<string, unknown>), user: presenceOf(connection) };
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, JSON.stringify(sanitized));
  }
  return encoding.toUint8Array(encoder);
}
