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

/**
 * Re-encodes an awareness update so that it can only speak for this connection: each client id
 * must be the connection's own (claimed on first use, never one another connection holds), and the
 * `user` field is replaced by the identity the server authenticated.
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
    const sanitized =
      state !== null && typeof state === 'object' && !Array.isArray(state)
        ? { ...(state as Record<string, unknown>), user: presenceOf(connection) }
        : null;
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, JSON.stringify(sanitized));
  }
  return encoding.toUint8Array(encoder);
}
