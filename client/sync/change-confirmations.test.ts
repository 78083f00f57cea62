import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { MessageType } from '../../shared/protocol/message-types.js';
import { writeSavedMessage } from '../../shared/protocol/saved-message.js';
import { ChangeConfirmations, type SocketClass } from './change-confirmations.js';

/** A socket that only records what it is given. */
class RecordingSocket {
  readyState = 1;
  sent: Uint8Array[] = [];
  send(data: Uint8Array): void {
    this.sent.push(data);
  }
}

function syncFrame(step: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, new Uint8Array([0, 0]));
  return encoding.toUint8Array(encoder);
}

const syncStep1 = () => syncFrame(0);
const syncAnswer = () => syncFrame(1);
const update = () => syncFrame(2);

/** The parts of y-websocket's provider that ChangeConfirmations uses, driven by hand. */
function setUp() {
  const doc = new Y.Doc();
  const confirmations = new ChangeConfirmations();
  const Socket = confirmations.socketClass(RecordingSocket as unknown as SocketClass);
  const closeListeners: (() => void)[] = [];
  const provider = {
    messageHandlers: [] as ((encoder: encoding.Encoder, decoder: decoding.Decoder) => void)[],
    ws: null as WebSocket | null,
    wsconnected: false,
    on: (event: string, listener: () => void) => {
      if (event === 'connection-close') closeListeners.push(listener);
    },
  };
  confirmations.attach(provider as unknown as WebsocketProvider, doc);
  const open = () => {
    provider.ws = new Socket('ws://letters.example/sync');
    provider.wsconnected = true;
    provider.ws.send(syncStep1());
    return provider.ws;
  };
  const close = () => {
    provider.ws = null;
    provider.wsconnected = false;
    for (const listener of closeListeners) listener();
  };
  const saved = (frame: number) => {
    const decoder = decoding.createDecoder(writeSavedMessage(frame));
    decoding.readVarUint(decoder);
    provider.messageHandlers[MessageType.saved]!(encoding.createEncoder(), decoder);
  };
  // What the provider does with a local change: sent at once only over an open socket.
  const change = (edit: (text: Y.Text) => void) => {
    edit(doc.getText('body'));
    if (provider.wsconnected) provider.ws!.send(update());
  };
  return { doc, confirmations, open, close, saved, change };
}

describe('ChangeConfirmations', () => {
  it('counts a deletion as unsaved until the server names its frame', () => {
    const { confirmations, open, saved, change } = setUp();
    change((text) => text.insert(0, 'Keep this clause.'));
    open().send(syncAnswer());
    saved(1);
    expect(confirmations.isAllConfirmed).toBe(true);

    change((text) => text.delete(4, 12));
    expect(confirmations.isAllConfirmed).toBe(false);
    saved(2);
    expect(confirmations.isAllConfirmed).toBe(true);
  });

  it('counts a change made before the socket opens as unsaved until the sync answer that carries it is confirmed', () => {
    const { confirmations, open, saved, change } = setUp();
    change((text) => text.insert(0, 'Written before the socket opened.'));
    expect(confirmations.isAllConfirmed).toBe(false);
    const socket = open();
    expect(confirmations.isAllConfirmed).toBe(false);
    socket.send(syncAnswer());
    expect(confirmations.isAllConfirmed).toBe(false);
    saved(1);
    expect(confirmations.isAllConfirmed).toBe(true);
  });

  it('never lets a confirmation of one connection stand for another: what a closed socket left unconfirmed waits for the next sync answer', () => {
    const { confirmations, open, close, saved, change } = setUp();
    open().send(syncAnswer());
    saved(1);
    change((text) => text.insert(0, 'Sent, never confirmed.'));
    close();
    expect(confirmations.isAllConfirmed).toBe(false);

    // The next connection numbers from 1 again; its first frame is an update typed as it opened.
    const socket = open();
    change((text) => text.insert(0, 'Typed while reconnecting. '));
    saved(1);
    expect(confirmations.isAllConfirmed, 'the earlier change has not been sent on this connection').toBe(false);
    socket.send(syncAnswer());
    saved(2);
    expect(confirmations.isAllConfirmed).toBe(true);
  });

  it('ignores frames that carry no document content (sync step 1, awareness)', () => {
    const { confirmations, open } = setUp();
    const socket = open();
    socket.send(new Uint8Array([MessageType.awareness, 0]));
    expect(confirmations.sentFrames).toBe(0);
    expect(confirmations.isAllConfirmed).toBe(true);
  });
});
