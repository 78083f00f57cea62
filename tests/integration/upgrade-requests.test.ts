import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canaryEchoes, openCanary } from './harness/canary.js';
import { openDescriptors, sendRawRequest, trickleHeaders } from './harness/raw-http.js';
import { useSharedServer } from './harness/server-process.js';

function upgradeRequest(port: number, path: string, extraHeaders: string, method = 'GET'): string {
  return `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: Upgrade\r\n${extraHeaders}\r\n`;
}

describe('issue 14: upgrade requests get an answer and give their socket back', () => {
  const server = useSharedServer();

  it('200 upgrade requests that are not websockets, or are malformed ones, are each answered and closed, and leave no descriptor open', async () => {
    const { port } = server();
    const key = 'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n';
    const kinds = [
      { name: 'Upgrade: h2c', request: upgradeRequest(port, '/', 'Upgrade: h2c\r\nHTTP2-Settings: AAMAAABkAAQAAP__\r\n') },
      { name: 'Upgrade: foo on a letter', request: upgradeRequest(port, `/sync/${randomUUID()}`, 'Upgrade: foo\r\n') },
      { name: 'Upgrade: websocket, h2c', request: upgradeRequest(port, '/api/health', 'Upgrade: websocket, h2c\r\n') },
      { name: 'websocket without a key', request: upgradeRequest(port, `/sync/${randomUUID()}`, 'Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\n') },
      { name: 'websocket with POST', request: upgradeRequest(port, `/sync/${randomUUID()}`, `Upgrade: websocket\r\n${key}`, 'POST') },
      { name: 'websocket on a page', request: upgradeRequest(port, '/api/health', `Upgrade: websocket\r\n${key}`) },
    ];
    const pid = server().pids[0]!;
    // One round first, so that whatever the server opens once (log files, the database) is counted in the baseline.
    await Promise.all(kinds.map((kind) => sendRawRequest(port, kind.request)));
    const before = await openDescriptors(pid);

    const outcomes: { name: string; statusLine: string | null; closedByServer: boolean }[] = [];
    for (let batch = 0; batch < 4; batch++) {
      const requests = Array.from({ length: 50 }, (_, index) => kinds[(batch * 50 + index) % kinds.length]!);
      const answered = await Promise.all(requests.map(async (kind) => ({ name: kind.name, ...(await sendRawRequest(port, kind.request, 3_000)) })));
      outcomes.push(...answered);
    }

    const unanswered = outcomes.filter((outcome) => !outcome.closedByServer || !/^HTTP\/1\.1 \d{3} /.test(outcome.statusLine ?? ''));
    expect(unanswered.map((outcome) => `${outcome.name}: ${outcome.statusLine ?? 'no answer'}`)).toEqual([]);
    const notWebsocket = outcomes.filter((outcome) => outcome.name.startsWith('Upgrade: '));
    expect(new Set(notWebsocket.map((outcome) => outcome.statusLine))).toEqual(new Set(['HTTP/1.1 426 Upgrade Required']));
    // A little slack for descriptors the server opens for its own reasons (a log rotation, a timer).
    await expect.poll(() => openDescriptors(pid), { timeout: 10_000 }).toBeLessThanOrEqual(before + 3);
  });
});

describe('issue 14: a client trickling its headers is cut off', () => {
  const server = useSharedServer({ env: { HTTP_HEADERS_TIMEOUT_MS: '1000', HTTP_REQUEST_TIMEOUT_MS: '2000' } });

  it('sockets that send upgrade headers one line at a time are closed at the headers timeout, while another letter keeps working', async () => {
    const canary = await openCanary(server());
    const slowSockets = Array.from({ length: 20 }, () => trickleHeaders(server().port, `/sync/${randomUUID()}`, 100, 120));

    await canaryEchoes(canary, 'Written while the headers trickle.');
    const outcomes = await Promise.all(slowSockets.map((socket) => socket.closed));

    expect(outcomes.every((outcome) => outcome.closedByServer)).toBe(true);
    expect(new Set(outcomes.map((outcome) => outcome.statusLine))).toEqual(new Set(['HTTP/1.1 408 Request Timeout']));
  });
});
