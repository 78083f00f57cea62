import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { onTestFinished } from 'vitest';
import { WebSocket } from 'ws';
import { messageYjsSyncStep2, writeSyncStep1, writeUpdate } from 'y-protocols/sync';
import type * as Y from 'yjs';
import { MessageType } from '../../../shared/protocol/message-types.js';
import type { ServerProcess } from './server-process.js';
import { withTimeout } from './wait-for.js';

const closeTimeoutMs = 10_000;

export interface RawSocketOptions {
  cookie?: string;
  /** The page's own origin when absent, as a browser sends; null to send none. */
  origin?: string | null;
}

/** The origin of a page served where this websocket URL points: what a browser sends as Origin. */
export function pageOriginOf(url: string | URL): string {
  const page = new URL(url);
  page.protocol = page.protocol === 'wss:' ? 'https:' : 'http:';
  return page.origin;
}

/** A bare websocket for sending hand-made frames and observing how the server ends the connection. */
export interface RawSocket {
  socket: WebSocket;
  /** Resolves when the socket is open. */
  opened: Promise<void>;
  /** Resolves with the close code and reason, whoever closed. */
  closed: Promise<{ code: number; reason: string }>;
  /** Binary frames received so far, in order. */
  received: Uint8Array[];
}

/** Opens `/sync/<letterId>` (any string, malformed ids included); terminated when the test ends. */
export function openRawSocket(server: ServerProcess, letterId: string, options: RawSocketOptions = {}): RawSocket {
  const headers: Record<string, string> = {};
  if (options.cookie) headers.cookie = options.cookie;
  // `ws` leaves out an empty origin option; an empty header is sent as one.
  if (options.origin === '') headers.origin = '';
  const url = `${server.syncUrl}/${letterId}`;
  const origin = options.origin === undefined ? pageOriginOf(url) : options.origin || undefined;
  const socket = new WebSocket(url, { headers, ...(origin === undefined ? {} : { origin }) });
  socket.binaryType = 'arraybuffer';
  const opened = new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    socket.once('close', (code, reason) => resolve({ code, reason: reason.toString('utf8') }));
  });
  const received: Uint8Array[] = [];
  socket.on('message', (data: ArrayBuffer) => received.push(new Uint8Array(data)));
  // A refused connection may be reported as an error after the close; it is the expected outcome.
  socket.on('error', () => {});
  onTestFinished(() => {
    if (socket.readyState !== WebSocket.CLOSED) socket.terminate();
  });
  return { socket, opened, closed, received };
}

/** Resolves once `count` binary frames have arrived. */
export function whenReceived(raw: RawSocket, count: number): Promise<Uint8Array[]> {
  const arrived = new Promise<Uint8Array[]>((resolve) => {
    const check = () => {
      if (raw.received.length < count) return;
      raw.socket.off('message', check);
      resolve(raw.received.slice(0, count));
    };
    raw.socket.on('message', check);
    check();
  });
  return withTimeout(arrived, closeTimeoutMs, `${count} frames`);
}

/** How many letter state messages (102) a raw socket has received. */
export function letterStatesOf(raw: RawSocket): number {
  return raw.received.filter((frame) => decoding.readVarUint(decoding.createDecoder(frame)) === MessageType.letterState).length;
}

/** Resolves once the socket holds `count` letter state messages (true), or closed first (false). */
export function whenLetterStates(raw: RawSocket, count: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(() => reject(new Error(`neither letter state ${count} nor a close within 10 s`))), 10_000);
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      raw.socket.off('message', check);
      raw.socket.off('close', onClose);
      settle();
    };
    const check = () => {
      if (letterStatesOf(raw) >= count) finish(() => resolve(true));
    };
    const onClose = () => finish(() => resolve(false));
    raw.socket.on('message', check);
    raw.socket.on('close', onClose);
    check();
  });
}

/** Waits for the server to close the socket; the reason is free text for developers. */
export function closeOf(raw: RawSocket): Promise<{ code: number; reason: string }> {
  return withTimeout(raw.closed, closeTimeoutMs, 'the server to close the socket');
}

/** Waits for the server to close the socket and returns the close code. */
export async function closeCodeOf(raw: RawSocket): Promise<number> {
  return (await closeOf(raw)).code;
}

/** `sync` message, step `update`, carrying `update`: what y-websocket sends for every local change. */
export function updateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** `sync` message, step 2 (a client's answer to the server's step 1), carrying `update`. */
export function syncStep2Frame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, messageYjsSyncStep2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** `sync` message, step 1, with the state vector of `doc`. */
export function syncStep1Frame(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

/** A frame with this message type and a short payload. */
export function frameOfType(type: number, payload: Uint8Array = new Uint8Array([1, 2, 3])): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}
