import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Office } from '../../shared/api/offices.js';
import type { NewLetter, Store } from './store.js';

/**
 * The behaviour every Store implementation must have. A store test file calls this with a
 * factory that opens a fresh, empty store and a function that disposes of it.
 */
export function runStoreContract(name: string, openEmptyStore: () => Promise<{ store: Store; dispose: () => Promise<void> }>): void {
  describe(`store contract: ${name}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;

    beforeEach(async () => {
      ({ store, dispose } = await openEmptyStore());
    });
    afterEach(async () => {
      await dispose();
    });

    const office = (id: string, name: string): Office => ({
      id,
      name,
      nameEn: `${name} (English)`,
      country: 'Testland',
      ministerName: 'Åsa Testperson',
      ministerTitle: 'Minister',
      color: '#1f4e79',
    });

    async function seedLetter(initialText?: Uint8Array): Promise<NewLetter> {
      await store.insertOffices([office('aa-office', 'Ämbetsverket'), office('bb-office', 'Ministerstvo')]);
      const userId = randomUUID();
      await store.insertUser({ id: userId, officeId: 'aa-office', name: 'Līga Test', createdAt: new Date().toISOString() });
      const now = new Date().toISOString();
      const newLetter: NewLetter = {
        letter: {
          id: randomUUID(),
          title: 'Joint letter',
          subject: 'On cooperation',
          addressees: ['The Commission'],
          letterDate: null,
          status: 'drafting',
          createdBy: userId,
          createdAt: now,
          updatedAt: now,
        },
        signatories: [
          { position: 0, officeId: 'bb-office', signerName: 'B', capacity: 'Minister B' },
          { position: 1, officeId: 'aa-office', signerName: 'A', capacity: 'Minister A' },
        ],
        memberships: [{ userId, roles: ['coordinator'] }],
        ...(initialText ? { initialText } : {}),
      };
      await store.createLetter(newLetter);
      return newLetter;
    }

    it('keeps offices in the order they were added, names intact', async () => {
      await store.insertOffices([office('zz-last', 'Žemės'), office('aa-first', 'Øst')]);
      await store.insertOffices([office('mm-third', 'Iekšlietu ministrija')]);
      const offices = await store.listOffices();
      expect(offices.map((o) => o.id)).toEqual(['zz-last', 'aa-first', 'mm-third']);
      expect(offices[2]?.name).toBe('Iekšlietu ministrija');
    });

    it('stores, finds and deletes sessions', async () => {
      const { letter } = await seedLetter();
      const session = { id: randomUUID(), userId: letter.createdBy, createdAt: letter.createdAt, expiresAt: letter.createdAt };
      await store.insertSession(session);
      expect(await store.getSession(session.id)).toEqual(session);
      await store.deleteSession(session.id);
      expect(await store.getSession(session.id)).toBeNull();
    });

    it('creates a letter with its signatories in signing order and its members', async () => {
      const { letter } = await seedLetter();
      expect(await store.getLetter(letter.id)).toEqual(letter);
      const signatories = await store.listSignatories(letter.id);
      expect(signatories.map((s) => s.officeId)).toEqual(['bb-office', 'aa-office']);
      expect(await store.getRoles(letter.id, letter.createdBy)).toEqual(['coordinator']);
      expect(await store.getRoles(letter.id, randomUUID())).toEqual([]);
      const listed = await store.listLetters();
      expect(listed.map((l) => [l.id, l.signatoryCount])).toEqual([[letter.id, 2]]);
    });

    it('writes nothing of a letter whose creation fails part-way', async () => {
      const { letter } = await seedLetter();
      const broken: NewLetter = {
        letter: { ...letter, id: randomUUID() },
        signatories: [{ position: 0, officeId: 'no-such-office', signerName: 'X', capacity: 'X' }],
        memberships: [],
      };
      await expect(store.createLetter(broken)).rejects.toThrow();
      expect(await store.getLetter(broken.letter.id)).toBeNull();
      expect((await store.listLetters()).length).toBe(1);
    });

    it('answers null for an unknown letter and empty text for a letter without any', async () => {
      expect(await store.getLetter(randomUUID())).toBeNull();
      const { letter } = await seedLetter();
      expect(await store.loadText(letter.id)).toEqual({ snapshot: null, updates: [], lastSeq: 0 });
    });

    it('appends updates in order with increasing sequence numbers', async () => {
      const { letter } = await seedLetter(new Uint8Array([9, 9]));
      const seqs = await store.appendUpdates([
        { letterId: letter.id, update: new Uint8Array([1]), userId: letter.createdBy },
        { letterId: letter.id, update: new Uint8Array([2, 2]), userId: letter.createdBy },
      ]);
      const more = await store.appendUpdates([{ letterId: letter.id, update: new Uint8Array([3]), userId: letter.createdBy }]);
      expect(seqs[0]).toBeLessThan(seqs[1]!);
      expect(seqs[1]).toBeLessThan(more[0]!);
      const text = await store.loadText(letter.id);
      expect(text.snapshot).toEqual(new Uint8Array([9, 9]));
      expect(text.updates).toEqual([new Uint8Array([1]), new Uint8Array([2, 2]), new Uint8Array([3])]);
      expect(text.lastSeq).toBe(more[0]);
    });

    it('compacts the updates up to a sequence number into a snapshot and keeps later ones', async () => {
      const { letter } = await seedLetter();
      const seqs = await store.appendUpdates(
        [1, 2, 3].map((n) => ({ letterId: letter.id, update: new Uint8Array([n]), userId: letter.createdBy })),
      );
      await store.compactText(letter.id, new Uint8Array([7, 7, 7]), seqs[1]!);
      const text = await store.loadText(letter.id);
      expect(text.snapshot).toEqual(new Uint8Array([7, 7, 7]));
      expect(text.updates).toEqual([new Uint8Array([3])]);
      expect(text.lastSeq).toBe(seqs[2]);
    });

    it('refuses updates for a letter that does not exist, and stores none of that batch', async () => {
      const { letter } = await seedLetter();
      await expect(
        store.appendUpdates([
          { letterId: letter.id, update: new Uint8Array([1]), userId: letter.createdBy },
          { letterId: randomUUID(), update: new Uint8Array([2]), userId: letter.createdBy },
        ]),
      ).rejects.toThrow();
      expect((await store.loadText(letter.id)).updates).toEqual([]);
    });
  });
}
