import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Office } from '../../shared/api/offices.js';
import type { AccountRecord, NewLetter, Store } from './store.js';

/**
 * The behaviour every Store implementation must have. A store test file calls this with a
 * factory that opens a fresh, empty store and a function that disposes of it.
 */
export function runStoreContract(
  name: string,
  openEmptyStore: () => Promise<{ store: Store; dispose: () => Promise<void> }>,
): void {
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

    const account = (officeId: string, email: string): AccountRecord => ({
      id: randomUUID(),
      officeId,
      name: 'Līga Test',
      email,
      isAdmin: false,
      passwordHash: null,
      createdAt: new Date().toISOString(),
    });

    async function seedLetter(initialText?: Uint8Array): Promise<NewLetter> {
      await store.accounts.insertOffices([office('aa-office', 'Ämbetsverket'), office('bb-office', 'Ministerstvo')]);
      const user = account('aa-office', 'liga@aa.example');
      await store.accounts.insertUser(user);
      const now = new Date().toISOString();
      const newLetter: NewLetter = {
        letter: {
          id: randomUUID(),
          title: 'Joint letter',
          subject: 'On cooperation',
          addressees: ['The Commission'],
          letterDate: null,
          status: 'drafting',
          createdBy: user.id,
          createdAt: now,
          updatedAt: now,
        },
        signatories: [
          { position: 0, officeId: 'bb-office', signerName: 'B', capacity: 'Minister B' },
          { position: 1, officeId: 'aa-office', signerName: 'A', capacity: 'Minister A' },
        ],
        memberships: [{ userId: user.id, roles: ['coordinator'] }],
        ...(initialText ? { initialText } : {}),
      };
      await store.letters.createLetter(newLetter);
      return newLetter;
    }

    const later = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

    it('keeps offices in the order they were added, names intact', async () => {
      await store.accounts.insertOffices([office('zz-last', 'Žemės'), office('aa-first', 'Øst')]);
      await store.accounts.insertOffices([office('mm-third', 'Iekšlietu ministrija')]);
      const offices = await store.accounts.listOffices();
      expect(offices.map((o) => o.id)).toEqual(['zz-last', 'aa-first', 'mm-third']);
      expect(offices[2]?.name).toBe('Iekšlietu ministrija');
    });

    it('finds an account by e-mail with its password hash, and refuses a second account with that e-mail', async () => {
      await store.accounts.insertOffices([office('aa-office', 'A')]);
      const user = { ...account('aa-office', 'desk@aa.example'), passwordHash: '$argon2id$x', isAdmin: true };
      await store.accounts.insertUser(user);
      expect(await store.accounts.findAccountByEmail('desk@aa.example')).toEqual(user);
      const { passwordHash: _hidden, ...visible } = user;
      expect(await store.accounts.getUser(user.id)).toEqual({ ...visible, hasPassword: true });
      await expect(store.accounts.insertUser(account('aa-office', 'desk@aa.example'))).rejects.toThrow();
      await store.accounts.setPasswordHash(user.id, '$argon2id$y');
      expect((await store.accounts.findAccountByEmail('desk@aa.example'))?.passwordHash).toBe('$argon2id$y');
    });

    it('stores, touches and deletes sessions, one or all of a user', async () => {
      const { letter } = await seedLetter();
      const now = new Date().toISOString();
      const session = { id: randomUUID(), userId: letter.createdBy, createdAt: now, lastSeenAt: now, expiresAt: later(60) };
      const other = { ...session, id: randomUUID() };
      await store.accounts.insertSession(session);
      await store.accounts.insertSession(other);
      expect(await store.accounts.getSession(session.id)).toEqual(session);
      const touched = later(1);
      await store.accounts.touchSession(session.id, touched);
      expect((await store.accounts.getSession(session.id))?.lastSeenAt).toBe(touched);
      await store.accounts.deleteSession(session.id);
      expect(await store.accounts.getSession(session.id)).toBeNull();
      expect(await store.accounts.deleteSessionsOfUser(letter.createdBy)).toEqual([other.id]);
      expect(await store.accounts.getSession(other.id)).toBeNull();
    });

    it('accepts an invitation once, and not after it expired', async () => {
      await store.accounts.insertOffices([office('aa-office', 'A')]);
      const admin = account('aa-office', 'admin@aa.example');
      const invited = account('aa-office', 'new@aa.example');
      await store.accounts.insertUser(admin);
      await store.accounts.insertUser(invited);
      const now = new Date().toISOString();
      const invitation = { tokenHash: 'h1', userId: invited.id, createdBy: admin.id, createdAt: now, expiresAt: later(60), usedAt: null };
      await store.accounts.insertInvitation(invitation);
      await store.accounts.insertInvitation({ ...invitation, tokenHash: 'h2', expiresAt: later(-1) });
      expect(await store.accounts.getInvitation('h1')).toEqual(invitation);
      expect(await store.accounts.acceptInvitation('h2', 'hash', now)).toBe(false);
      expect(await store.accounts.acceptInvitation('h1', 'hash', now)).toBe(true);
      expect(await store.accounts.acceptInvitation('h1', 'other', now)).toBe(false);
      expect((await store.accounts.findAccountByEmail('new@aa.example'))?.passwordHash).toBe('hash');
    });

    it('uses up every other link of a person once one of them was used', async () => {
      await store.accounts.insertOffices([office('aa-office', 'A')]);
      const admin = account('aa-office', 'admin@aa.example');
      const invited = account('aa-office', 'new@aa.example');
      await store.accounts.insertUser(admin);
      await store.accounts.insertUser(invited);
      const now = new Date().toISOString();
      const first = { tokenHash: 'lost', userId: invited.id, createdBy: admin.id, createdAt: now, expiresAt: later(60), usedAt: null };
      await store.accounts.insertInvitation(first);
      await store.accounts.insertInvitation({ ...first, tokenHash: 'renewed' });
      expect(await store.accounts.acceptInvitation('renewed', 'hash', now)).toBe(true);
      expect(await store.accounts.acceptInvitation('lost', 'taken over', now)).toBe(false);
      expect((await store.accounts.findAccountByEmail('new@aa.example'))?.passwordHash).toBe('hash');
    });

    it('creates a letter with its signatories in signing order and its members', async () => {
      const { letter } = await seedLetter();
      expect(await store.letters.getLetter(letter.id)).toEqual(letter);
      const signatories = await store.letters.listSignatories(letter.id);
      expect(signatories.map((s) => s.officeId)).toEqual(['bb-office', 'aa-office']);
      expect(await store.letters.getRoles(letter.id, letter.createdBy)).toEqual(['coordinator']);
      expect(await store.letters.getRoles(letter.id, randomUUID())).toEqual([]);
      const listed = await store.letters.listLetters();
      expect(listed.map((l) => [l.id, l.signatoryCount])).toEqual([[letter.id, 2]]);
    });

    it('adds members, changes their roles and removes them', async () => {
      const { letter } = await seedLetter();
      const member = account('bb-office', 'b@bb.example');
      await store.accounts.insertUser(member);
      await store.letters.setRoles(letter.id, member.id, ['observer']);
      await store.letters.setRoles(letter.id, member.id, ['drafter', 'approver']);
      expect(await store.letters.listMembers(letter.id)).toEqual([
        { userId: letter.createdBy, roles: ['coordinator'] },
        { userId: member.id, roles: ['drafter', 'approver'] },
      ]);
      await store.letters.removeMember(letter.id, member.id);
      expect(await store.letters.getRoles(letter.id, member.id)).toEqual([]);
    });

    it('writes nothing of a letter whose creation fails part-way', async () => {
      const { letter } = await seedLetter();
      const broken: NewLetter = {
        letter: { ...letter, id: randomUUID() },
        signatories: [{ position: 0, officeId: 'no-such-office', signerName: 'X', capacity: 'X' }],
        memberships: [],
      };
      await expect(store.letters.createLetter(broken)).rejects.toThrow();
      expect(await store.letters.getLetter(broken.letter.id)).toBeNull();
      expect((await store.letters.listLetters()).length).toBe(1);
    });

    it('answers null for an unknown letter and empty text for a letter without any', async () => {
      expect(await store.letters.getLetter(randomUUID())).toBeNull();
      const { letter } = await seedLetter();
      expect(await store.text.loadText(letter.id)).toEqual({ snapshot: null, updates: [], lastSeq: 0, clientOwners: new Map() });
    });

    it('appends updates in order with increasing sequence numbers, and records who owns each client id', async () => {
      const { letter } = await seedLetter(new Uint8Array([9, 9]));
      const userId = letter.createdBy;
      const seqs = await store.text.appendUpdates([
        { letterId: letter.id, update: new Uint8Array([1]), userId, newClientIds: [101] },
        { letterId: letter.id, update: new Uint8Array([2, 2]), userId, newClientIds: [] },
      ]);
      const more = await store.text.appendUpdates([{ letterId: letter.id, update: new Uint8Array([3]), userId, newClientIds: [102] }]);
      expect(seqs[0]).toBeLessThan(seqs[1]!);
      expect(seqs[1]).toBeLessThan(more[0]!);
      const text = await store.text.loadText(letter.id);
      expect(text.snapshot).toEqual(new Uint8Array([9, 9]));
      expect(text.updates).toEqual([new Uint8Array([1]), new Uint8Array([2, 2]), new Uint8Array([3])]);
      expect(text.lastSeq).toBe(more[0]);
      expect(text.clientOwners).toEqual(new Map([[101, userId], [102, userId]]));
    });

    it('compacts the updates up to a sequence number into a snapshot and keeps later ones', async () => {
      const { letter } = await seedLetter();
      const seqs = await store.text.appendUpdates(
        [1, 2, 3].map((n) => ({ letterId: letter.id, update: new Uint8Array([n]), userId: letter.createdBy, newClientIds: [] })),
      );
      await store.text.compactText(letter.id, new Uint8Array([7, 7, 7]), seqs[1]!);
      const text = await store.text.loadText(letter.id);
      expect(text.snapshot).toEqual(new Uint8Array([7, 7, 7]));
      expect(text.updates).toEqual([new Uint8Array([3])]);
      expect(text.lastSeq).toBe(seqs[2]);
    });

    it('leaves a snapshot alone when asked to compact through less than it already covers', async () => {
      const { letter } = await seedLetter();
      const seqs = await store.text.appendUpdates(
        [1, 2, 3].map((n) => ({ letterId: letter.id, update: new Uint8Array([n]), userId: letter.createdBy, newClientIds: [] })),
      );
      await store.text.compactText(letter.id, new Uint8Array([8, 8]), seqs[2]!);
      // Another instance, slower, compacts what it read earlier: its snapshot covers less.
      await store.text.compactText(letter.id, new Uint8Array([7]), seqs[1]!);
      const text = await store.text.loadText(letter.id);
      expect(text.snapshot).toEqual(new Uint8Array([8, 8]));
      expect(text.updates).toEqual([]);
      expect(text.lastSeq).toBe(seqs[2]);
    });

    it('refuses updates for a letter that does not exist, and stores none of that batch', async () => {
      const { letter } = await seedLetter();
      await expect(
        store.text.appendUpdates([
          { letterId: letter.id, update: new Uint8Array([1]), userId: letter.createdBy, newClientIds: [5] },
          { letterId: randomUUID(), update: new Uint8Array([2]), userId: letter.createdBy, newClientIds: [] },
        ]),
      ).rejects.toThrow();
      const text = await store.text.loadText(letter.id);
      expect(text.updates).toEqual([]);
      expect(text.clientOwners.size).toBe(0);
    });
  });
}
