import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readAccessMessage, type AccessChange } from '../../shared/protocol/access-message.js';
import { AccessReason } from '../../shared/protocol/access-reasons.js';
import { CloseCode } from '../../shared/protocol/close-codes.js';
import { MessageType } from '../../shared/protocol/message-types.js';
import { appendParagraph, plainText } from './harness/letter-body.js';
import { closeCodeOf, openRawSocket, syncStep2Frame, updateFrame } from './harness/raw-socket.js';
import { startServer, useSharedServer } from './harness/server-process.js';
import { apiRequest, createLetter, signIn, type Session } from './harness/sign-in.js';
import { connectClient, joinLetter } from './harness/sync-client.js';
import { withTimeout } from './harness/wait-for.js';

type Role = 'coordinator' | 'drafter' | 'approver' | 'observer';

describe('INV-5 roles are enforced on the websocket', () => {
  const server = useSharedServer({ env: { ROOM_GRACE_MS: '0' } });

  /** A fresh letter coordinated by Helena, with Kadri holding `role`. */
  async function letterWith(role: Role): Promise<{ letterId: string; coordinator: Session; member: Session }> {
    const coordinator = await signIn(server(), 'Helena Virtanen');
    const member = await signIn(server(), 'Kadri Tamm');
    const letterId = await createLetter(server(), coordinator, [coordinator.user.office.id, member.user.office.id]);
    const roles = role === 'coordinator' ? ['coordinator', 'approver'] : [role];
    // Only the workspace administrator makes someone of another office a coordinator (invariant 11).
    const appointer = role === 'coordinator' ? await signIn(server(), 'Olli Korhonen') : coordinator;
    const set = await apiRequest(server(), appointer, 'PUT', `/api/letters/${letterId}/members/${member.user.id}`, { roles });
    expect(set.status).toBe(200);
    return { letterId, coordinator, member };
  }

  /** Sends one paragraph from a raw socket as `session`, the way an editor would; returns the close code or 'open'. */
  async function tryToWrite(session: Session, letterId: string, marker: string): Promise<number | 'kept open'> {
    const raw = openRawSocket(server(), letterId, { cookie: session.cookie });
    await raw.opened;
    const doc = new Y.Doc();
    appendParagraph(doc, marker);
    raw.socket.send(syncStep2Frame(new Uint8Array([0, 0])));
    raw.socket.send(updateFrame(Y.encodeStateAsUpdate(doc)));
    const closed = closeCodeOf(raw);
    // A reader sees the write once it is stored (on any instance), or the writer is closed.
    const reader = await joinLetter(server(), session, letterId);
    const stored = new Promise<'kept open'>((resolve) => {
      const check = () => plainText(reader.doc).includes(marker) && resolve('kept open');
      check();
      reader.doc.on('update', check);
    });
    const outcome = await withTimeout(Promise.race([stored, closed]), 5000, 'the write to be stored or refused');
    raw.socket.close();
    return outcome;
  }

  for (const role of ['coordinator', 'drafter', 'approver', 'observer'] as const) {
    const mayEdit = role === 'coordinator' || role === 'drafter';
    it(`${role}s ${mayEdit ? 'may' : 'may not'} change the text; all of them read it`, async () => {
      const { letterId, coordinator, member } = await letterWith(role);
      const writer = await joinLetter(server(), coordinator, letterId);
      appendParagraph(writer.doc, 'Text everyone may read.');
      await writer.whenSaved();
      const reader = await joinLetter(server(), member, letterId);
      expect(plainText(reader.doc)).toContain('Text everyone may read.');
      const marker = `WRITE-BY-${role.toUpperCase()}`;
      const outcome = await tryToWrite(member, letterId, marker);
      expect(outcome).toBe(mayEdit ? 'kept open' : CloseCode.forbidden);
      const check = await joinLetter(server(), coordinator, letterId);
      expect(plainText(check.doc).includes(marker)).toBe(mayEdit);
    });
  }

  it('a drafter turned observer while editing is told at once and cannot write any more', async () => {
    const { letterId, coordinator, member } = await letterWith('drafter');
    const editor = connectClient(server(), member, letterId);
    const changes: AccessChange[] = [];
    editor.provider.messageHandlers[MessageType.access] = (_encoder: unknown, decoder: Parameters<typeof readAccessMessage>[0]) => {
      changes.push(readAccessMessage(decoder));
    };
    await editor.whenSynced();
    await apiRequest(server(), coordinator, 'PUT', `/api/letters/${letterId}/members/${member.user.id}`, { roles: ['observer'] });
    await expect.poll(() => changes.at(-1)?.canEdit).toBe(false);
    expect(changes.at(-1)?.reason).toBe(AccessReason.roleNowReads);
    const closed = new Promise<number>((resolve) => editor.provider.once('connection-close', (event) => resolve(event?.code ?? 0)));
    appendParagraph(editor.doc, 'AFTER-DOWNGRADE');
    expect(await closed).toBe(CloseCode.forbidden);
    expect(plainText((await joinLetter(server(), coordinator, letterId)).doc)).not.toContain('AFTER-DOWNGRADE');
  });

  it('a member removed while the letter is open is disconnected with 4410', async () => {
    const { letterId, coordinator, member } = await letterWith('drafter');
    const editor = connectClient(server(), member, letterId);
    await editor.whenSynced();
    const closed = new Promise<number>((resolve) => editor.provider.once('connection-close', (event) => resolve(event?.code ?? 0)));
    expect((await apiRequest(server(), coordinator, 'DELETE', `/api/letters/${letterId}/members/${member.user.id}`)).status).toBe(200);
    expect(await closed).toBe(CloseCode.removedFromLetter);
    expect(await closeCodeOf(openRawSocket(server(), letterId, { cookie: member.cookie }))).toBe(CloseCode.letterNotFound);
  });

  it('signing out closes that session’s open sockets with 4401, not other sessions of the same person', async () => {
    const { letterId, member } = await letterWith('drafter');
    const otherTab = await signIn(server(), 'Kadri Tamm');
    const leaving = connectClient(server(), member, letterId);
    const staying = connectClient(server(), otherTab, letterId);
    await Promise.all([leaving.whenSynced(), staying.whenSynced()]);
    const closed = new Promise<number>((resolve) => leaving.provider.once('connection-close', (event) => resolve(event?.code ?? 0)));
    expect((await apiRequest(server(), member, 'POST', '/api/auth/logout')).status).toBe(204);
    expect(await closed).toBe(CloseCode.unauthenticated);
    appendParagraph(staying.doc, 'The other tab still works.');
    await staying.whenSaved();
  });

  it('an update written under another person’s client id is refused and not stored', async () => {
    const { letterId, coordinator, member } = await letterWith('drafter');
    const first = await joinLetter(server(), coordinator, letterId);
    appendParagraph(first.doc, 'Helena wrote this.');
    await first.whenSaved();
    // Kadri's document continues Helena's client id, as if it were hers.
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(first.doc));
    forged.clientID = first.doc.clientID;
    const before = Y.encodeStateVector(forged);
    appendParagraph(forged, 'FORGED-UNDER-HELENA');
    const raw = openRawSocket(server(), letterId, { cookie: member.cookie });
    await raw.opened;
    raw.socket.send(syncStep2Frame(new Uint8Array([0, 0])));
    raw.socket.send(updateFrame(Y.encodeStateAsUpdate(forged, before)));
    expect(await closeCodeOf(raw)).toBe(CloseCode.forbidden);
    expect(plainText((await joinLetter(server(), coordinator, letterId)).doc)).not.toContain('FORGED-UNDER-HELENA');
  });
});

describe('INV-5 an expired session ends on open sockets too', () => {
  it('closes the socket of a session past its lifetime with 4401', async () => {
    const server = await startServer({ env: { SESSION_ABSOLUTE_HOURS: '0.0008' } });
    const session = await signIn(server, 'Kadri Tamm');
    const coordinator = await signIn(server, 'Helena Virtanen');
    const letterId = await createLetter(server, coordinator, [coordinator.user.office.id, session.user.office.id]);
    const editor = connectClient(server, session, letterId);
    await editor.whenSynced();
    const closed = new Promise<number>((resolve) => editor.provider.once('connection-close', (event) => resolve(event?.code ?? 0)));
    expect(await withTimeout(closed, 15_000, 'the session expiry to close the socket')).toBe(CloseCode.unauthenticated);
  });
});
