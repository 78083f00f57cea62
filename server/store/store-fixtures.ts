import { randomUUID } from 'node:crypto';
import type { Office } from '../../shared/api/offices.js';
import type { AccountRecord, AuditDraft, NewLetter, RevisionRecord, Store, TextSnapshot } from './store.js';

/** Records the store tests seed, written once for the store contract and the store-specific tests. */

export const testOffice = (id: string, name: string): Office => ({
  id,
  name,
  nameEn: `${name} (English)`,
  country: 'Testland',
  ministerName: 'Åsa Testperson',
  ministerTitle: 'Minister',
  color: '#1f4e79',
});

export const testAccount = (officeId: string, email: string): AccountRecord => ({
  id: randomUUID(),
  officeId,
  name: 'Līga Test',
  email,
  isAdmin: false,
  passwordHash: null,
  createdAt: new Date().toISOString(),
});

export interface SeedOptions {
  initialText?: TextSnapshot;
  /** When the letter was created and last changed; now by default. */
  at?: string;
  /** Emails of further people of the first office who join the letter as drafters. */
  drafters?: string[];
}

/**
 * Two offices, a coordinator of the first one and a letter they both sign, in an empty store.
 * The coordinator is the letter's first membership; drafters follow in the order given.
 */
export async function seedTestLetter(store: Store, options: SeedOptions = {}): Promise<NewLetter> {
  await store.accounts.insertOffices([testOffice('aa-office', 'Ämbetsverket'), testOffice('bb-office', 'Ministerstvo')]);
  const user = testAccount('aa-office', 'liga@aa.example');
  await store.accounts.insertUser(user);
  const drafters = (options.drafters ?? []).map((email) => testAccount('aa-office', email));
  for (const drafter of drafters) await store.accounts.insertUser(drafter);
  const at = options.at ?? new Date().toISOString();
  const newLetter: NewLetter = {
    letter: {
      id: randomUUID(),
      title: 'Joint letter',
      subject: 'On cooperation',
      addressees: ['The Commission'],
      letterDate: null,
      status: 'drafting',
      createdBy: user.id,
      createdAt: at,
      updatedAt: at,
    },
    signatories: [
      { position: 0, officeId: 'bb-office', signerName: 'B', capacity: 'Minister B' },
      { position: 1, officeId: 'aa-office', signerName: 'A', capacity: 'Minister A' },
    ],
    memberships: [{ userId: user.id, roles: ['coordinator'] }, ...drafters.map((drafter) => ({ userId: drafter.id, roles: ['drafter' as const] }))],
    ...(options.initialText ? { initialText: options.initialText } : {}),
  };
  await store.letters.createLetter(newLetter);
  return newLetter;
}

export const testRevision = (letterId: string, paragraphId: string, text: string, overrides: Partial<RevisionRecord> = {}): RevisionRecord => ({
  id: randomUUID().replaceAll('-', ''),
  letterId,
  paragraphId,
  kind: 'edited',
  userId: null,
  officeId: null,
  startedAt: new Date().toISOString(),
  endedAt: new Date().toISOString(),
  content: { type: 'paragraph', content: [{ type: 'text', text }] },
  hash: 'a'.repeat(64),
  changes: 1,
  relatedParagraphId: null,
  restoredFrom: null,
  ...overrides,
});

export const testAuditDraft = (kind: string, letterId: string | null, detail: Record<string, unknown> = {}): AuditDraft => ({
  at: new Date().toISOString(),
  kind,
  actorUserId: null,
  actorOfficeId: null,
  letterId,
  detail,
});
