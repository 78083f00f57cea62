import type { ThreadStatus } from '../../shared/api/comments.js';
import type { CommentAnchor } from '../../shared/domain/comment-anchor.js';
import type { CommentSettings } from '../../shared/domain/comment-rules.js';
import type { Mention } from '../../shared/domain/mentions.js';
import type { ReservationKind } from '../../shared/domain/reservations.js';
import type { AuditDraft } from './store.js';

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
  editComment(letterId: string, commentId: string, body: string, mentions: Mention[], at: string, audit?: AuditDraft[]): Promise<boolean>;
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
