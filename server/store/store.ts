import type { LetterStatus } from '../../shared/api/letters.js';
import type { Office } from '../../shared/api/offices.js';
import type { Role } from '../../shared/domain/roles.js';

export interface UserRecord {
  id: string;
  officeId: string;
  name: string;
  createdAt: string;
}

export interface SessionRecord {
  id: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
}

export interface LetterRecord {
  id: string;
  title: string;
  subject: string;
  addressees: string[];
  letterDate: string | null;
  status: LetterStatus;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface LetterListEntry extends LetterRecord {
  signatoryCount: number;
}

export interface SignatoryRecord {
  position: number;
  officeId: string;
  signerName: string;
  capacity: string;
}

export interface MembershipRecord {
  userId: string;
  roles: Role[];
}

/** A letter's stored text: the last snapshot plus the updates appended after it, in order. */
export interface StoredText {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
  /** Sequence number of the newest stored update (or the one the snapshot covers); 0 if none. */
  lastSeq: number;
}

/** One Yjs update to append, attributed to the user whose connection sent it. */
export interface UpdateToAppend {
  letterId: string;
  update: Uint8Array;
  userId: string;
}

export interface NewLetter {
  letter: LetterRecord;
  signatories: SignatoryRecord[];
  memberships: MembershipRecord[];
  /** The letter's opening text as one Yjs update, if any. */
  initialText?: Uint8Array;
}

/**
 * Everything Jointly keeps. Implementations: SQLite (embedded default) and, later, PostgreSQL.
 * Both must pass `runStoreContract` in store-contract.ts. Every method that writes more than one
 * row does so in one transaction: a failure leaves nothing half-written.
 */
export interface Store {
  insertOffices(offices: Office[]): Promise<void>;
  listOffices(): Promise<Office[]>;

  insertUser(user: UserRecord): Promise<void>;
  getUser(id: string): Promise<UserRecord | null>;
  listUsers(): Promise<UserRecord[]>;

  insertSession(session: SessionRecord): Promise<void>;
  getSession(id: string): Promise<SessionRecord | null>;
  deleteSession(id: string): Promise<void>;

  createLetter(newLetter: NewLetter): Promise<void>;
  getLetter(id: string): Promise<LetterRecord | null>;
  listLetters(): Promise<LetterListEntry[]>;
  listSignatories(letterId: string): Promise<SignatoryRecord[]>;
  getRoles(letterId: string, userId: string): Promise<Role[]>;

  loadText(letterId: string): Promise<StoredText>;
  /** Appends updates of any letters in one transaction and returns their sequence numbers. */
  appendUpdates(updates: UpdateToAppend[]): Promise<number[]>;
  /** Replaces a letter's snapshot and its updates up to `throughSeq` by `snapshot`, atomically. */
  compactText(letterId: string, snapshot: Uint8Array, throughSeq: number): Promise<void>;

  close(): Promise<void>;
}
