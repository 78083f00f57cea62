import { randomUUID } from 'node:crypto';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { LetterStatus } from '../../shared/api/letters.js';
import { bodyFieldName } from '../../shared/domain/editor-extensions.js';
import { letterSchema } from '../../shared/domain/letter-schema.js';
import { Role } from '../../shared/domain/roles.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import { demoLetterAddressees, demoLetterBody, demoLetterSubject, demoLetterTitle } from './demo-letter.js';
import { demoOffices, demoPeople } from './demo-offices.js';

/** Fills an empty store with the demo workspace; a store that has offices is left alone. */
export async function seedDemoWorkspace(store: Store, logger: Logger): Promise<boolean> {
  if ((await store.listOffices()).length > 0) return false;
  await store.insertOffices(demoOffices);
  const now = new Date().toISOString();
  const people = demoPeople.map((person) => ({ ...person, id: randomUUID() }));
  for (const person of people) {
    await store.insertUser({ id: person.id, officeId: person.officeId, name: person.name, createdAt: now });
  }
  const coordinator = people.find((person) => person.coordinates)!;
  const body = prosemirrorJSONToYDoc(letterSchema(), demoLetterBody(), bodyFieldName);
  await store.createLetter({
    letter: {
      id: randomUUID(),
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
    memberships: people.map((person) => ({
      userId: person.id,
      roles: person.coordinates ? [Role.coordinator, Role.approver] : [Role.drafter, Role.approver],
    })),
    initialText: Y.encodeStateAsUpdate(body),
  });
  logger.info({ offices: demoOffices.length, people: people.length }, 'demo workspace created');
  return true;
}
