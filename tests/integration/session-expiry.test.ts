import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { CloseCode } from '../../shared/protocol/close-codes.js';
import { appendParagraph, bodyOf } from './harness/letter-body.js';
import { startServer } from './harness/server-process.js';
import { createLetter, signIn } from './harness/sign-in.js';
import { connectClient, joinLetter, type SyncClient } from './harness/sync-client.js';
import { withTimeout } from './harness/wait-for.js';

const lifetimeMs = 3_000;
const lifetimeHours = String(lifetimeMs / 3_600_000);
const lifetimeMinutes = String(lifetimeMs / 60_000);

/** Markers typed into one paragraph before the writer starts the next (each is about 20 characters). */
const markersPerParagraph = 200;

/** `[n@sentAt]` marks each change the writer sends, with the local time it was sent at. */
const markerPattern = /\[(\d+)@(\d+)\]/g;

function sentTimes(text: string): number[] {
  return Array.from(text.matchAll(markerPattern), (match) => Number(match[2]));
}

/** The socket's close code from the server, once it comes. */
function closeCode(client: SyncClient): Promise<number> {
  return new Promise((resolve) => client.provider.once('connection-close', (event) => resolve(event?.code ?? 0)));
}

/**
 * Types a marker into the first paragraph (then into new ones), waits for the server's confirmation (or the close),
 * and again, while `goOn()` holds and the socket is open. Returns how many markers it sent.
 */
async function typeWhile(client: SyncClient, closed: Promise<number>, goOn: () => boolean): Promise<number> {
  let text = (bodyOf(client.doc).get(0) as Y.XmlElement).get(0) as Y.XmlText;
  let isClosed = false;
  void closed.then(() => (isClosed = true));
  let sent = 0;
  while (!isClosed && goOn()) {
    // A fresh paragraph now and then keeps each one within PARAGRAPH_MAX_CHARACTERS.
    if (sent > 0 && sent % markersPerParagraph === 0) text = appendParagraph(client.doc, '').get(0) as Y.XmlText;
    text.insert(text.length, `[${sent}@${Date.now()}]`);
    sent++;
    await Promise.race([client.whenSaved(20_000).catch(() => undefined), closed]);
  }
  return sent;
}

describe('INV-5 a session ends on open sockets at its expiry', () => {
  it('E1 at the absolute expiry the socket closes with 4401 and nothing sent after it is stored', { timeout: 60_000 }, async () => {
    const server = await startServer({ env: { SESSION_ABSOLUTE_HOURS: lifetimeHours } });
    const coordinator = await signIn(server, 'Helena Virtanen');
    const letterId = await createLetter(server, coordinator, [coordinator.user.office.id]);
    const signedInFrom = Date.now();
    const session = await signIn(server, 'Aino Mäkelä');
    const expiresBy = Date.now() + lifetimeMs;
    const writer = connectClient(server, session, letterId);
    await writer.whenSynced();
    appendParagraph(writer.doc, 'Typed until the session ends: ');
    const closed = closeCode(writer);

    await typeWhile(writer, closed, () => true);

    expect(await closed).toBe(CloseCode.unauthenticated);
    const reader = await joinLetter(server, await signIn(server, 'Helena Virtanen'), letterId);
    const stored = sentTimes(reader.text);
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.filter((sentAt) => sentAt >= expiresBy)).toEqual([]);
    // The socket was not closed before the session's own end either.
    expect(Math.max(...sentTimes(writer.text))).toBeGreaterThanOrEqual(signedInFrom + lifetimeMs);
  });

  it('E2 typing moves the idle expiry forward; once the person stops, the socket closes with 4401 at the idle expiry', async () => {
    const server = await startServer({ env: { SESSION_IDLE_MINUTES: lifetimeMinutes } });
    const coordinator = await signIn(server, 'Helena Virtanen');
    const letterId = await createLetter(server, coordinator, [coordinator.user.office.id]);
    const session = await signIn(server, 'Aino Mäkelä');
    const writer = connectClient(server, session, letterId);
    await writer.whenSynced();
    appendParagraph(writer.doc, 'Typed for longer than the idle limit: ');
    const closed = closeCode(writer);
    const typingUntil = Date.now() + 2 * lifetimeMs;

    const sent = await typeWhile(writer, closed, () => Date.now() < typingUntil);

    expect(writer.closeCodes).toEqual([]);
    await writer.whenSaved();
    expect(await withTimeout(closed, 4 * lifetimeMs, 'the idle expiry to close the socket')).toBe(CloseCode.unauthenticated);
    const reader = await joinLetter(server, await signIn(server, 'Helena Virtanen'), letterId);
    expect(sentTimes(reader.text)).toHaveLength(sent);
  });
});
