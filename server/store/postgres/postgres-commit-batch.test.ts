import { afterEach, describe, expect, it } from 'vitest';
import { usePostgres } from '../../../tests/integration/harness/test-services.js';
import { verifyAuditChain } from '../../audit/audit-verifier.js';
import type { RevisionWrite, UpdateToAppend } from '../store.js';
import { seedTestLetter, testAuditDraft, testRevision } from '../store-fixtures.js';
import { PostgresStore } from './postgres-store.js';

/**
 * A commit batch on PostgreSQL writes its client-id claims, revisions and audit events in one
 * statement each for the whole batch: what is stored, and what is refused, stays as if every
 * update of the batch had been written on its own, in order.
 */
const postgres = usePostgres();

const longAgo = '2020-01-01T00:00:00.000Z';
const opened: PostgresStore[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((store) => store.close()));
});

async function openStore(): Promise<PostgresStore> {
  const store = await PostgresStore.open(await postgres().createDatabase());
  opened.push(store);
  return store;
}

/** A letter last changed long ago, its coordinator and a second person of the same office. */
async function seedLetter(store: PostgresStore): Promise<{ letterId: string; owner: string; other: string }> {
  const { letter, memberships } = await seedTestLetter(store, { at: longAgo, drafters: ['other@aa.example'] });
  return { letterId: letter.id, owner: letter.createdBy, other: memberships[1]!.userId };
}

const revision = testRevision;

const paragraphText = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

const draft = (kind: string, letterId: string) => testAuditDraft(kind, letterId, { kind });

describe('PostgreSQL commit batch', () => {
  it('stores nothing of a batch in which one update claims a client id someone else owns', async () => {
    const store = await openStore();
    const { letterId, owner, other } = await seedLetter(store);
    const [firstSeq] = await store.text.appendUpdates([{ letterId, update: new Uint8Array([1]), userId: owner, newClientIds: [42] }]);
    const touched = (await store.letters.getLetter(letterId))!.updatedAt;

    const batch: UpdateToAppend[] = [
      { letterId, update: new Uint8Array([2]), userId: owner, newClientIds: [7], revisions: [{ op: 'open', revision: revision(letterId, 'p1', 'Kept?') }], audit: [draft('first', letterId)] },
      { letterId, update: new Uint8Array([3]), userId: other, newClientIds: [8, 42] },
    ];
    await expect(store.text.appendUpdates(batch)).rejects.toThrow(/client id 42/);

    const text = await store.text.loadText(letterId);
    expect(text.updates).toEqual([new Uint8Array([1])]);
    expect(text.lastSeq).toBe(firstSeq);
    expect(text.clientOwners).toEqual(new Map([[42, owner]]));
    expect(await store.history.listRevisions(letterId, 'p1')).toEqual([]);
    expect(await store.audit.listForLetter(letterId)).toEqual([]);
    expect((await store.letters.getLetter(letterId))!.updatedAt).toBe(touched);
  });

  it('stores nothing of a batch in which two people claim the same new client id, and lets one person name an id twice', async () => {
    const store = await openStore();
    const { letterId, owner, other } = await seedLetter(store);
    await expect(
      store.text.appendUpdates([
        { letterId, update: new Uint8Array([1]), userId: owner, newClientIds: [9] },
        { letterId, update: new Uint8Array([2]), userId: other, newClientIds: [9] },
      ]),
    ).rejects.toThrow(/client id 9/);
    expect(await store.text.loadText(letterId)).toMatchObject({ updates: [], clientOwners: new Map() });
    expect((await store.letters.getLetter(letterId))!.updatedAt).toBe(longAgo);

    await store.text.appendUpdates([
      { letterId, update: new Uint8Array([1]), userId: owner, newClientIds: [9, 10] },
      { letterId, update: new Uint8Array([2]), userId: owner, newClientIds: [9] },
      { letterId, update: new Uint8Array([3]), userId: other, newClientIds: [11] },
    ]);
    const text = await store.text.loadText(letterId);
    expect(text.updates).toEqual([new Uint8Array([1]), new Uint8Array([2]), new Uint8Array([3])]);
    expect(text.clientOwners).toEqual(new Map([[9, owner], [10, owner], [11, other]]));
    expect((await store.letters.getLetter(letterId))!.updatedAt > longAgo).toBe(true);
  });

  it('stores the revisions of a batch as one write after another would: openings in order, each revision as last extended', async () => {
    const store = await openStore();
    const { letterId, owner } = await seedLetter(store);
    const first = revision(letterId, 'p1', 'One');
    const older = revision(letterId, 'p2', 'Two');
    const newer = revision(letterId, 'p2', 'Two, again');
    const extend = (id: string, text: string, changes: number): RevisionWrite => ({
      op: 'extend',
      id,
      endedAt: `2030-01-01T00:00:0${changes}.000Z`,
      content: paragraphText(text),
      hash: String(changes).repeat(64),
      changes,
    });
    await store.text.appendUpdates([
      { letterId, update: new Uint8Array([1]), userId: owner, newClientIds: [], revisions: [{ op: 'open', revision: first }, { op: 'open', revision: older }] },
      { letterId, update: new Uint8Array([2]), userId: owner, newClientIds: [], revisions: [extend(first.id, 'One more', 2), extend(older.id, 'Two words', 2)] },
      { letterId, update: new Uint8Array([3]), userId: owner, newClientIds: [], revisions: [extend(first.id, 'One more word', 3), { op: 'open', revision: newer }] },
    ]);

    expect(await store.history.getRevision(letterId, first.id)).toMatchObject({
      content: paragraphText('One more word'),
      changes: 3,
      hash: '3'.repeat(64),
      endedAt: '2030-01-01T00:00:03.000Z',
    });
    expect(await store.history.getRevision(letterId, older.id)).toMatchObject({ content: paragraphText('Two words'), changes: 2 });
    expect((await store.history.listRevisions(letterId, 'p2')).map((r) => r.id)).toEqual([newer.id, older.id]);
    expect((await store.history.latestRevisions(letterId)).map((r) => r.id).sort()).toEqual([first.id, newer.id].sort());
  });

  it('chains the audit events of every update of a batch in the order of the updates', async () => {
    const store = await openStore();
    const { letterId, owner } = await seedLetter(store);
    await store.text.appendUpdates([
      { letterId, update: new Uint8Array([1]), userId: owner, newClientIds: [], audit: [draft('first', letterId)] },
      { letterId, update: new Uint8Array([2]), userId: owner, newClientIds: [] },
      { letterId, update: new Uint8Array([3]), userId: owner, newClientIds: [], audit: [draft('second', letterId), draft('third', letterId)] },
    ]);
    expect((await store.audit.listForLetter(letterId)).map((event) => [event.seq, event.kind])).toEqual([
      [1, 'first'],
      [2, 'second'],
      [3, 'third'],
    ]);
    expect(await verifyAuditChain(store.audit)).toEqual({ intact: true, checked: 3, firstBroken: null });
  });
});
