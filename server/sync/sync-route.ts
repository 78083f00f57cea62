import { upgradeWebSocket } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context } from 'hono';
import type { WebSocket } from 'ws';
import { uuidSchema } from '../../shared/api/ids.js';
import type { SessionUser } from '../../shared/api/session.js';
import { hasPermission, maySuggest, Permission } from '../../shared/domain/permissions.js';
import type { Role } from '../../shared/domain/roles.js';
import { CloseCode } from '../../shared/protocol/close-codes.js';
import { generationParameter } from '../../shared/protocol/text-generation-message.js';
import type { AppEnv } from '../http/app-env.js';
import { isSameSiteOrigin } from '../http/origin-policy.js';
import type { Logger } from '../logger.js';
import { Connection, type SocketLike } from './connection.js';
import { EarlyFrames } from './early-frames.js';
import type { FrameThrottle } from './frame-throttle.js';
import { ProtocolViolation } from './protocol-violation.js';
import type { Room } from './room.js';
import type { RoomRegistry } from './room-registry.js';
import { SessionWatch, type RenewSession } from './session-watch.js';
import type { ConnectionOwner, SyncBudgets } from './sync-budgets.js';
import { SyncRequestBudget } from './sync-request-budget.js';

export interface SyncRouteDeps {
  registry: RoomRegistry;
  rolesOf: (user: SessionUser, letterId: string) => Promise<Role[]>;
  allowedOrigins: string[];
  logger: Logger;
  /** When a session ends; each connection closes with 4401 at that moment (see SessionWatch). */
  renewSession: RenewSession;
  budgets: SyncBudgets;
  /** Told once per connection that a frame was refused and the connection closed: the audit trail records it. */
  onRefused?: (refusal: { letterId: string; user: SessionUser; code: CloseCode; reason: string }) => void;
}

type Admission =
  | {
      admitted: true;
      user: SessionUser;
      sessionId: string;
      sessionEndsAt: number;
      letterId: string;
      canEdit: boolean;
      /** Whether the person may propose changes (rule S13); without canEdit, the connection is suggest-only. */
      canSuggest: boolean;
      address: string;
      /** The text generation the client's copy belongs to, if it named one. */
      claimedGeneration: string | null;
    }
  | { admitted: false; code: CloseCode; reason: string };

/**
 * A browser always sends Origin on a websocket upgrade: one from another site is cross-site
 * hijacking, and none at all (or an empty one, which arrives as none) is not a page of this site.
 */
function isOriginAllowed(c: Context<AppEnv>, allowedOrigins: string[]): boolean {
  const origin = c.req.header('origin');
  return origin !== undefined && isSameSiteOrigin(origin, c.get('ownOrigin'), allowedOrigins);
}

async function admit(c: Context<AppEnv>, deps: SyncRouteDeps): Promise<Admission> {
  if (!isOriginAllowed(c, deps.allowedOrigins)) return { admitted: false, code: CloseCode.forbidden, reason: 'origin not allowed' };
  const user = c.get('user');
  const sessionId = c.get('sessionId');
  if (!user || !sessionId) return { admitted: false, code: CloseCode.unauthenticated, reason: 'no valid session' };
  const letterId = c.req.param('letterId') ?? '';
  if (!uuidSchema.safeParse(letterId).success) return { admitted: false, code: CloseCode.letterNotFound, reason: 'no such letter' };
  // The person's join budget (SYNC_JOINS_PER_MINUTE) is charged here, before the roles, the session's
  // renewal, the letter state and the comment threads are read for this socket: someone opening and
  // closing sockets in a loop is refused before costing the store anything more. Refused with 1013
  // after the upgrade, not with HTTP 429 at it: a browser cannot tell a refused upgrade from a
  // network error, whereas 1013 tells the client to reconnect after a pause (with its backoff) and
  // lets it say why. Counted before the connection limits, so attempts refused for those count too.
  if (!deps.budgets.join(user.id)) {
    deps.logger.warn({ letterId, userId: user.id, reason: 'too many joins' }, 'refusing connection');
    return { admitted: false, code: CloseCode.tryAgainLater, reason: 'too many letters joined too fast' };
  }
  const roles = await deps.rolesOf(user, letterId);
  if (roles.length === 0) return { admitted: false, code: CloseCode.letterNotFound, reason: 'no such letter' };
  const sessionEndsAt = await deps.renewSession(sessionId, null);
  if (sessionEndsAt === null) return { admitted: false, code: CloseCode.unauthenticated, reason: 'no valid session' };
  const address = getConnInfo(c).remote.address ?? 'unknown';
  const claimedGeneration = c.req.query(generationParameter) ?? null;
  return {
    admitted: true,
    user,
    sessionId,
    sessionEndsAt,
    letterId,
    canEdit: hasPermission(roles, Permission.editText),
    canSuggest: maySuggest(roles),
    address,
    claimedGeneration,
  };
}

/**
 * The real socket as the sync code sees it. A socket that still holds more than
 * `maxBufferedBytes` unsent when the next message comes belongs to a client that stopped reading:
 * it is dropped at once (terminate, not a close handshake it would never read), which frees what
 * was buffered for it without delaying anyone. Checked before sending, so that one message larger
 * than the limit (the whole of a long letter, to a joiner) still goes out.
 */
function adaptSocket(raw: WebSocket, maxBufferedBytes: number, onOverflow: () => void): SocketLike {
  return {
    send(data) {
      if (raw.bufferedAmount <= maxBufferedBytes) return raw.send(data);
      onOverflow();
      raw.terminate();
    },
    close: (code, reason) => raw.close(code, reason),
    get isOpen() {
      return raw.readyState === raw.OPEN;
    },
  };
}

/**
 * Hands one frame to the room. A frame the room refuses costs its sender the connection with the
 * documented code; a fault of the server's closes it with 4500 (reconnect and resend) and is logged as an error.
 */
export function receiveFrame(
  room: Room,
  connection: Connection,
  frame: Uint8Array,
  logger: Logger,
  onRefused?: SyncRouteDeps['onRefused'],
): void {
  try {
    room.receive(connection, frame);
  } catch (error) {
    refuseFrame(room, connection, error, logger, onRefused);
  }
}

/** Closes a connection whose frame was refused (a ProtocolViolation), or failed the server (anything else: 4500). */
export function refuseFrame(room: Room, connection: Connection, error: unknown, logger: Logger, onRefused?: SyncRouteDeps['onRefused']): void {
  const violation = error instanceof ProtocolViolation ? error : new ProtocolViolation(CloseCode.storeFailure, 'the server failed to handle the message');
  if (!(error instanceof ProtocolViolation)) logger.error({ err: error, letterId: room.letterId }, 'unexpected error handling a frame');
  // Only the sender's own refused frames are its doing; a fault of the server's is not audited against it.
  // Over a budget (1013) is logged, not audited, like the route's own budget refusals.
  else if (violation.code !== CloseCode.tryAgainLater) onRefused?.({ letterId: room.letterId, user: connection.user, code: violation.code, reason: violation.message });
  logger.warn({ letterId: room.letterId, userId: connection.user.id, code: violation.code, reason: violation.message }, 'closing connection');
  connection.close(violation.code, violation.message);
  room.leave(connection);
}

/**
 * `/sync/:letterId`: the y-websocket protocol. Refusals are sent as close codes right after the
 * upgrade, before any document data, so every client can tell the person why; that holds for
 * the connection limits too (4429), which a browser could not tell from a network error if the
 * upgrade itself were answered with 429. Every frame passes the connection's budget before the
 * room sees it.
 */
export function syncRoutes(deps: SyncRouteDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get(
    '/sync/:letterId',
    upgradeWebSocket(async (c) => {
      const admission = await admit(c, deps);
      const { budget } = deps.budgets;
      let connection: Connection | null = null;
      let room: Room | null = null;
      let watch: SessionWatch | null = null;
      /** Frames that arrived once the session reached its end, until it is known whether it goes on. */
      const held: Uint8Array[] = [];
      let throttle: FrameThrottle | null = null;
      let owner: ConnectionOwner | null = null;
      const early = new EarlyFrames(budget.maxEarlyFrames, budget.maxEarlyBytes);

      /** Closes the connection for exceeding a budget; the room, if any, lets it go. */
      const refuse = (code: CloseCode, reason: string) => {
        if (!connection || connection.isClosed) return;
        deps.logger.warn({ letterId: room?.letterId, userId: connection.user.id, code, reason }, 'closing connection');
        connection.close(code, reason);
        if (room) room.leave(connection);
      };

      const handle = (frame: Uint8Array) => {
        if (!connection || !room || connection.isClosed) return;
        receiveFrame(room, connection, frame, deps.logger, deps.onRefused);
      };

      /** Passes a frame through the connection's budget to the room. */
      const throttleFrame = (frame: Uint8Array) => {
        if (throttle && !throttle.push(frame)) refuse(CloseCode.tryAgainLater, 'too many changes too fast');
      };

      const deliver = (frame: Uint8Array) => {
        if (room) throttleFrame(frame);
        else if (!early.push(frame)) refuse(CloseCode.tryAgainLater, 'too many frames while the letter loads');
      };

      const release = async (sessionWatch: SessionWatch) => {
        const goesOn = await sessionWatch.check();
        const frames = held.splice(0);
        if (goesOn) for (const frame of frames) deliver(frame);
      };

      return {
        onOpen(_event, ws) {
          if (!admission.admitted) {
            ws.close(admission.code, admission.reason);
            return;
          }
          const candidate = { sessionId: admission.sessionId, userId: admission.user.id, address: admission.address, letterId: admission.letterId };
          const opened = deps.budgets.open(candidate, handle);
          if ('refused' in opened) {
            deps.logger.warn({ letterId: admission.letterId, userId: admission.user.id, reason: opened.refused }, 'refusing connection');
            ws.close(CloseCode.tooManyConnections, opened.refused);
            return;
          }
          owner = candidate;
          throttle = opened.throttle;
          const raw = ws.raw as WebSocket;
          const socket = adaptSocket(raw, budget.maxBufferedBytes, () =>
            deps.logger.warn(
              { letterId: admission.letterId, userId: admission.user.id, code: CloseCode.tryAgainLater, bufferedBytes: raw.bufferedAmount },
              'dropping a connection that does not read',
            ),
          );
          const open = new Connection(socket, admission.user, admission.sessionId, admission.canEdit);
          open.claimedGeneration = admission.claimedGeneration;
          open.canSuggest = admission.canSuggest;
          open.presenceRate = budget.presence;
          open.refuseLater = (error) => {
            if (room && !open.isClosed) refuseFrame(room, open, error, deps.logger, deps.onRefused);
          };
          open.syncRequests = new SyncRequestBudget(budget.resyncBytes, undefined, opened.resync);
          open.stateRequests = opened.stateRequests;
          open.newClientIds = opened.newClientIds;
          connection = open;
          watch = new SessionWatch(
            admission.sessionId,
            admission.sessionEndsAt,
            () => open.lastUsedAt,
            deps.renewSession,
            (code) => {
              open.close(code, 'session ended');
              room?.leave(open);
            },
          );
          deps.registry.join(admission.letterId, open).then(
            (joined) => {
              room = joined;
              if (open.isClosed) return joined.leave(open);
              for (const frame of early.take()) throttleFrame(frame);
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
          // Nothing is handled past the session's end unless the session turns out to go on.
          if (held.length > 0 || !watch!.isAccepting) {
            held.push(frame);
            if (held.length === 1) void release(watch!);
            return;
          }
          deliver(frame);
        },
        onClose() {
          watch?.stop();
          if (!connection) return;
          connection.markClosed();
          throttle?.stop();
          if (owner) deps.budgets.close(owner);
          owner = null;
          room?.leave(connection);
        },
      };
    }),
  );
  return routes;
}
