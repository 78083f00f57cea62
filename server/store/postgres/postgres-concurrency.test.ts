import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { usePostgres } from '../../../tests/integration/harness/test-services.js';
import { LetterEventKind } from '../store.js';
import { verifyAuditChain } from '../../audit/audit-verifier.js';
import { postgresMigrations } from './migrations.js';
import { PostgresStore } from './postgres-store.js';

const postgres = usePostgres();

/** Opens `count` stores on one fresh database, as `count` instances would. */
async function openInstances(count: number): Promise<PostgresStore[]> {
  const url = await postgres().createDatabase();
  const stores = await Promise.all(Array.from({ length: count }, () => PostgresStore.open(url)));
  opened.push(...stores);
  return stores;
}
const opened: PostgresStore[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((store) => store.close()));
});

async function seedLetter(store: PostgresStore): Promise<{ letterId: string; userId: string }> {
  const now = new Date().toISOString();
  const userId = randomUUID();
  const letterId = randomUUID();
  await store.accounts.insertOffices([{ id: 'aa', name: 'A', nameEn: 'A', country: 'A', ministerName: 'A', ministerTitle: 'A', color: '#000000' }]);
  await store.accounts.insertUser({ id: userId, officeId: 'aa', name: 'A', email: 'a@aa.example', isAdmin: false, passwordHash: null, createdAt: now });
  await store.letters.createLetter({
    letter: { id: letterId, title: 'T', subject: 'S', addressees: [], letterDate: null, status: 'drafting', createdBy: userId, createdAt: now, updatedAt: now },
    signatories: [],
    memberships: [{ userId, roles: ['coordinator'] }],
  });
  return { letterId, userId };
}

/** What a room does to compact: rebuild the text from what is stored and store it as one snapshot. */
async function compact(store: PostgresStore, letterId: string): Promise<void> {
  const text = await store.text.loadText(letterId);
  const doc = new Y.Doc();
  if (text.snapshot) Y.applyUpdate(doc, text.snapshot);
  for (const update of text.updates) Y.applyUpdate(doc, update);
  await store.text.compactText(letterId, { state: Y.encodeStateAsUpdate(doc), stateVector: Y.encodeStateVector(doc) }, text.lastSeq);
}

/** One Yjs update that adds `token` to the letter's list, written by a document of its own. */
function tokenUpdate(token: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getArray<string>('tokens').push([token]);
  return Y.encodeStateAsUpdate(doc);
}

describe('PostgreSQL store under several instances', () => {
  it('applies each migration once when instances start together on an empty database', async () => {
    const url = await postgres().createDatabase();
    const stores = await Promise.all(Array.from({ length: 4 }, () => PostgresStore.open(url)));
    opened.push(...stores);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    await client.end();
    expect(rows.map((row) => row.version)).toEqual(postgresMigrations.map((_, index) => index + 1));
  });

  it('loses no update when instances append to one letter and compact it at the same time', async () => {
    const [first, second] = await openInstances(2);
    const { letterId, userId } = await seedLetter(first!);
    const written: string[] = [];
    const append = async (store: PostgresStore, name: string) => {
      for (let batch = 0; batch < 30; batch++) {
        const tokens = [0, 1, 2].map((i) => `${name}-${batch}-${i}`);
        written.push(...tokens);
        await store.text.appendUpdates(tokens.map((token) => ({ letterId, update: tokenUpdate(token), userId, newClientIds: [] })));
      }
    };
    const compactRepeatedly = async (store: PostgresStore) => {
      for (let i = 0; i < 15; i++) await compact(store, letterId);
    };
    await Promise.all([append(first!, 'a'), append(second!, 'b'), compactRepeatedly(first!), compactRepeatedly(second!)]);

    const text = await first!.text.loadText(letterId);
    const doc = new Y.Doc();
    if (text.snapshot) Y.applyUpdate(doc, text.snapshot);
    for (const update of text.updates) Y.applyUpdate(doc, update);
    expect(doc.getArray<string>('tokens').toArray().sort()).toEqual(written.sort());
  });

  it('lets one person claim a client id again from another instance, and nobody else', async () => {
    const [first, second] = await openInstances(2);
    const { letterId, userId } = await seedLetter(first!);
    const append = (store: PostgresStore, user: string) =>
      store.text.appendUpdates([{ letterId, update: new Uint8Array([1]), userId: user, newClientIds: [42] }]);
    await append(first!, userId);
    await append(second!, userId);
    const other = randomUUID();
    await first!.accounts.insertUser({ id: other, officeId: 'aa', name: 'B', email: 'b@aa.example', isAdmin: false, passwordHash: null, createdAt: '' });
    await expect(append(second!, other)).rejects.toThrow();
    expect((await first!.text.loadText(letterId)).clientOwners).toEqual(new Map([[42, userId]]));
  });

  it('accepts one of two links of a person used at the same moment on two instances', async () => {
    const [first, second] = await openInstances(2);
    const { userId } = await seedLetter(first!);
    const now = new Date().toISOString();
    const expiresAt = new Date(Date.now() + 60_000).toISOString();
    for (const tokenHash of ['link-1', 'link-2']) {
      await first!.accounts.insertInvitation({ tokenHash, userId, createdBy: userId, createdAt: now, expiresAt, usedAt: null });
    }
    const results = await Promise.all([
      first!.accounts.acceptInvitation('link-1', 'hash-1', now),
      second!.accounts.acceptInvitation('link-2', 'hash-2', now),
      second!.accounts.acceptInvitation('link-1', 'hash-3', now),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('moves a letter on only once when two instances race with the same expected status', async () => {
    const [first, second] = await openInstances(2);
    const { letterId, userId } = await seedLetter(first!);
    const move = (store: PostgresStore, toStatus: 'in_review' | 'ready') =>
      store.signoffs.recordLetterEvent(
        {
          letterId,
          kind: LetterEventKind.statusChanged,
          officeId: null,
          fromStatus: 'drafting',
          toStatus,
          letterHash: null,
          reason: null,
          userId,
          createdAt: new Date().toISOString(),
        },
        'drafting',
      );
    const results = await Promise.all([move(first!, 'in_review'), move(second!, 'ready'), move(first!, 'in_review')]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await first!.signoffs.listLetterEvents(letterId)).toHaveLength(1);
  });

  it('keeps one unbroken audit chain when instances append at the same moment', async () => {
    const url = await postgres().createDatabase();
    const stores = await Promise.all(Array.from({ length: 3 }, () => PostgresStore.open(url)));
    opened.push(...stores);
    const draft = (n: number) => ({ at: new Date().toISOString(), kind: 'login_refused', actorUserId: null, actorOfficeId: null, letterId: null, detail: { n } });
    await Promise.all(stores.flatMap((store, s) => Array.from({ length: 10 }, (_, i) => store.audit.append([draft(s * 100 + i), draft(s * 100 + i + 50)]))));
    expect(await verifyAuditChain(stores[0]!.audit)).toEqual({ intact: true, checked: 60, firstBroken: null });
  });
});
