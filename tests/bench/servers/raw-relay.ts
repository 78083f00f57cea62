import http from 'node:http';
import * as encoding from 'lib0/encoding';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { announceListening, letterFolderVariable, readLetterFile } from './letter-files.js';

/**
 * The floor any server can reach: frames are forwarded, byte for byte, to the other sockets of the
 * same room. Nothing is decoded, applied or stored. A joiner gets the room's stored state as one
 * ready-made sync answer (read once when the room opens and cached), so that a y-websocket client
 * counts as synced. It is not a correct server: later edits are not added to that answer.
 */
interface RelayRoom {
  sockets: Set<WebSocket>;
  greeting: Uint8Array;
}

const syncMessage = 0;
const syncStep1 = 0;
const syncStep2 = 1;
/** An empty Yjs update: what a letter with nothing stored answers. */
const emptyUpdate = new Uint8Array([0, 0]);

const folder = process.env[letterFolderVariable];
const rooms = new Map<string, RelayRoom>();

function greetingFor(letterId: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, syncMessage);
  encoding.writeVarUint(encoder, syncStep2);
  encoding.writeVarUint8Array(encoder, readLetterFile(folder, letterId) ?? emptyUpdate);
  return encoding.toUint8Array(encoder);
}

function openRoom(letterId: string): RelayRoom {
  const existing = rooms.get(letterId);
  if (existing) return existing;
  const room = { sockets: new Set<WebSocket>(), greeting: greetingFor(letterId) };
  rooms.set(letterId, room);
  return room;
}

const sockets = new WebSocketServer({ noServer: true });
const server = http.createServer((_request, response) => response.end('relay'));
server.on('upgrade', (request, socket, head) => {
  sockets.handleUpgrade(request, socket, head, (ws) => {
    const letterId = decodeURIComponent((request.url ?? '/').slice(1).split('?')[0] ?? '');
    const room = openRoom(letterId);
    room.sockets.add(ws);
    ws.send(room.greeting);
    ws.on('message', (data: RawData, isBinary: boolean) => {
      const frame = data as Buffer;
      // A sync step 1 asks the server for what it has: the greeting already answered it.
      if (frame[0] === syncMessage && frame[1] === syncStep1) return;
      for (const other of room.sockets) if (other !== ws && other.readyState === other.OPEN) other.send(frame, { binary: isBinary });
    });
    ws.on('close', () => {
      room.sockets.delete(ws);
      if (room.sockets.size === 0) rooms.delete(letterId);
    });
  });
});
server.listen(Number(process.env['PORT'] ?? 0), '127.0.0.1', () => {
  const address = server.address();
  announceListening(typeof address === 'object' && address ? address.port : 0);
});
