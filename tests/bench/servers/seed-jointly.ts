import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { LetterStatus } from '../../../shared/api/letters.js';
import { Role } from '../../../shared/domain/roles.js';
import { sessionCookieName } from '../../../server/auth/session-service.js';
import { SqliteStore } from '../../../server/store/sqlite/sqlite-store.js';
import type { Store } from '../../../server/store/store.js';
import type { BenchLetter } from './bench-letter.js';
import { textSnapshotOf } from '../../../server/store/text-snapshot.js';

export interface JointlySeed {
  letters: readonly BenchLetter[];
  /** People to create; client number i signs in as person i modulo this. */
  people: number;
  /** Signatory offices of every letter (the sign-off grid the server keeps). */
  offices: number;
}

const dayMs = 86_400_000;

/**
 * Writes offices, people with live sessions and the letters (every person a drafter of every
 * letter) into Jointly's SQLite file through the project's own store, before the server starts on
 * it. Returns one session cookie per person.
 */
export async function seedJointly(dataDir: string, seed: JointlySeed): Promise<string[]> {
  const store = SqliteStore.open(path.join(dataDir, 'jointly.sqlite'));
  try {
    return await seedJointlyStore(store, seed);
  } finally {
    await store.close();
  }
}

/** The same, into an open store (the PostgreSQL database of the scaled-out deployment); the caller closes it. */
export async function seedJointlyStore(store: Store, seed: JointlySeed): Promise<string[]> {
  const now = new Date();
  const at = now.toISOString();
  const offices = Array.from({ length: seed.offices }, (_, i) => ({
    id: `bench-office-${i}`,
    name: `Office ${i}`,
    nameEn: `Office ${i}`,
    country: 'XX',
    ministerName: `Minister ${i}`,
    ministerTitle: 'Minister',
    color: '#336699',
  }));
  await store.accounts.insertOffices(offices);
  const cookies: string[] = [];
  const people: string[] = [];
  for (let i = 0; i < seed.people; i++) {
    const userId = randomUUID();
    await store.accounts.insertUser({
      id: userId,
      officeId: offices[i % offices.length]!.id,
      name: `Person ${i}`,
      email: `person-${i}@bench.invalid`,
      isAdmin: false,
      passwordHash: null,
      createdAt: at,
    });
    const sessionId = randomBytes(32).toString('base64url');
    await store.accounts.insertSession({ id: sessionId, userId, createdAt: at, lastSeenAt: at, expiresAt: new Date(now.getTime() + dayMs).toISOString() });
    people.push(userId);
    cookies.push(`${sessionCookieName}=${sessionId}`);
  }
  for (const { id, state } of seed.letters) {
    await store.letters.createLetter({
      letter: { id, title: 'Benchmark letter', subject: 'Load', addressees: [], letterDate: null, status: LetterStatus.drafting, createdBy: people[0]!, createdAt: at, updatedAt: at },
      signatories: offices.map((office, position) => ({ position, officeId: office.id, signerName: office.ministerName, capacity: office.ministerTitle })),
      memberships: people.map((userId) => ({ userId, roles: [Role.drafter] })),
      initialText: textSnapshotOf(state),
    });
  }
  return cookies;
}
