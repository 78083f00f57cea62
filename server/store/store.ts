import type { LetterStatus } from '../../shared/api/letters.js';
import type { Office } from '../../shared/api/offices.js';
import type { Role } from '../../shared/domain/roles.js';
import type { SignoffAction } from '../../shared/domain/signoff-state.js';
import type { RevisionKind } from '../../shared/api/history.js';
import type { VersionKind } from '../../shared/api/versions.js';
import type { TextBlockJson } from '../../shared/domain/paragraph-hash.js';
import type { ThreadStatus } from '../../shared/api/comments.js';
import type { CommentAnchor } from '../../shared/domain/comment-anchor.js';
import type { CommentSettings } from '../../shared/domain/comment-rules.js';
import type { Mention } from '../../shared/domain/mentions.js';
import type { ReservationKind } from '../../shared/domain/reservations.js';
import type { LetterDetailChange, LetterDetails } from '../../shared/api/letter-details.js';
import type { NotificationStore } from './notification-store.js';

export interface UserRecord {
  id: string;
  officeId: string;
  name: string;
  /** Lower-case; the sign-in name. */
  email: string;
  isAdmin: boolean;
  /**
   * Administers their own office: appoints its people and its approvers (invariant 11). Set only
   * by the workspace administrator, never when an account is created.
   */
  isOfficeAdmin: boolean;
  /**
   * Created by someone who does not administer the person's office (a letter's coordinator): a
   * guest drafts and observes, and is never made an approver by default.
   */
  isGuest: boolean;
  /** False until the person has set a password (through their invitation). */
  hasPassword: boolean;
  createdAt: string;
}

/** A user with the password hash: only the account code ever sees this. */
export interface AccountRecord extends Omit<UserRecord, 'hasPassword' | 'isOfficeAdmin' | 'isGuest'> {
  passwordHash: string | null;
  /** False when absent. */
  isGuest?: boolean;
}

export interface SessionRecord {
  id: string;
  userId: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

export interface InvitationRecord {
  /** SHA-256 of the token in the link: a leaked database does not leak usable links. */
  tokenHash: string;
  userId: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
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

/** One edit of a letter's details (append-only, rule D2): who, when, each field before and after. */
export interface DetailsEditRecord {
  id: number;
  letterId: string;
  userId: string;
  createdAt: string;
  changes: LetterDetailChange[];
}

export interface MembershipRecord {
  userId: string;
  roles: Role[];
}

export { originalGeneration } from '../../shared/protocol/text-generation-message.js';

/** A letter's stored text: the last snapshot plus the updates appended after it, in order. */
export interface StoredText {
  snapshot: Uint8Array | null;
  /**
   * The snapshot's state vector, stored with it, so that a letter is loaded without reading every
   * item of its snapshot; null without a snapshot, or for one stored before vectors were kept.
   */
  snapshotStateVector: Uint8Array | null;
  updates: Uint8Array[];
  /** Sequence number of the newest stored update (or the one the snapshot covers); 0 if none. */
  lastSeq: number;
  /** Which user wrote under each Yjs client id of this letter. */
  clientOwners: Map<number, string>;
  /**
   * The generation of this text: `original` until a restore from a backup is marked, then a new
   * random id at each restore. Copies of the text from another generation are never merged into it.
   */
  generation: string;
}

/** What a letter's text gained after a sequence number (see TextStore.loadTextSince). */
export interface StoredTextSince {
  updates: Uint8Array[];
  /** The newest stored update's sequence number; the one asked after if there is none newer. */
  lastSeq: number;
  clientOwners: Map<number, string>;
}

/** A letter's text merged into one update, with its state vector (see StoredText). */
export interface TextSnapshot {
  state: Uint8Array;
  stateVector: Uint8Array;
}

/** One Yjs update to append, attributed to the user whose connection sent it. */
export interface UpdateToAppend {
  letterId: string;
  update: Uint8Array;
  userId: string;
  /** Yjs client ids this update writes under for the first time; they become the user's. */
  newClientIds: number[];
  /** The paragraph revisions this update opens or extends, stored with it. */
  revisions?: RevisionWrite[];
  /** Audit events of the act this update is part of (a restore), stored with it. */
  audit?: AuditDraft[];
}

export interface NewLetter {
  letter: LetterRecord;
  signatories: SignatoryRecord[];
  memberships: MembershipRecord[];
  /** The letter's opening text as one Yjs update with its state vector, if any. */
  initialText?: TextSnapshot;
  /** The revisions that record who wrote the opening text. */
  initialRevisions?: RevisionRecord[];
  audit?: AuditDraft[];
}

/** One sign-off act of an office on a paragraph (append-only, rule S9). */
export interface SignoffRecord {
  id: number;
  letterId: string;
  paragraphId: string;
  officeId: string;
  action: SignoffAction;
  /** Hash of the paragraph text the approver saw (rule S2). */
  contentHash: string;
  /** That text as plain text, to show what changed since (word-level diff). */
  paragraphText: string;
  reason: string | null;
  userId: string;
  createdAt: string;
}

export const LetterEventKind = {
  statusChanged: 'status_changed',
  finalSignature: 'final_signature',
  reopened: 'reopened',
  signatoriesChanged: 'signatories_changed',
} as const;
export type LetterEventKind = (typeof LetterEventKind)[keyof typeof LetterEventKind];

/** Something that happened to a letter as a whole: who, when, and from which status to which. */
export interface LetterEventRecord {
  id: number;
  letterId: string;
  kind: LetterEventKind;
  /** For a final signature: the office that signed. */
  officeId: string | null;
  fromStatus: LetterStatus | null;
  toStatus: LetterStatus | null;
  /** For a final signature: the letter hash it binds to. */
  letterHash: string | null;
  reason: string | null;
  userId: string;
  createdAt: string;
}

/** An office already signed this letter hash in this signing round: a second signature is refused. */
export class DuplicateFinalSignature extends Error {
  override readonly name = 'DuplicateFinalSignature';
}

/**
 * The store refused updates because their letter's text is read-only in its status (rule C5).
 * Another instance marked the letter ready before it heard of these edits; nothing of them is stored.
 */
export class TextReadOnly extends Error {
  override readonly name = 'TextReadOnly';
  constructor(readonly letterIds: readonly string[]) {
    super(`the text of ${letterIds.join(', ')} is read-only in its status`);
  }
}

/** Text was stored after the text a move to ready was checked against (rule C5): the move is refused. */
export class TextMovedOn extends Error {
  override readonly name = 'TextMovedOn';
}

/** Conditions a letter event is recorded under, beside the expected status. */
export interface LetterEventConditions {
  /**
   * The newest stored text update the checks before this event saw; if a later one is stored, the
   * event is refused with TextMovedOn and nothing is recorded.
   */
  textThroughSeq?: number;
}

/** Sign-off acts and the letter's course (status, final signatures). Append-only. */
export interface SignoffStore {
  /** Appends acts in one transaction (all or nothing) and returns them with their ids. */
  appendSignoffs(acts: Omit<SignoffRecord, 'id'>[], audit?: AuditDraft[]): Promise<SignoffRecord[]>;
  listSignoffs(letterId: string): Promise<SignoffRecord[]>;
  /**
   * Records an event and, if `toStatus` is given, moves the letter to it — only if the letter is
   * still in `expectedStatus` (so two racing transitions cannot both happen). False if it was not.
   * A final signature belongs to the signing round begun by the letter's latest move to ready;
   * a second one of the same office on the same letter hash in that round throws
   * DuplicateFinalSignature and records nothing. See LetterEventConditions for `conditions`.
   */
  recordLetterEvent(
    event: Omit<LetterEventRecord, 'id'>,
    expectedStatus: LetterStatus,
    audit?: AuditDraft[],
    conditions?: LetterEventConditions,
  ): Promise<boolean>;
  listLetterEvents(letterId: string): Promise<LetterEventRecord[]>;
  /**
   * Replaces the signatories in order, with an event, in one transaction. With `onlyIn`, only while
   * the letter's status is one of those (checked under the letter's lock); false if it was not.
   */
  replaceSignatories(
    letterId: string,
    signatories: SignatoryRecord[],
    event: Omit<LetterEventRecord, 'id'>,
    audit?: AuditDraft[],
    onlyIn?: readonly LetterStatus[],
  ): Promise<boolean>;
  /**
   * Numbers the letter's next state message (102): 1, 2, 3… per letter, one counter for every
   * instance, so that a client can tell an older message from a newer one and a gap.
   */
  nextStateSeq(letterId: string): Promise<number>;
  /** The number of the letter's latest state message; 0 before the first. */
  currentStateSeq(letterId: string): Promise<number>;
}

/** Offices, people, sessions and invitations. */
export interface AccountStore {
  insertOffices(offices: Office[], audit?: AuditDraft[]): Promise<void>;
  listOffices(): Promise<Office[]>;

  insertUser(user: AccountRecord, audit?: AuditDraft[]): Promise<void>;
  getUser(id: string): Promise<UserRecord | null>;
  findAccountByEmail(email: string): Promise<AccountRecord | null>;
  listUsers(): Promise<UserRecord[]>;
  setPasswordHash(userId: string, passwordHash: string): Promise<void>;
  /** Makes the user their office's administrator, or no longer; false if there is no such user. */
  setOfficeAdmin(userId: string, isOfficeAdmin: boolean, audit?: AuditDraft[]): Promise<boolean>;
  /** The interface language the person chose, or null before they chose one. */
  getLanguage(userId: string): Promise<string | null>;
  /** Stores the person's interface language; false if there is no such user. */
  setLanguage(userId: string, language: string): Promise<boolean>;
  /** The language a letter is written in, or null when none was set. */
  getLetterLanguage(letterId: string): Promise<string | null>;
  /** Sets the language a letter is written in; false if there is no such letter. */
  setLetterLanguage(letterId: string, language: string): Promise<boolean>;

  insertSession(session: SessionRecord, audit?: AuditDraft[]): Promise<void>;
  getSession(id: string): Promise<SessionRecord | null>;
  touchSession(id: string, lastSeenAt: string): Promise<void>;
  deleteSession(id: string, audit?: AuditDraft[]): Promise<void>;
  /** Ends every session of a user (password set, account disabled); returns their ids. */
  deleteSessionsOfUser(userId: string): Promise<string[]>;

  insertInvitation(invitation: InvitationRecord, audit?: AuditDraft[]): Promise<void>;
  getInvitation(tokenHash: string): Promise<InvitationRecord | null>;
  /**
   * Marks an unused, unexpired invitation used and sets the password, atomically; the person's other
   * unused invitations are used up with it. False if it was not usable.
   */
  acceptInvitation(tokenHash: string, passwordHash: string, now: string, audit?: AuditDraft[]): Promise<boolean>;
}

/** Letters, their signatories and their members. */
export interface LetterStore {
  createLetter(newLetter: NewLetter): Promise<void>;
  getLetter(id: string): Promise<LetterRecord | null>;
  listLetters(): Promise<LetterListEntry[]>;
  listSignatories(letterId: string): Promise<SignatoryRecord[]>;
  getRoles(letterId: string, userId: string): Promise<Role[]>;
  listMembers(letterId: string): Promise<MembershipRecord[]>;
  /** Adds the member or replaces their roles. */
  setRoles(letterId: string, userId: string, roles: Role[], audit?: AuditDraft[]): Promise<void>;
  removeMember(letterId: string, userId: string, audit?: AuditDraft[]): Promise<void>;
  /**
   * Replaces the letter's details and records the edit with its audit events, in one transaction,
   * only while the letter's status is one of `onlyIn` (checked under the letter's lock); false if
   * it was not, or there is no such letter.
   */
  updateDetails(
    letterId: string,
    details: LetterDetails,
    edit: Omit<DetailsEditRecord, 'id'>,
    audit: AuditDraft[],
    onlyIn: readonly LetterStatus[],
  ): Promise<boolean>;
  /** Every edit of the letter's details, newest first. */
  listDetailsEdits(letterId: string): Promise<DetailsEditRecord[]>;
}

/** The Yjs text of letters: snapshots and the update log. */
export interface TextStore {
  loadText(letterId: string): Promise<StoredText>;
  /**
   * The updates stored after `afterSeq`, in order, for a room that holds the text up to it; null
   * when a compaction has merged some of them into the snapshot since (read the whole text then).
   * A letter's sequence numbers are handed out in commit order, so nothing below the newest one
   * read can appear later.
   */
  loadTextSince(letterId: string, afterSeq: number): Promise<StoredTextSince | null>;
  /**
   * Appends updates of any letters in one transaction and returns their sequence numbers. If a
   * letter's text is read-only in its status (checked under the letter's lock, so a move to ready
   * on another instance is either before or after the whole batch), nothing is stored and
   * TextReadOnly names those letters.
   */
  appendUpdates(updates: UpdateToAppend[]): Promise<number[]>;
  /**
   * Replaces a letter's snapshot and its updates up to `throughSeq` by `snapshot`, atomically;
   * does nothing if the stored snapshot already covers `throughSeq` (a later compaction won).
   */
  compactText(letterId: string, snapshot: TextSnapshot, throughSeq: number): Promise<void>;
  /**
   * Gives every letter's text a new random generation, after the database was restored from a
   * backup (`npm run mark-restore`, with the server stopped). Returns how many letters it marked.
   */
  markRestored(): Promise<number>;
}

/** One revision of a paragraph (see shared/api/history.ts). */
export interface RevisionRecord {
  id: string;
  letterId: string;
  paragraphId: string;
  kind: RevisionKind;
  /** Null only for text found without a record of its author (kind "recorded"). */
  userId: string | null;
  officeId: string | null;
  startedAt: string;
  endedAt: string;
  /** The paragraph after this revision, as editor JSON (text and marks). */
  content: TextBlockJson;
  hash: string;
  /** How many changes were folded into this revision. */
  changes: number;
  relatedParagraphId: string | null;
  restoredFrom: string | null;
}

/**
 * A revision written with a batch of text updates: a new one, or further changes folded into the
 * newest revision of a paragraph while its author keeps typing. A revision is never changed after
 * the next one of its paragraph has been opened.
 */
export type RevisionWrite =
  | { op: 'open'; revision: RevisionRecord }
  | { op: 'extend'; id: string; endedAt: string; content: TextBlockJson; hash: string; changes: number };

/** A saved state of a whole letter. */
export interface VersionRecord {
  id: string;
  letterId: string;
  name: string;
  kind: VersionKind;
  status: LetterStatus;
  userId: string;
  createdAt: string;
  paragraphCount: number;
  /** The text as one Yjs update (`Y.encodeStateAsUpdate`). */
  document: Uint8Array;
  /** The letter's details and signatories when the version was saved; null for versions saved before they were kept. */
  letter?: VersionLetterRecord | null;
}

/** What a saved version keeps of the letter beside its text, so that it shows as the letter was. */
export interface VersionLetterRecord {
  title: string;
  subject: string;
  addressees: string[];
  letterDate: string | null;
  signatories: SignatoryRecord[];
}

/** Paragraph revisions and saved versions of letters. */
export interface HistoryStore {
  appendRevisions(revisions: RevisionRecord[]): Promise<void>;
  /** The newest revision of every paragraph of a letter that has one. */
  latestRevisions(letterId: string): Promise<RevisionRecord[]>;
  /** Every revision of one paragraph, newest first. */
  listRevisions(letterId: string, paragraphId: string): Promise<RevisionRecord[]>;
  getRevision(letterId: string, revisionId: string): Promise<RevisionRecord | null>;
  insertVersion(version: VersionRecord, audit?: AuditDraft[]): Promise<void>;
  /** Newest first, without their documents. */
  listVersions(letterId: string): Promise<Omit<VersionRecord, 'document'>[]>;
  getVersion(letterId: string, versionId: string): Promise<VersionRecord | null>;
}

/** An audit event before it is chained: the store gives it its sequence number and hashes. */
export interface AuditDraft {
  at: string;
  kind: string;
  actorUserId: string | null;
  actorOfficeId: string | null;
  letterId: string | null;
  detail: Record<string, unknown>;
}

/** An audit event as stored; `detail` is the JSON text its hash covers. */
export interface AuditRecord {
  seq: number;
  at: string;
  kind: string;
  actorUserId: string | null;
  actorOfficeId: string | null;
  letterId: string | null;
  detail: string;
  previousHash: string;
  hash: string;
}

/** Which events of a letter `AuditStore.pageForLetter` reads. */
export interface AuditPage {
  beforeSeq?: number;
  limit: number;
  kind?: string;
  actorUserId?: string;
  actorOfficeId?: string;
}

/**
 * The append-only, hash-chained audit trail. Acts that change something take their audit events
 * as a last argument and store them in the same transaction as the change.
 */
export interface AuditStore {
  append(drafts: AuditDraft[]): Promise<AuditRecord[]>;
  listForLetter(letterId: string): Promise<AuditRecord[]>;
  /**
   * One page of a letter's events, newest first: those before `beforeSeq` (all without it), at
   * most `limit`, of one kind, actor and actor office when those are given.
   */
  pageForLetter(letterId: string, page: AuditPage): Promise<AuditRecord[]>;
  /** Events in chain order after `afterSeq`, at most `limit`: the verifier reads the chain in pages. */
  readChain(afterSeq: number, limit: number): Promise<AuditRecord[]>;
}

/**
 * Everything Jointly keeps. Implementations: SQLite (embedded default) and PostgreSQL (scaled out).
 * Both must pass `runStoreContract` in store-contract.ts. Every method that writes more than one
 * row does so in one transaction: a failure leaves nothing half-written.
 */
export interface Store {
  readonly accounts: AccountStore;
  readonly letters: LetterStore;
  readonly text: TextStore;
  readonly signoffs: SignoffStore;
  readonly history: HistoryStore;
  readonly audit: AuditStore;
  /** Comment threads and reservations (see comment-store.ts). */
  readonly comments: CommentStore;
  /** Deadlines, notifications, preferences and scheduled jobs (see notification-store.ts). */
  readonly notifications: NotificationStore;
  /** Resolves once the database has answered a trivial query; rejects if it cannot be reached. */
  ping(): Promise<void>;
  /** Since when (epoch ms) calls have found the database locked by another writer; null if they get through. */
  busySince(): number | null;
  close(): Promise<void>;
}

/** An office's reservation on a paragraph (rules R1–R4); lifted by the same office, never deleted. */
export interface ReservationRecord {
  id: string;
  letterId: string;
  paragraphId: string;
  officeId: string;
  kind: ReservationKind;
  reason: string;
  userId: string;
  createdAt: string;
  liftedBy: string | null;
  liftedAt: string | null;
  liftNote: string | null;
}

/** A thread of comments on a paragraph or a passage of it. */
export interface ThreadRecord {
  id: string;
  letterId: string;
  paragraphId: string;
  /** Null for a comment on the whole paragraph. */
  anchor: CommentAnchor | null;
  quote: string;
  status: ThreadStatus;
  resolvedBy: string | null;
  resolvedAt: string | null;
  createdBy: string;
  createdAt: string;
  /** 1 when created; one more with every change to the thread or its comments. */
  version: number;
}

export interface CommentRecord {
  id: string;
  threadId: string;
  letterId: string;
  userId: string;
  officeId: string;
  body: string;
  mentions: Mention[];
  createdAt: string;
  editedAt: string | null;
  withdrawnAt: string | null;
  /** Earlier wordings, oldest first, each with when it was written. */
  earlier: { body: string; at: string }[];
}

export type NewComment = Omit<CommentRecord, 'editedAt' | 'withdrawnAt' | 'earlier'>;

export interface ThreadWithComments {
  thread: ThreadRecord;
  /** Oldest first. */
  comments: CommentRecord[];
}

/** What entering a reservation came to. */
export const ReservationOutcome = {
  entered: 'entered',
  /** The letter holds its budget of comments and reservations already. */
  overLimit: 'over_limit',
  /** The office has an open reservation of this kind on this paragraph already. */
  duplicate: 'duplicate',
} as const;
export type ReservationOutcome = (typeof ReservationOutcome)[keyof typeof ReservationOutcome];

/**
 * Comment threads, comments and reservations. Each act is one transaction with its audit events.
 * `maxItems` is the letter's budget of comments plus reservations (LETTER_MAX_COMMENTS), counted
 * under the letter's lock, so that racing requests cannot pass it together.
 */
export interface CommentStore {
  /** The thread with its first comment; false (nothing stored) if the letter is at its budget. */
  createThread(thread: Omit<ThreadRecord, 'version'>, first: NewComment, maxItems: number, audit?: AuditDraft[]): Promise<boolean>;
  /** A reply; moves the thread's version on. False if the letter is at its budget or the thread is not the letter's. */
  addComment(comment: NewComment, maxItems: number, audit?: AuditDraft[]): Promise<boolean>;
  /** New wording; the former one goes to the comment's history. False if the comment is missing or withdrawn. */
  /** False when the comment is withdrawn, or when it holds `maxEarlier` earlier wordings already. */
  editComment(letterId: string, commentId: string, body: string, mentions: Mention[], at: string, audit?: AuditDraft[], maxEarlier?: number): Promise<boolean>;
  /** False if the comment is missing or withdrawn already. */
  withdrawComment(letterId: string, commentId: string, at: string, audit?: AuditDraft[]): Promise<boolean>;
  /** Resolves or reopens; false if the thread is missing or already in that status. */
  setThreadStatus(letterId: string, threadId: string, status: ThreadStatus, userId: string, at: string, audit?: AuditDraft[]): Promise<boolean>;
  getThread(letterId: string, threadId: string): Promise<ThreadWithComments | null>;
  getComment(letterId: string, commentId: string): Promise<CommentRecord | null>;
  /** Oldest first. */
  listThreads(letterId: string): Promise<ThreadWithComments[]>;
  getSettings(letterId: string): Promise<CommentSettings>;
  setSettings(letterId: string, settings: CommentSettings, audit?: AuditDraft[]): Promise<void>;
  enterReservation(reservation: ReservationRecord, maxItems: number, audit?: AuditDraft[]): Promise<ReservationOutcome>;
  /** False if the reservation is missing, not the letter's, or lifted already. */
  liftReservation(letterId: string, reservationId: string, liftedBy: string, at: string, note: string | null, audit?: AuditDraft[]): Promise<boolean>;
  getReservation(letterId: string, reservationId: string): Promise<ReservationRecord | null>;
  /** Oldest first, open and lifted. */
  listReservations(letterId: string): Promise<ReservationRecord[]>;
}
