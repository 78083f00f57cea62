import http from 'node:http';
import { setPersistence, setupWSConnection } from '@y/websocket-server/utils';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { announceListening, letterFolderVariable, readLetterFile } from './letter-files.js';

/**
 * @y/websocket-server as its own bin runs it, on a port the runner picks, with a persistence that
 * reads each letter's stored state when the letter is opened. With a persistence set, the server
 * also unloads a letter once its last client leaves, as a real deployment would.
 */
const folder = process.env[letterFolderVariable];
setPersistence({
  provider: null,
  bindState: (letterId: string, doc: Y.Doc) => {
    const state = readLetterFile(folder, letterId);
    if (state) Y.applyUpdate(doc, state);
  },
  writeState: async () => {},
});

const sockets = new WebSocketServer({ noServer: true });
sockets.on('connection', setupWSConnection);
const server = http.createServer((_request, response) => response.end('okay'));
server.on('upgrade', (request, socket, head) => {
  sockets.handleUpgrade(request, socket, head, (ws) => sockets.emit('connection', ws, request));
});
server.listen(Number(process.env['PORT'] ?? 0), '127.0.0.1', () => {
  const address = server.address();
  announceListening(typeof address === 'object' && address ? address.port : 0);
});
