import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReservationOutcome, type NewComment, type ReservationRecord } from './store.js';
import type { AuditDraft, Store } from './store.js';

/**
 * What every Store must do with comment threads and reservations (issue 16). Run from
 * runStoreContract, so that each implementation passes it with the rest of the contract.
 */
export function runCommentStoreContract(name: string, openEmptyStore: () => Promise<{ store: Store; dispose: () => Promise<void> }>): void {
  describe(`comment store contract: ${name}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    let letterId: string;
    let otherLetterId: string;
    let userId: string;
    let tick = 0;
    /** Strictly increasing times, so that order never rests on a tie. */
    const at = () => new Date(Date.UTC(2026, 0, 1) + ++tick * 1000).toISOString();
    const draft = (kind: string): AuditDraft[] => [{ at: at(), kind, actorUserId: userId, actorOfficeId: 'aa-office', letterId, detail: { kind } }];

    beforeEach(async () => {
      ({ store, dispose } = await openEmptyStore());
      await store.accounts.insertOffices([
        { id: 'aa-office', name: 'Siseministeerium', nameEn: 'Ministry of the Interior', country: 'Estonia', ministerName: 'M', ministerTitle: 'Minister', color: '#1f4e79' },
      ]);
      userId = randomUUID();
      await store.accounts.insertUser({ id: userId, officeId: 'aa-office', name: 'Kadri Tamm', email: 'kadri@aa.example', isAdmin: false, passwordHash: null, createdAt: at() });
      [letterId, otherLetterId] = [randomUUID(), randomUUID()];
      for (const id of [letterId, otherLetterId]) {
        await store.letters.createLetter({
          letter: { id, title: 'T', subject: '', addressees: [], letterDate: null, status: 'drafting', createdBy: userId, createdAt: at(), updatedAt: at() },
          signatories: [{ position: 0, officeId: 'aa-office', signerName: 'M', capacity: 'Minister' }],
          memberships: [{ userId, roles: ['approver'] }],
        });
      }
    });
    afterEach(async () => {
      await dispose();
    });

    const reservation = (overrides: Partial<ReservationRecord> = {}): ReservationRecord => ({
      id: randomUUID(),
      letterId,
      paragraphId: 'p-aaaaaaaa',
      officeId: 'aa-office',
      kind: 'scrutiny',
      reason: 'Tallinn is checking the figures',
      userId,
      createdAt: at(),
      liftedBy: null,
      liftedAt: null,
      liftNote: null,
      ...overrides,
    });
    const comment = (threadId: string, body: string): NewComment => ({
      id: randomUUID(),
      threadId,
      letterId,
      userId,
      officeId: 'aa-office',
      body,
      mentions: [{ kind: 'office', id: 'aa-office' }],
      createdAt: at(),
    });
    async function startThread(body = 'Is “instrumentalisation” the agreed term?') {
      const thread = {
        id: randomUUID(),
        letterId,
        paragraphId: 'p-aaaaaaaa',
        anchor: { start: 'AQID', end: 'BAUG' },
        quote: 'instrumentalisation',
        status: 'open' as const,
        resolvedBy: null,
        resolvedAt: null,
        createdBy: userId,
        createdAt: at(),
      };
      expect(await store.comments.createThread(thread, comment(thread.id, body), 100, draft('comment_added'))).toBe(true);
      return thread;
    }

    it('R1 keeps a reservation open until lifted, one of each kind per office and paragraph, each act audited', async () => {
      const first = reservation();
      expect(await store.comments.enterReservation(first, 100, draft('reservation_entered'))).toBe(ReservationOutcome.entered);
      expect(await store.comments.enterReservation(reservation(), 100)).toBe(ReservationOutcome.duplicate);
      expect(await store.comments.enterReservation(reservation({ kind: 'linguistic' }), 100)).toBe(ReservationOutcome.entered);
      expect(await store.comments.getReservation(letterId, first.id)).toEqual(first);
      expect(await store.comments.getReservation(otherLetterId, first.id)).toBeNull();

      expect(await store.comments.liftReservation(otherLetterId, first.id, userId, at(), null)).toBe(false);
      const liftedAt = at();
      expect(await store.comments.liftReservation(letterId, first.id, userId, liftedAt, 'Checked', draft('reservation_lifted'))).toBe(true);
      expect(await store.comments.liftReservation(letterId, first.id, userId, at(), null)).toBe(false);
      // Lifted, it no longer stands in the way of a new one of the same kind.
      expect(await store.comments.enterReservation(reservation(), 100)).toBe(ReservationOutcome.entered);

      const listed = await store.comments.listReservations(letterId);
      expect(listed.map((r) => [r.kind, r.liftedAt])).toEqual([
        ['scrutiny', liftedAt],
        ['linguistic', null],
        ['scrutiny', null],
      ]);
      expect(listed[0]).toMatchObject({ liftedBy: userId, liftNote: 'Checked' });
      expect(await store.comments.listReservations(otherLetterId)).toEqual([]);
      expect((await store.audit.listForLetter(letterId)).map((event) => event.kind)).toEqual(['reservation_entered', 'reservation_lifted']);
    });

    it('K5 keeps a thread with replies, earlier wordings and withdrawals, its version growing with each change', async () => {
      const thread = await startThread();
      const reply = comment(thread.id, 'Yes, as in the Council conclusions.');
      expect(await store.comments.addComment(reply, 100, draft('comment_added'))).toBe(true);
      const editedAt = at();
      expect(await store.comments.editComment(letterId, reply.id, 'Yes, as in the October conclusions.', [], editedAt, draft('comment_edited'))).toBe(true);
      expect(await store.comments.editComment(otherLetterId, reply.id, 'Hijacked', [], at())).toBe(false);
      // One earlier wording kept, and one is all it may keep: the next edit changes nothing.
      expect(await store.comments.editComment(letterId, reply.id, 'One edit too many', [], at(), draft('comment_edited'), 1)).toBe(false);

      const loaded = (await store.comments.getThread(letterId, thread.id))!;
      expect(loaded.thread).toMatchObject({ quote: 'instrumentalisation', anchor: { start: 'AQID', end: 'BAUG' }, status: 'open', version: 3 });
      expect(loaded.comments.map((c) => c.body)).toEqual(['Is “instrumentalisation” the agreed term?', 'Yes, as in the October conclusions.']);
      expect(loaded.comments[1]).toMatchObject({ editedAt, earlier: [{ body: 'Yes, as in the Council conclusions.', at: reply.createdAt }] });
      expect(loaded.comments[0]!.mentions).toEqual([{ kind: 'office', id: 'aa-office' }]);

      const withdrawnAt = at();
      expect(await store.comments.withdrawComment(letterId, reply.id, withdrawnAt, draft('comment_withdrawn'))).toBe(true);
      expect(await store.comments.withdrawComment(letterId, reply.id, at())).toBe(false);
      expect(await store.comments.editComment(letterId, reply.id, 'After withdrawal', [], at())).toBe(false);
      expect((await store.comments.getComment(letterId, reply.id))?.withdrawnAt).toBe(withdrawnAt);
      expect((await store.comments.getThread(letterId, thread.id))?.thread.version).toBe(4);
      expect(await store.comments.getThread(otherLetterId, thread.id)).toBeNull();
    });

    it('K6 resolves and reopens a thread, each once', async () => {
      const thread = await startThread();
      const resolvedAt = at();
      expect(await store.comments.setThreadStatus(letterId, thread.id, 'resolved', userId, resolvedAt, draft('thread_resolved'))).toBe(true);
      expect(await store.comments.setThreadStatus(letterId, thread.id, 'resolved', userId, at())).toBe(false);
      expect((await store.comments.getThread(letterId, thread.id))?.thread).toMatchObject({ status: 'resolved', resolvedBy: userId, resolvedAt, version: 2 });
      expect(await store.comments.setThreadStatus(letterId, thread.id, 'open', userId, at())).toBe(true);
      expect((await store.comments.getThread(letterId, thread.id))?.thread).toMatchObject({ status: 'open', resolvedBy: null, resolvedAt: null, version: 3 });
      expect(await store.comments.setThreadStatus(otherLetterId, thread.id, 'resolved', userId, at())).toBe(false);
    });

    it('lists a letter’s threads oldest first with their comments in order', async () => {
      const first = await startThread('First');
      const second = await startThread('Second');
      await store.comments.addComment(comment(first.id, 'Reply to first'), 100);
      const listed = await store.comments.listThreads(letterId);
      expect(listed.map(({ thread, comments }) => [thread.id, comments.map((c) => c.body)])).toEqual([
        [first.id, ['First', 'Reply to first']],
        [second.id, ['Second']],
      ]);
      expect(await store.comments.listThreads(otherLetterId)).toEqual([]);
    });

    it('counts comments and reservations together against the letter’s budget, storing nothing over it', async () => {
      const thread = await startThread();
      expect(await store.comments.enterReservation(reservation(), 2)).toBe(ReservationOutcome.entered);
      expect(await store.comments.addComment(comment(thread.id, 'One too many'), 2, draft('comment_added'))).toBe(false);
      expect(await store.comments.enterReservation(reservation({ kind: 'note' }), 2)).toBe(ReservationOutcome.overLimit);
      const other = { ...thread, id: randomUUID() };
      expect(await store.comments.createThread(other, comment(other.id, 'Also too many'), 2)).toBe(false);
      expect((await store.comments.listThreads(letterId)).flatMap((t) => t.comments)).toHaveLength(1);
      expect(await store.comments.listReservations(letterId)).toHaveLength(1);
      expect((await store.audit.listForLetter(letterId)).map((event) => event.kind)).toEqual(['comment_added']);
      // Another letter has a budget of its own.
      expect(await store.comments.enterReservation(reservation({ letterId: otherLetterId }), 2)).toBe(ReservationOutcome.entered);
    });

    it('K1 lets observers comment only once the letter says so', async () => {
      expect(await store.comments.getSettings(letterId)).toEqual({ observersMayComment: false });
      await store.comments.setSettings(letterId, { observersMayComment: true }, draft('comment_settings_changed'));
      expect(await store.comments.getSettings(letterId)).toEqual({ observersMayComment: true });
      expect(await store.comments.getSettings(otherLetterId)).toEqual({ observersMayComment: false });
      await store.comments.setSettings(letterId, { observersMayComment: false });
      expect(await store.comments.getSettings(letterId)).toEqual({ observersMayComment: false });
    });
  });
}
