import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { AuditEvent, AuditVerification, LetterAudit } from '../../shared/api/audit.js';
import { CloseCode } from '../../shared/protocol/close-codes.js';
import { appendParagraph } from './harness/letter-body.js';
import { closeCodeOf, openRawSocket, updateFrame } from './harness/raw-socket.js';
import { useSharedServer } from './harness/server-process.js';
import { apiRequest, createLetter, signIn, type Session } from './harness/sign-in.js';

describe('refused acts are audit events', () => {
  const server = useSharedServer({ env: { ROOM_GRACE_MS: '0' } });

  /** A letter coordinated by Helena on which Kadri (Estonia) may only read. */
  async function letterWithObserver(): Promise<{ letterId: string; helena: Session; kadri: Session }> {
    const [helena, kadri] = await Promise.all([signIn(server(), 'Helena Virtanen'), signIn(server(), 'Kadri Tamm')]);
    const letterId = await createLetter(server(), helena, ['fi-interior', 'ee-interior']);
    const set = await apiRequest(server(), helena, 'PUT', `/api/letters/${letterId}/members/${kadri.user.id}`, { roles: ['observer'] });
    expect(set.status).toBe(200);
    return { letterId, helena, kadri };
  }

  async function eventsOf(helena: Session, letterId: string, kind: string): Promise<AuditEvent[]> {
    const response = await apiRequest(server(), helena, 'GET', `/api/letters/${letterId}/audit`);
    expect(response.status).toBe(200);
    return ((await response.json()) as LetterAudit).events.filter((event) => event.kind === kind);
  }

  async function writeAsReader(session: Session, letterId: string): Promise<number> {
    const raw = openRawSocket(server(), letterId, { cookie: session.cookie });
    await raw.opened;
    const doc = new Y.Doc();
    appendParagraph(doc, 'A reader tries to write.');
    raw.socket.send(updateFrame(Y.encodeStateAsUpdate(doc)));
    return closeCodeOf(raw);
  }

  it('records a refused websocket write with its close code, and not once more for every retry', async () => {
    const { letterId, helena, kadri } = await letterWithObserver();
    expect(await writeAsReader(kadri, letterId)).toBe(CloseCode.forbidden);
    await expect.poll(async () => (await eventsOf(helena, letterId, 'sync_refused')).length).toBe(1);
    const [event] = await eventsOf(helena, letterId, 'sync_refused');
    expect(event!.actor?.userId).toBe(kadri.user.id);
    expect(event!.detail).toMatchObject({ closeCode: CloseCode.forbidden });

    // A hostile client reconnecting and sending again cannot flood the chain.
    for (let attempt = 0; attempt < 3; attempt++) expect(await writeAsReader(kadri, letterId)).toBe(CloseCode.forbidden);
    expect(await eventsOf(helena, letterId, 'sync_refused')).toHaveLength(1);
  });

  it('records a refused sign-off act with its error code', async () => {
    const { letterId, helena, kadri } = await letterWithObserver();
    const approve = await apiRequest(server(), kadri, 'POST', `/api/letters/${letterId}/paragraphs/any-paragraph/signoffs`, {
      action: 'approve',
      hash: 'a'.repeat(64),
    });
    expect(approve.status).toBe(403);
    const [event] = await eventsOf(helena, letterId, 'signoff_refused');
    expect(event?.actor?.userId).toBe(kadri.user.id);
    expect(event?.detail).toMatchObject({ status: 403, code: 'forbidden', paragraphId: 'any-paragraph' });
  });

  it('records one refused act a window for a person trying letters they cannot see, however many made-up letter ids they try, and no made-up paragraph id', async () => {
    const [kadri, olli] = await Promise.all([signIn(server(), 'Kadri Tamm'), signIn(server(), 'Olli Korhonen')]);
    const chainLength = async () => {
      const response = await apiRequest(server(), olli, 'GET', '/api/admin/audit/verify');
      expect(response.status).toBe(200);
      return ((await response.json()) as AuditVerification).checked;
    };
    const before = await chainLength();
    const madeUp = [...Array.from({ length: 8 }, () => randomUUID()), 'not-a-letter', 'x'.repeat(2000)];
    for (const letterId of madeUp) {
      const refused = await apiRequest(server(), kadri, 'POST', `/api/letters/${letterId}/status`, { to: 'in_review' });
      expect(refused.status).toBe(404);
    }
    expect(await chainLength()).toBe(before + 1);

    // On a letter she reads, a paragraph id that is no paragraph id (long, with a direction control) is not written into its trail.
    const { letterId, helena } = await letterWithObserver();
    const hostileId = encodeURIComponent(`\u202e${'p'.repeat(3000)}`);
    const approve = await apiRequest(server(), kadri, 'POST', `/api/letters/${letterId}/paragraphs/${hostileId}/signoffs`, { action: 'approve', hash: 'a'.repeat(64) });
    expect(approve.status).toBe(403);
    const [event] = await eventsOf(helena, letterId, 'signoff_refused');
    expect(event?.detail).toMatchObject({ status: 403, code: 'forbidden' });
    expect(event?.detail).not.toHaveProperty('paragraphId');
  });
});
