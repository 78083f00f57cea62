import { randomUUID } from 'node:crypto';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { LetterStatus } from '../../shared/api/letters.js';
import { bodyFieldName } from '../../shared/domain/editor-extensions.js';
import { letterSchema } from '../../shared/domain/letter-schema.js';
import { Role } from '../../shared/domain/roles.js';
import { hashPassword } from '../auth/password-hasher.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import { demoLetterAddressees, demoLetterBody, demoLetterSubject, demoLetterTitle } from './demo-letter.js';
import { openingRevisions } from '../history/opening-revisions.js';
import { demoOffices, demoPeople } from './demo-offices.js';
import { textSnapshotOf } from '../store/text-snapshot.js';

/**
 * Fills an empty store with the demo workspace: the eight offices, a person for each with the
 * given password, a coordinator, an administrator and the demo letter. A store that has offices is
 * left alone. Returns whether it seeded.
 */
export async function seedDemoWorkspace(store: Store, logger: Logger, password: string): Promise<boolean> {
  if ((await store.accounts.listOffices()).length > 0) return false;
  await store.accounts.insertOffices(demoOffices);
  const now = new Date().toISOString();
  const passwordHash = await hashPassword(password);
  const people = demoPeople.map((person) => ({ ...person, id: randomUUID() }));
  for (const person of people) {
    await store.accounts.insertUser({
      id: person.id,
      officeId: person.officeId,
      name: person.name,
      email: person.email,
      isAdmin: person.role === 'admin',
      passwordHash,
      createdAt: now,
    });
  }
  const coordinator = people.find((person) => person.role === 'coordinator')!;
  const body = prosemirrorJSONToYDoc(letterSchema(), demoLetterBody(), bodyFieldName);
  const letterId = randomUUID();
  const initialText = Y.encodeStateAsUpdate(body);
  await store.letters.createLetter({
    letter: {
      id: letterId,
      title: demoLetterTitle,
      subject: demoLetterSubject,
      addressees: demoLetterAddressees,
      letterDate: null,
      status: LetterStatus.drafting,
      createdBy: coordinator.id,
      createdAt: now,
      updatedAt: now,
    },
    signatories: demoOffices.map((office, position) => ({
      position,
      officeId: office.id,
      signerName: office.ministerName,
      capacity: office.ministerTitle,
    })),
    memberships: people
      .filter((person) => person.role !== 'admin')
      .map((person) => ({
        userId: person.id,
        roles: person.role === 'coordinator' ? [Role.coordinator, Role.approver] : [Role.drafter, Role.approver],
      })),
    initialText: textSnapshotOf(initialText),
    initialRevisions: openingRevisions(letterId, initialText, { userId: coordinator.id, officeId: coordinator.officeId }, now),
  });
  logger.info({ offices: demoOffices.length, people: people.length }, 'demo workspace created');
  return true;
}

/** Whether this workspace holds the demo accounts (seeded now or at an earlier start). */
export async function hasDemoAccounts(store: Store): Promise<boolean> {
  return (await store.accounts.findAccountByEmail(demoPeople[0]!.email)) !== null;
}
