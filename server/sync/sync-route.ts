import { upgradeWebSocket } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import type { WebSocket } from 'ws';
import { uuidSchema } from '../../shared/api/ids.js';
import type { SessionUser } from '../../shared/api/session.js';
import { hasPermission, Permission } from '../../shared/domain/permissions.js';
import type { Role } from '../../shared/domain/roles.js';
import { CloseCode } from '../../shared/protocol/close-codes.js';
import type { AppEnv } from '../http/app-env.js';
import { isSameSiteOrigin } from '../http/origin-policy.js';
import type { Logger } from '../logger.js';
import { Connection } from './connection.js';
import { ProtocolViolation } from './protocol-violation.js';
import type { Room } from './room.js';
import type { RoomRegistry } from './room-registry.js';

export interface SyncRouteDeps {
  registry: RoomRegistry;
  rolesOf: (user: SessionUser, letterId: string) => Promise<Role[]>;
  allowedOrigins: string[];
  logger: Logger;
}

/** Frames kept while the letter opens; a y-websocket client sends a handful, so these are generous. */
const maxEarlyFrames = 256;
const maxEarlyBytes = 8 * 1024 * 1024;

type Admission =
  | { admitted: true; user: SessionUser; sessionId: string; letterId: string; canEdit: boolean }
  | { admitted: false; code: CloseCode; reason: string };

/** A browser always sends Origin on a websocket; one from another site is cross-site hijacking. */
function isOriginAllowed(c: Context<AppEnv>, allowedOrigins: string[]): boolean {
  const origin = c.req.header('origin');
  return origin === undefined || isSameSiteOrigin(origin, c.req.header('host'), allowedOrigins);
}

async function admit(c: Context<AppEnv>, deps: SyncRouteDeps): Promise<Admission> {
  if (!isOriginAllowed(c, deps.allowedOrigins)) return { admitted: false, code: CloseCode.forbidden, reason: 'origin not allowed' };
  const user = c.get('user');
  const sessionId = c.get('sessionId');
  if (!user || !sessionId) return { admitted: false, code: CloseCode.unauthenticated, reason: 'no valid session' };
  const letterId = c.req.param('letterId') ?? '';
  if (!uuidSchema.safeParse(letterId).success) return { admitted: false, code: CloseCode.letterNotFound, reason: 'no such letter' };
  const roles = await deps.rolesOf(user, letterId);
  if (roles.length === 0) return { admitted: false, code: CloseCode.letterNotFound, reason: 'no such letter' };
  return { admitted: true, user, sessionId, letterId, canEdit: hasPermission(roles, Permission.editText) };
}

/**
 * Hands one frame to the room. A frame the room refuses costs its sender the connection with the
 * documented code; a fault of the server's closes it with 4500 (reconnect and resend) and is logged as an error.
 */
export function receiveFrame(room: Room, connection: Connection, frame: Uint8Array, logger: Logger): void {
  try {
    room.receive(connection, frame);
  } catch (error) {
    const violation =
      error instanceof ProtocolViolation ? error : new ProtocolViolation(CloseCode.storeFailure, 'the server failed to handle the message');
    if (!(error instanceof ProtocolViolation)) logger.error({ err: error, letterId: room.letterId }, 'unexpected error handling a frame');
    logger.warn({ letterId: room.letterId, userId: connection.user.id, code: violation.code, reason: violation.message }, 'closing connection');
    connection.close(violation.code, violation.message);
    room.leave(connection);
  }
}

/**
 * `/sync/:letterId`: the y-websocket protocol. Refusals are sent as close codes right after the
 * upgrade, before any document data, so every client can tell the person why.
 */
export function syncRoutes(deps: SyncRouteDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get(
    '/sync/:letterId',
    upgradeWebSocket(async (c) => {
      const admission = await admit(c, deps);
      let connection: Connection | null = null;
      let room: Room | null = null;
      const early: Uint8Array[] = [];
      let earlyBytes = 0;

      const handle = (frame: Uint8Array) => {
        if (!connection || !room || connection.isClosed) return;
        receiveFrame(room, connection, frame, deps.logger);
      };

      return {
        onOpen(_event, ws) {
          if (!admission.admitted) {
            ws.close(admission.code, admission.reason);
            return;
          }
          const raw = ws.raw as WebSocket;
          const open = new Connection(
            {
              send: (data) => raw.send(data),
              close: (code, reason) => raw.close(code, reason),
              get isOpen() {
                return raw.readyState === raw.OPEN;
              },
            },
            admission.user,
            admission.sessionId,
            admission.canEdit,
          );
          connection = open;
          deps.registry.join(admission.letterId, open).then(
            (joined) => {
              room = joined;
              if (open.isClosed) return joined.leave(open);
              for (const frame of early.splice(0)) handle(frame);
            },
            (error: unknown) => {
              deps.logger.error({ err: error, letterId: admission.letterId }, 'could not open letter');
              open.close(CloseCode.storeFailure, 'could not open the letter');
            },
          );
        },
        onMessage(event) {
          if (!connection || connection.isClosed) return;
          if (!(event.data instanceof ArrayBuffer)) {
            connection.close(CloseCode.malformedMessage, 'text frames are not part of the protocol');
            if (room) room.leave(connection);
            return;
          }
          const frame = new Uint8Array(event.data);
          if (room) return handle(frame);
          earlyBytes += frame.byteLength;
          if (early.length >= maxEarlyFrames || earlyBytes > maxEarlyBytes) {
            // A client does not need to say this much before the letter is open; the buffer must not grow without end.
            connection.close(CloseCode.updateRefused, 'too many messages before the letter opened');
            early.length = 0;
            return;
          }
          early.push(frame);
        },
        onClose() {
          if (!connection) return;
          connection.markClosed();
          room?.leave(connection);
        },
      };
    }),
  );
  return routes;
}
