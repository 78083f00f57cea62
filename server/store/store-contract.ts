import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditKind } from '../../shared/api/audit.js';
import { auditEventHash, auditGenesisHash } from '../../shared/domain/audit-hash.js';
import { runCommentStoreContract } from './comment-store-contract.js';
import { runNotificationStoreContract } from './notification-store-contract.js';
import { seedTestLetter, testAccount, testAuditDraft, testOffice, testRevision } from './store-fixtures.js';
import { type AuditDraft, DuplicateFinalSignature, originalGeneration, TextMovedOn, TextReadOnly, type LetterEventRecord, type NewLetter, type Store, type TextSnapshot } from './store.js';

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

    const office = testOffice;
    const account = testAccount;
    const seedLetter = (initialText?: TextSnapshot): Promise<NewLetter> => seedTestLetter(store, initialText ? { initialText } : {});

    /** A second letter beside the seeded one, to show that pages stay within their letter. */
    async function seedLetterOnly(createdBy: string): Promise<string> {
      const id = randomUUID();
      const now = new Date().toISOString();
      await store.letters.createLetter({
        letter: { id, title: 'Other', subject: '', addressees: [], letterDate: null, status: 'drafting', createdBy, createdAt: now, updatedAt: now },
        signatories: [],
        memberships: [],
      });
      return id;
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
      expect(await store.accounts.getUser(user.id)).toEqual({ ...visible, isOfficeAdmin: false, isGuest: false, hasPassword: true });
      await expect(store.accounts.insertUser(account('aa-office', 'desk@aa.example'))).rejects.toThrow();
      await store.accounts.setPasswordHash(user.id, '$argon2id$y');
      expect((await store.accounts.findAccountByEmail('desk@aa.example'))?.passwordHash).toBe('$argon2id$y');
    });

    it('makes a user their office administrator and no longer, each time with its audit event', async () => {
      await store.accounts.insertOffices([office('aa-office', 'A')]);
      const user = account('aa-office', 'head@aa.example');
      await store.accounts.insertUser(user);
      const audit = (isOfficeAdmin: boolean): AuditDraft[] => [
        { at: new Date().toISOString(), kind: 'office_admin_changed', actorUserId: null, actorOfficeId: null, letterId: null, detail: { userId: user.id, isOfficeAdmin } },
      ];
      expect(await store.accounts.setOfficeAdmin(user.id, true, audit(true))).toBe(true);
      expect((await store.accounts.getUser(user.id))?.isOfficeAdmin).toBe(true);
      expect((await store.accounts.listUsers()).find((listed) => listed.id === user.id)?.isOfficeAdmin).toBe(true);
      // The role is the account's, not part of what signing in reads.
      expect(await store.accounts.findAccountByEmail('head@aa.example')).not.toHaveProperty('isOfficeAdmin');
      expect(await store.accounts.setOfficeAdmin(user.id, false, audit(false))).toBe(true);
      expect((await store.accounts.getUser(user.id))?.isOfficeAdmin).toBe(false);
      expect(await store.accounts.setOfficeAdmin(randomUUID(), true, audit(true))).toBe(false);
      const events = await store.audit.readChain(0, 100);
      expect(events.map((event) => JSON.parse(event.detail))).toEqual([
        { userId: user.id, isOfficeAdmin: true },
        { userId: user.id, isOfficeAdmin: false },
      ]);
    });

    it('keeps whether an account is a guest of its office (created by someone who does not administer it)', async () => {
      await store.accounts.insertOffices([office('aa-office', 'A')]);
      const guest = { ...account('aa-office', 'guest@aa.example'), isGuest: true };
      await store.accounts.insertUser(guest);
      expect((await store.accounts.getUser(guest.id))?.isGuest).toBe(true);
      expect(await store.accounts.findAccountByEmail('guest@aa.example')).toEqual(guest);
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

    it('keeps a person’s interface language and a letter’s language, none until one is set', async () => {
      const { letter } = await seedLetter();
      const userId = letter.createdBy;
      expect(await store.accounts.getLanguage(userId)).toBeNull();
      expect(await store.accounts.setLanguage(userId, 'fi')).toBe(true);
      expect(await store.accounts.getLanguage(userId)).toBe('fi');
      expect(await store.accounts.setLanguage(randomUUID(), 'fi')).toBe(false);
      expect(await store.accounts.getLetterLanguage(letter.id)).toBeNull();
      expect(await store.accounts.setLetterLanguage(letter.id, 'sv')).toBe(true);
      expect(await store.accounts.getLetterLanguage(letter.id)).toBe('sv');
      expect(await store.accounts.setLetterLanguage(randomUUID(), 'sv')).toBe(false);
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
      expect(await store.text.loadText(letter.id)).toEqual({ snapshot: null, snapshotStateVector: null, updates: [], lastSeq: 0, clientOwners: new Map(), generation: originalGeneration });
    });

    it('gives every letter a new text generation, different at each restore, when a restore is marked; the text stays', async () => {
      const first = await seedLetter({ state: new Uint8Array([9, 9]), stateVector: new Uint8Array([1, 3, 9]) });
      expect(await store.text.markRestored()).toBe(1);
      const afterOne = await store.text.loadText(first.letter.id);
      expect(afterOne.generation).not.toBe(originalGeneration);
      expect(afterOne.snapshot).toEqual(new Uint8Array([9, 9]));
      expect(afterOne.snapshotStateVector).toEqual(new Uint8Array([1, 3, 9]));
      await store.text.markRestored();
      expect((await store.text.loadText(first.letter.id)).generation).not.toBe(afterOne.generation);
    });

    it('records each marked restore in the letter\'s audit trail, naming the new generation', async () => {
      const { letter } = await seedLetter({ state: new Uint8Array([9, 9]), stateVector: new Uint8Array([0]) });
      await store.text.markRestored();
      const marked = (await store.audit.listForLetter(letter.id)).filter((event) => event.kind === AuditKind.restoreMarked);
      expect(marked).toHaveLength(1);
      expect(marked[0]!.actorUserId).toBeNull();
      expect(JSON.parse(marked[0]!.detail)).toEqual({ generation: (await store.text.loadText(letter.id)).generation });
    });

    it('appends updates in order with increasing sequence numbers, and records who owns each client id', async () => {
      const { letter } = await seedLetter({ state: new Uint8Array([9, 9]), stateVector: new Uint8Array([0]) });
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
      await store.text.compactText(letter.id, { state: new Uint8Array([7, 7, 7]), stateVector: new Uint8Array([1, 9, 4]) }, seqs[1]!);
      const text = await store.text.loadText(letter.id);
      expect(text.snapshot).toEqual(new Uint8Array([7, 7, 7]));
      expect(text.snapshotStateVector).toEqual(new Uint8Array([1, 9, 4]));
      expect(text.updates).toEqual([new Uint8Array([3])]);
      expect(text.lastSeq).toBe(seqs[2]);
    });

    it('reads the updates stored after a sequence number, and nothing when a compaction merged some of them', async () => {
      const { letter } = await seedLetter();
      const seqs = await store.text.appendUpdates(
        [1, 2, 3].map((n) => ({ letterId: letter.id, update: new Uint8Array([n]), userId: letter.createdBy, newClientIds: n === 3 ? [103] : [] })),
      );
      expect(await store.text.loadTextSince(letter.id, seqs[0]!)).toEqual({
        updates: [new Uint8Array([2]), new Uint8Array([3])],
        lastSeq: seqs[2],
        clientOwners: new Map([[103, letter.createdBy]]),
      });
      expect((await store.text.loadTextSince(letter.id, seqs[2]!))?.updates).toEqual([]);
      expect((await store.text.loadTextSince(letter.id, seqs[2]!))?.lastSeq).toBe(seqs[2]);

      await store.text.compactText(letter.id, { state: new Uint8Array([7]), stateVector: new Uint8Array([0]) }, seqs[1]!);
      expect(await store.text.loadTextSince(letter.id, seqs[0]!)).toBeNull();
      expect((await store.text.loadTextSince(letter.id, seqs[1]!))?.updates).toEqual([new Uint8Array([3])]);
    });

    it('leaves a snapshot alone when asked to compact through less than it already covers', async () => {
      const { letter } = await seedLetter();
      const seqs = await store.text.appendUpdates(
        [1, 2, 3].map((n) => ({ letterId: letter.id, update: new Uint8Array([n]), userId: letter.createdBy, newClientIds: [] })),
      );
      await store.text.compactText(letter.id, { state: new Uint8Array([8, 8]), stateVector: new Uint8Array([1, 9, 8]) }, seqs[2]!);
      // Another instance, slower, compacts what it read earlier: its snapshot covers less.
      await store.text.compactText(letter.id, { state: new Uint8Array([7]), stateVector: new Uint8Array([1, 9, 7]) }, seqs[1]!);
      const text = await store.text.loadText(letter.id);
      expect(text.snapshot).toEqual(new Uint8Array([8, 8]));
      expect(text.snapshotStateVector).toEqual(new Uint8Array([1, 9, 8]));
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

    const revision = testRevision;
    const draft = testAuditDraft;

    it('stores revisions with text updates, extends the open one, and lists them newest first', async () => {
      const { letter } = await seedLetter();
      const userId = letter.createdBy;
      const first = revision(letter.id, 'p1', 'Fīrst', { userId, officeId: 'aa-office', kind: 'created' });
      await store.text.appendUpdates([{ letterId: letter.id, update: new Uint8Array([1]), userId, newClientIds: [], revisions: [{ op: 'open', revision: first }] }]);
      const endedAt = later(1);
      await store.text.appendUpdates([
        {
          letterId: letter.id,
          update: new Uint8Array([2]),
          userId,
          newClientIds: [],
          revisions: [{ op: 'extend', id: first.id, endedAt, content: { type: 'paragraph', content: [{ type: 'text', text: 'Fīrst words' }] }, hash: 'b'.repeat(64), changes: 2 }],
        },
      ]);
      const second = revision(letter.id, 'p1', 'Second', { kind: 'restored', restoredFrom: first.id });
      await store.history.appendRevisions([second, revision(letter.id, 'p2', 'Other')]);
      const revisions = await store.history.listRevisions(letter.id, 'p1');
      expect(revisions.map((r) => r.id)).toEqual([second.id, first.id]);
      expect(revisions[1]).toMatchObject({ kind: 'created', userId, officeId: 'aa-office', changes: 2, hash: 'b'.repeat(64), endedAt });
      expect(revisions[1]!.content.content?.[0]?.text).toBe('Fīrst words');
      expect(revisions[0]).toMatchObject({ kind: 'restored', restoredFrom: first.id, userId: null });
      const latest = await store.history.latestRevisions(letter.id);
      expect(latest.map((r) => [r.paragraphId, r.id]).sort()).toEqual([['p1', second.id], ['p2', latest.find((r) => r.paragraphId === 'p2')!.id]].sort());
      expect(await store.history.getRevision(letter.id, first.id)).toMatchObject({ id: first.id });
      expect(await store.history.getRevision(randomUUID(), first.id)).toBeNull();
    });

    it('stores nothing of a batch whose revision cannot be written', async () => {
      const { letter } = await seedLetter();
      const taken = revision(letter.id, 'p1', 'Taken');
      await store.history.appendRevisions([taken]);
      await expect(
        store.text.appendUpdates([{ letterId: letter.id, update: new Uint8Array([1]), userId: letter.createdBy, newClientIds: [], revisions: [{ op: 'open', revision: { ...taken } }] }]),
      ).rejects.toThrow();
      expect((await store.text.loadText(letter.id)).updates).toEqual([]);
    });

    it('keeps versions with their documents and lists them newest first without', async () => {
      const { letter } = await seedLetter();
      const base = { letterId: letter.id, kind: 'named' as const, status: 'drafting' as const, userId: letter.createdBy, paragraphCount: 3 };
      await store.history.insertVersion({ ...base, id: 'a'.repeat(32), name: 'Sent to capitals', createdAt: later(0), document: new Uint8Array([1, 2]) }, [draft('version_saved', letter.id)]);
      await store.history.insertVersion({ ...base, id: 'b'.repeat(32), name: 'Ōtrā', createdAt: later(1), document: new Uint8Array([3]) });
      const versions = await store.history.listVersions(letter.id);
      expect(versions.map((v) => v.name)).toEqual(['Ōtrā', 'Sent to capitals']);
      expect(versions[0]).not.toHaveProperty('document');
      expect((await store.history.getVersion(letter.id, 'a'.repeat(32)))?.document).toEqual(new Uint8Array([1, 2]));
      expect(await store.history.getVersion(randomUUID(), 'a'.repeat(32))).toBeNull();
      expect((await store.audit.listForLetter(letter.id)).map((e) => e.kind)).toEqual(['version_saved']);
    });

    it('keeps with a version the letter\'s details and signatories as they were; an older version has none', async () => {
      const { letter } = await seedLetter();
      const base = { letterId: letter.id, kind: 'named' as const, status: 'drafting' as const, userId: letter.createdBy, paragraphCount: 1, document: new Uint8Array([1]) };
      const record = {
        title: 'Joint letter, first draft',
        subject: 'Ärenduskoostöö',
        addressees: ['The Commission'],
        letterDate: '2026-12-24',
        signatories: [{ position: 0, officeId: 'bb-office', signerName: 'B', capacity: 'Minister B' }],
      };
      await store.history.insertVersion({ ...base, id: 'c'.repeat(32), name: 'With record', createdAt: later(0), letter: record });
      await store.history.insertVersion({ ...base, id: 'd'.repeat(32), name: 'Older', createdAt: later(1) });
      expect((await store.history.getVersion(letter.id, 'c'.repeat(32)))?.letter).toEqual(record);
      expect((await store.history.getVersion(letter.id, 'd'.repeat(32)))?.letter).toBeNull();
    });

    it('chains audit events: each holds the hash of the one before, in order', async () => {
      const { letter } = await seedLetter();
      const first = await store.audit.append([draft('login_succeeded', null, { email: 'liga@aa.example' }), draft('letter_created', letter.id)]);
      const more = await store.audit.append([draft('status_changed', letter.id, { from: 'drafting', to: 'in_review', reason: 'Ļoti "svarīgi"' })]);
      const chain = await store.audit.readChain(0, 10);
      expect(chain.map((e) => e.seq)).toEqual([1, 2, 3]);
      expect(chain[0]!.previousHash).toBe(auditGenesisHash);
      expect(chain[1]!.previousHash).toBe(first[0]!.hash);
      expect(chain[2]!.previousHash).toBe(first[1]!.hash);
      for (const event of chain) expect(auditEventHash(event)).toBe(event.hash);
      expect(JSON.parse(chain[2]!.detail)).toEqual({ from: 'drafting', to: 'in_review', reason: 'Ļoti "svarīgi"' });
      expect(more[0]!.seq).toBe(3);
      expect((await store.audit.readChain(1, 1)).map((e) => e.seq)).toEqual([2]);
      expect((await store.audit.listForLetter(letter.id)).map((e) => e.kind)).toEqual(['letter_created', 'status_changed']);
    });

    it('F2 records one final signature per office and letter hash in a signing round, and again in the next round', async () => {
      const { letter } = await seedLetter();
      const event = (fields: Partial<LetterEventRecord>): Omit<LetterEventRecord, 'id'> => ({
        letterId: letter.id,
        kind: 'status_changed',
        officeId: null,
        fromStatus: null,
        toStatus: null,
        letterHash: null,
        reason: null,
        userId: letter.createdBy,
        createdAt: later(0),
        ...fields,
      });
      const move = (from: 'drafting' | 'in_review' | 'ready', to: 'in_review' | 'ready') =>
        store.signoffs.recordLetterEvent(event({ fromStatus: from, toStatus: to }), from);
      const signature = event({ kind: 'final_signature', officeId: 'aa-office', letterHash: 'a'.repeat(64) });
      expect(await move('drafting', 'in_review')).toBe(true);
      expect(await move('in_review', 'ready')).toBe(true);
      expect(await store.signoffs.recordLetterEvent(signature, 'ready', [draft('final_signature', letter.id)])).toBe(true);
      await expect(store.signoffs.recordLetterEvent(signature, 'ready', [draft('final_signature', letter.id)])).rejects.toBeInstanceOf(DuplicateFinalSignature);
      expect(await store.signoffs.recordLetterEvent({ ...signature, officeId: 'bb-office' }, 'ready')).toBe(true);
      // Back to review and ready again: a new round, in which the same text may be signed again.
      expect(await move('ready', 'in_review')).toBe(true);
      expect(await move('in_review', 'ready')).toBe(true);
      expect(await store.signoffs.recordLetterEvent(signature, 'ready')).toBe(true);
      const signatures = (await store.signoffs.listLetterEvents(letter.id)).filter((recorded) => recorded.kind === 'final_signature');
      expect(signatures.map((recorded) => recorded.officeId)).toEqual(['aa-office', 'bb-office', 'aa-office']);
      expect((await store.audit.listForLetter(letter.id)).map((recorded) => recorded.kind)).toEqual(['final_signature']);
    });

    it('C5 records a move to ready only if no text was stored after the text checked, and then refuses that letter’s edits alone', async () => {
      const { letter } = await seedLetter();
      const userId = letter.createdBy;
      const other = { id: await seedLetterOnly(userId), createdBy: userId };
      const append = (letterId: string, byte: number) => store.text.appendUpdates([{ letterId, update: new Uint8Array([byte]), userId, newClientIds: [] }]);
      const toReady = (textThroughSeq: number) =>
        store.signoffs.recordLetterEvent(
          { letterId: letter.id, kind: 'status_changed', officeId: null, fromStatus: 'in_review', toStatus: 'ready', letterHash: null, reason: null, userId, createdAt: later(0) },
          'in_review',
          [draft('status_changed', letter.id)],
          { textThroughSeq },
        );
      expect(await store.signoffs.recordLetterEvent(
        { letterId: letter.id, kind: 'status_changed', officeId: null, fromStatus: 'drafting', toStatus: 'in_review', letterHash: null, reason: null, userId, createdAt: later(0) },
        'drafting',
      )).toBe(true);
      const [checked] = await append(letter.id, 1);
      // Another instance stores an edit after the check, before it hears of the move.
      const [late] = await append(letter.id, 2);
      await expect(toReady(checked!)).rejects.toBeInstanceOf(TextMovedOn);
      expect((await store.letters.getLetter(letter.id))?.status).toBe('in_review');
      expect(await store.audit.listForLetter(letter.id)).toEqual([]);
      // Compacting keeps the newest sequence number in force.
      await store.text.compactText(letter.id, { state: new Uint8Array([7]), stateVector: new Uint8Array([0]) }, late!);
      await expect(toReady(checked!)).rejects.toBeInstanceOf(TextMovedOn);

      expect(await toReady(late!)).toBe(true);
      const refused = append(letter.id, 3);
      await expect(refused).rejects.toBeInstanceOf(TextReadOnly);
      await expect(refused).rejects.toMatchObject({ letterIds: [letter.id] });
      // A batch holding that letter's edit stores nothing; another letter's edits on their own are stored.
      await expect(
        store.text.appendUpdates([
          { letterId: other.id, update: new Uint8Array([4]), userId: other.createdBy, newClientIds: [] },
          { letterId: letter.id, update: new Uint8Array([5]), userId, newClientIds: [] },
        ]),
      ).rejects.toBeInstanceOf(TextReadOnly);
      expect((await store.text.loadText(other.id)).updates).toEqual([]);
      expect(await append(other.id, 6).then((seqs) => seqs.length)).toBe(1);
      const text = await store.text.loadText(letter.id);
      expect(text.lastSeq).toBe(late);
      expect(text.updates).toEqual([]);
    });

    it('C3 replaces the signatories only in the statuses the caller allows, checked in the same transaction', async () => {
      const { letter, signatories } = await seedLetter();
      const event = { letterId: letter.id, kind: 'signatories_changed' as const, officeId: null, fromStatus: null, toStatus: null, letterHash: null, reason: null, userId: letter.createdBy, createdAt: later(0) };
      const renamed = signatories.map((signatory) => ({ ...signatory, signerName: `${signatory.signerName} (deputy)` }));
      expect(await store.signoffs.replaceSignatories(letter.id, renamed, event, [draft('signatories_changed', letter.id)], ['in_review'])).toBe(false);
      expect((await store.letters.listSignatories(letter.id)).map((s) => s.signerName)).toEqual(['B', 'A']);
      expect(await store.audit.listForLetter(letter.id)).toEqual([]);
      expect(await store.signoffs.replaceSignatories(letter.id, renamed, event, [draft('signatories_changed', letter.id)], ['drafting', 'in_review'])).toBe(true);
      expect((await store.letters.listSignatories(letter.id)).map((s) => s.signerName)).toEqual(['B (deputy)', 'A (deputy)']);
    });

    it('stores an act and its audit events together, or neither', async () => {
      const { letter } = await seedLetter();
      const user = account('bb-office', 'ona@bb.example');
      await store.accounts.insertUser(user);
      await store.letters.setRoles(letter.id, user.id, ['drafter'], [draft('member_roles_changed', letter.id)]);
      const moved = await store.signoffs.recordLetterEvent(
        { letterId: letter.id, kind: 'status_changed', officeId: null, fromStatus: 'in_review', toStatus: 'ready', letterHash: null, reason: null, userId: user.id, createdAt: later(0) },
        'in_review',
        [draft('status_changed', letter.id)],
      );
      expect(moved).toBe(false);
      await expect(store.accounts.insertUser(user, [draft('user_created', null)])).rejects.toThrow();
      expect((await store.audit.readChain(0, 10)).map((e) => e.kind)).toEqual(['member_roles_changed']);
    });

    it('numbers state messages 1, 2, 3… per letter, each letter on its own', async () => {
      const { letter } = await seedLetter();
      expect(await store.signoffs.currentStateSeq(letter.id)).toBe(0);
      expect(await store.signoffs.nextStateSeq(letter.id)).toBe(1);
      expect(await store.signoffs.nextStateSeq(letter.id)).toBe(2);
      expect(await store.signoffs.currentStateSeq(letter.id)).toBe(2);
      expect(await store.signoffs.currentStateSeq('00000000-0000-4000-8000-000000000000')).toBe(0);
    });

    it('D1 D2 changes a letter\'s details only in the statuses the caller allows, keeping every edit with its audit event', async () => {
      const { letter } = await seedLetter();
      const details = { title: 'Joint letter on Ärzte', subject: 'On cooperation, again', addressees: ['The Commission', 'The Council'], letterDate: '2026-12-24' };
      const edit = (minutes: number, changes: { field: 'title' | 'letterDate'; from: string | null; to: string | null }[]) => ({
        letterId: letter.id,
        userId: letter.createdBy,
        createdAt: later(minutes),
        changes,
      });
      const first = edit(1, [{ field: 'title', from: 'Joint letter', to: details.title }]);
      expect(await store.letters.updateDetails(letter.id, details, first, [draft('letter_details_changed', letter.id)], ['in_review'])).toBe(false);
      expect((await store.letters.getLetter(letter.id))?.title).toBe('Joint letter');
      expect(await store.letters.listDetailsEdits(letter.id)).toEqual([]);
      expect(await store.audit.listForLetter(letter.id)).toEqual([]);

      expect(await store.letters.updateDetails(letter.id, details, first, [draft('letter_details_changed', letter.id)], ['drafting', 'in_review'])).toBe(true);
      const second = edit(2, [{ field: 'letterDate', from: '2026-12-24', to: null }]);
      expect(await store.letters.updateDetails(letter.id, { ...details, letterDate: null }, second, [draft('letter_details_changed', letter.id)], ['drafting'])).toBe(true);
      expect(await store.letters.updateDetails('00000000-0000-4000-8000-000000000000', details, first, [], ['drafting'])).toBe(false);

      const stored = await store.letters.getLetter(letter.id);
      expect(stored).toMatchObject({ title: details.title, subject: details.subject, addressees: details.addressees, letterDate: null, updatedAt: second.createdAt });
      const edits = await store.letters.listDetailsEdits(letter.id);
      expect(edits.map(({ id: _id, ...rest }) => rest)).toEqual([second, first]);
      expect(edits[0]!.id).toBeGreaterThan(edits[1]!.id);
      expect((await store.audit.listForLetter(letter.id)).map((event) => event.kind)).toEqual(['letter_details_changed', 'letter_details_changed']);
    });

    it('pages a letter\'s audit events newest first, before a cursor, by kind, actor and office', async () => {
      const { letter } = await seedLetter();
      const other = await seedLetterOnly(letter.createdBy);
      const actorA = letter.createdBy;
      const drafts: AuditDraft[] = [];
      for (let i = 1; i <= 7; i++) {
        drafts.push({ ...draft(i % 2 === 0 ? 'signoff_recorded' : 'version_saved', letter.id, { i }), actorUserId: i <= 4 ? actorA : null, actorOfficeId: i <= 2 ? 'aa-office' : null });
      }
      drafts.push(draft('version_saved', other, { i: 99 }));
      await store.audit.append(drafts);
      const numbers = (records: { detail: string }[]) => records.map((record) => (JSON.parse(record.detail) as { i: number }).i);
      const first = await store.audit.pageForLetter(letter.id, { limit: 3 });
      expect(numbers(first)).toEqual([7, 6, 5]);
      const second = await store.audit.pageForLetter(letter.id, { limit: 3, beforeSeq: first.at(-1)!.seq });
      expect(numbers(second)).toEqual([4, 3, 2]);
      expect(numbers(await store.audit.pageForLetter(letter.id, { limit: 3, beforeSeq: second.at(-1)!.seq }))).toEqual([1]);
      expect(numbers(await store.audit.pageForLetter(letter.id, { limit: 10, kind: 'signoff_recorded' }))).toEqual([6, 4, 2]);
      expect(numbers(await store.audit.pageForLetter(letter.id, { limit: 10, actorUserId: actorA, kind: 'version_saved' }))).toEqual([3, 1]);
      expect(numbers(await store.audit.pageForLetter(letter.id, { limit: 10, actorOfficeId: 'aa-office' }))).toEqual([2, 1]);
    });
  });
  runCommentStoreContract(name, openEmptyStore);
  runNotificationStoreContract(name, openEmptyStore);
}
