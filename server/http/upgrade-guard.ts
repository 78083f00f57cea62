import type { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

type UpgradeListener = (request: IncomingMessage, socket: Duplex, head: Buffer) => void;

/** Only websockets are offered; an `Upgrade:` header naming anything else (h2c, a typo) is refused. */
function isWebSocketUpgrade(request: IncomingMessage): boolean {
  return request.headers.upgrade?.trim().toLowerCase() === 'websocket';
}

/** Answers 426 naming the one protocol offered, then closes the socket once the answer is out. */
function refuseUpgrade(socket: Duplex): void {
  socket.on('error', () => socket.destroy());
  const body = 'Only websocket upgrades are accepted.\n';
  socket.end(
    `HTTP/1.1 426 Upgrade Required\r\nUpgrade: websocket\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
    () => socket.destroy(),
  );
}

/**
 * Node hands every request with an `Upgrade:` header to the `upgrade` listeners and nothing else;
 * @hono/node-server's listener ignores any that are not websockets, so such a request was never
 * answered and its socket never released. This answers them with 426 and closes the socket.
 *
 * The guard replaces the existing listener with one that calls it, instead of adding a second
 * one: @hono/node-server rejects refused websocket upgrades itself only while it is the sole
 * `upgrade` listener.
 */
export function guardUpgrades(server: EventEmitter): void {
  const listeners = server.listeners('upgrade') as UpgradeListener[];
  server.removeAllListeners('upgrade');
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!isWebSocketUpgrade(request)) {
      refuseUpgrade(socket);
      return;
    }
    for (const listener of listeners) listener(request, socket, head);
  });
}
