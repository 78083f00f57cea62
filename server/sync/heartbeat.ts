import type { WebSocket, WebSocketServer } from 'ws';

/**
 * Pings every socket each `intervalMs` and drops the ones that did not answer the last ping, so
 * that connections lost without a close (a laptop lid, a dead NAT entry) leave their rooms.
 */
export function startHeartbeat(server: WebSocketServer, intervalMs = 30_000): () => void {
  const alive = new WeakSet<WebSocket>();
  server.on('connection', (socket) => {
    alive.add(socket);
    socket.on('pong', () => alive.add(socket));
  });
  const timer = setInterval(() => {
    for (const socket of server.clients) {
      if (!alive.has(socket)) {
        socket.terminate();
        continue;
      }
      alive.delete(socket);
      socket.ping();
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
