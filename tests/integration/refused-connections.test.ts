import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/protocol/close-codes.js';
import { expectBystandersUnharmed, gatherBystanders } from './harness/bystanders.js';
import { appendParagraph } from './harness/letter-body.js';
import { closeCodeOf, openRawSocket, type RawSocketOptions, updateFrame } from './harness/raw-socket.js';
import { useSharedServer } from './harness/server-process.js';
import { createLetter, signIn } from './harness/sign-in.js';

describe('INV-5 the server decides who may open a letter', () => {
  const server = useSharedServer({ env: { ROOM_GRACE_MS: '0' } });

  /**
   * Opens `/sync/<letterId>` with `options`, at once sends an update carrying `marker` (so that a
   * wrongly admitted socket would leave a trace) and returns the close code.
   */
  async function connectAndWrite(letterId: string, options: RawSocketOptions, marker: string): Promise<number> {
    const raw = openRawSocket(server(), letterId, options);
    raw.opened.then(
      () => {
        const doc = new Y.Doc();
        appendParagraph(doc, marker);
        raw.socket.send(updateFrame(Y.encodeStateAsUpdate(doc)));
      },
      () => {},
    );
    return closeCodeOf(raw);
  }

  it('no session cookie closes with 4401', async () => {
    const bystanders = await gatherBystanders(server());
    expect(await connectAndWrite(bystanders.letterId, {}, 'NO-SESSION-MARKER')).toBe(CloseCode.unauthenticated);
    await expectBystandersUnharmed(server(), bystanders, 'NO-SESSION-MARKER');
  });

  it('an unknown session cookie closes with 4401', async () => {
    const bystanders = await gatherBystanders(server());
    const cookie = 'jointly_session=not-a-session-anyone-was-given';
    expect(await connectAndWrite(bystanders.letterId, { cookie }, 'FORGED-MARKER')).toBe(CloseCode.unauthenticated);
    await expectBystandersUnharmed(server(), bystanders, 'FORGED-MARKER');
  });

  it('a session that signed out closes with 4401', async () => {
    const bystanders = await gatherBystanders(server());
    const leaver = await signIn(server(), 'Kadri Tamm');
    const signOut = await fetch(`${server().httpUrl}/api/auth/logout`, { method: 'POST', headers: { cookie: leaver.cookie } });
    expect(signOut.status).toBe(204);
    expect(await connectAndWrite(bystanders.letterId, { cookie: leaver.cookie }, 'SIGNED-OUT-MARKER')).toBe(CloseCode.unauthenticated);
    await expectBystandersUnharmed(server(), bystanders, 'SIGNED-OUT-MARKER');
  });

  it.each([
    ['a malformed letter id', 'not-a-uuid'],
    ['a letter id with a path in it', '..%2F..%2Fapi%2Fletters'],
    ['an unknown letter id', randomUUID()],
  ])('%s closes with 4404', async (_name, letterId) => {
    const bystanders = await gatherBystanders(server());
    expect(await connectAndWrite(letterId, { cookie: bystanders.sender.cookie }, 'NO-LETTER-MARKER')).toBe(CloseCode.letterNotFound);
    await expectBystandersUnharmed(server(), bystanders, 'NO-LETTER-MARKER');
  });

  it('a letter the user is not a member of closes with 4404, as if it did not exist', async () => {
    const bystanders = await gatherBystanders(server());
    const helena = await signIn(server(), 'Helena Virtanen');
    const finnishOnly = await createLetter(server(), helena, ['fi-interior']);
    const outsider = await signIn(server(), 'Mette Sørensen');
    expect(await connectAndWrite(finnishOnly, { cookie: outsider.cookie }, 'OUTSIDER-MARKER')).toBe(CloseCode.letterNotFound);
    await expectBystandersUnharmed(server(), bystanders, 'OUTSIDER-MARKER');
  });

  it("an Origin header from another site ('https://evil.example') closes with 4403", async () => {
    const bystanders = await gatherBystanders(server());
    const options = { cookie: bystanders.sender.cookie, origin: 'https://evil.example' };
    expect(await connectAndWrite(bystanders.letterId, options, 'CROSS-SITE-MARKER')).toBe(CloseCode.forbidden);
    await expectBystandersUnharmed(server(), bystanders, 'CROSS-SITE-MARKER');
  });

  it.each([
    ['the same host with another scheme (https://)', (url: URL) => `https://${url.host}`],
    ['the same host with another scheme (ws://)', (url: URL) => `ws://${url.host}`],
    ['the page origin with a trailing slash', (url: URL) => `${url.origin}/`],
    ['an empty Origin', () => ''],
    ['no Origin at all', () => null],
  ])('%s closes with 4403: only the page\'s exact origin is let in', async (_name, originOf) => {
    const bystanders = await gatherBystanders(server());
    const options = { cookie: bystanders.sender.cookie, origin: originOf(new URL(server().httpUrl)) };
    expect(await connectAndWrite(bystanders.letterId, options, 'NEAR-ORIGIN-MARKER')).toBe(CloseCode.forbidden);
    await expectBystandersUnharmed(server(), bystanders, 'NEAR-ORIGIN-MARKER');
  });

  it("an Origin header of the server's own host is let in", async () => {
    const bystanders = await gatherBystanders(server());
    const raw = openRawSocket(server(), bystanders.letterId, { cookie: bystanders.sender.cookie, origin: server().httpUrl });
    await raw.opened;
    const doc = new Y.Doc();
    appendParagraph(doc, 'Same-site text.');
    raw.socket.send(updateFrame(Y.encodeStateAsUpdate(doc)));
    await expect.poll(() => bystanders.sameLetter.text).toContain('Same-site text.');
  });
});
