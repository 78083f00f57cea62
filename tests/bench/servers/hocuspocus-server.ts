import { Server } from '@hocuspocus/server';
import * as Y from 'yjs';
import { announceListening, letterFolderVariable, readLetterFile } from './letter-files.js';

/** @hocuspocus/server with its defaults, loading each letter's stored state when it is opened. */
const folder = process.env[letterFolderVariable];
const server = new Server({
  port: Number(process.env['PORT'] ?? 0),
  address: '127.0.0.1',
  quiet: true,
  async onLoadDocument({ documentName, document }) {
    const state = readLetterFile(folder, documentName);
    if (state) Y.applyUpdate(document, state);
    return document;
  },
});
await server.listen();
announceListening(server.address.port);
