import type { WebSocketServer } from 'ws';

/**
 * Resolves once every socket of `server` has finished its closing handshake, or after `withinMs`,
 * when those still open are cut. A close frame is written to the socket asynchronously: a process
 * that exits right after asking for the close may end before the frame leaves, and the client then
 * sees an abnormal closure (1006) instead of the server's "going away" (1001).
 */
export async function closingSockets(server: WebSocketServer, withinMs: number): Promise<void> {
  const open = Array.from(server.clients).filter((socket) => socket.readyState !== socket.CLOSED);
  if (open.length === 0) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const closed = Promise.all(open.map((socket) => new Promise<void>((resolve) => socket.once('close', () => resolve()))));
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), withinMs);
  });
  if ((await Promise.race([closed, late])) === 'late') for (const socket of server.clients) socket.terminate();
  clearTimeout(timer);
}
