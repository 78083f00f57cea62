import { readdir } from 'node:fs/promises';
import net from 'node:net';
import { onTestFinished } from 'vitest';

/** What became of a hand-written HTTP request: the status line of the answer, and whether the server closed the socket. */
export interface RawHttpOutcome {
  /** e.g. `HTTP/1.1 426 Upgrade Required`; null if no answer came. */
  statusLine: string | null;
  closedByServer: boolean;
}

/**
 * Sends `request` as is on a fresh TCP connection and waits until the server closes it, or
 * `timeoutMs` passes (then the client closes it, as a browser giving up would).
 */
export function sendRawRequest(port: number, request: string, timeoutMs = 5_000): Promise<RawHttpOutcome> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let answer = '';
    const finish = (closedByServer: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      const statusLine = answer.length > 0 ? answer.split('\r\n')[0]! : null;
      resolve({ statusLine, closedByServer });
    };
    const timer = setTimeout(() => finish(false), timeoutMs);
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('end', () => finish(true));
    socket.on('error', () => finish(true));
    socket.write(request);
  });
}

/**
 * A client that sends a request's headers one line at a time, every `intervalMs`, and never
 * finishes them: it stops by itself after `maxLines`, when the server closes the socket, or when
 * the test ends. `closed` resolves once the socket is closed, saying by whom and with what the
 * server answered.
 */
export function trickleHeaders(port: number, path: string, intervalMs: number, maxLines: number): { closed: Promise<RawHttpOutcome> } {
  const socket = net.connect(port, '127.0.0.1');
  let answer = '';
  let lines = 0;
  socket.setEncoding('latin1');
  socket.on('data', (chunk: string) => (answer += chunk));
  const timer = setInterval(() => {
    if (++lines > maxLines) return stop();
    socket.write(`X-Trickle-${lines}: ${'a'.repeat(16)}\r\n`);
  }, intervalMs);
  let closedByServer = false;
  const stop = () => {
    clearInterval(timer);
    socket.destroy();
  };
  socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n`);
  const closed = new Promise<RawHttpOutcome>((resolve) => {
    socket.once('close', () => {
      clearInterval(timer);
      resolve({ statusLine: answer.length > 0 ? answer.split('\r\n')[0]! : null, closedByServer });
    });
    socket.once('end', () => {
      closedByServer = true;
      stop();
    });
    socket.on('error', () => (closedByServer = true));
  });
  onTestFinished(stop);
  return { closed };
}

/** How many file descriptors process `pid` holds open (Linux). */
export async function openDescriptors(pid: number): Promise<number> {
  return (await readdir(`/proc/${pid}/fd`)).length;
}
