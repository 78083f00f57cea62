import * as decoding from 'lib0/decoding';
import { onTestFinished } from 'vitest';
import { WebSocket } from 'ws';
import { pageOriginOf } from './raw-socket.js';
import { Awareness, applyAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { MessageType } from '../../../shared/protocol/message-types.js';
import type { ServerProcess } from './server-process.js';
import type { Session } from './sign-in.js';

/**
 * Listens to the presence the server broadcasts on a letter and sends nothing back, so what it
 * sees is exactly what the server shows to everyone. Closed when the test ends.
 */
export class PresenceWatcher {
  readonly awareness = new Awareness(new Y.Doc());
  private readonly socket: WebSocket;

  constructor(server: ServerProcess, session: Session, letterId: string) {
    this.awareness.setLocalState(null);
    const url = `${server.syncUrl}/${letterId}`;
    this.socket = new WebSocket(url, { headers: { cookie: session.cookie }, origin: pageOriginOf(url) });
    this.socket.binaryType = 'arraybuffer';
    this.socket.on('error', () => {});
    this.socket.on('message', (data: ArrayBuffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(decoder) !== MessageType.awareness) return;
      applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), 'server');
    });
  }

  /** The presence shown for this awareness client id (a Y.Doc's clientID), if any. */
  presenceOf(clientId: number): Record<string, unknown> | undefined {
    return this.awareness.getStates().get(clientId);
  }

  close(): void {
    this.socket.terminate();
    this.awareness.destroy();
  }
}

export function watchPresence(server: ServerProcess, session: Session, letterId: string): PresenceWatcher {
  const watcher = new PresenceWatcher(server, session, letterId);
  onTestFinished(() => watcher.close());
  return watcher;
}
