import type { CommentEntry, ReservationEntry, ThreadEntry } from '../../shared/api/comments.js';
import type { Office } from '../../shared/api/offices.js';
import { MentionKind } from '../../shared/domain/mentions.js';
import type { CommentRecord, ReservationRecord, ThreadWithComments } from '../store/store.js';

/** Names the entries show: people by name, offices by country. */
export interface EntryNames {
  users: ReadonlyMap<string, string>;
  offices: ReadonlyMap<string, Office>;
}

const userName = (names: Pick<EntryNames, 'users'>, userId: string | null) => (userId === null ? null : (names.users.get(userId) ?? 'unknown'));

export function reservationEntry(record: ReservationRecord, names: Pick<EntryNames, 'users'>): ReservationEntry {
  return {
    id: record.id,
    paragraphId: record.paragraphId,
    officeId: record.officeId,
    kind: record.kind,
    reason: record.reason,
    by: userName(names, record.userId)!,
    at: record.createdAt,
    liftedBy: userName(names, record.liftedBy),
    liftedAt: record.liftedAt,
    liftNote: record.liftNote,
  };
}

function commentEntry(record: CommentRecord, names: EntryNames): CommentEntry {
  const isWithdrawn = record.withdrawnAt !== null;
  return {
    id: record.id,
    authorId: record.userId,
    author: userName(names, record.userId)!,
    officeId: record.officeId,
    // A withdrawn comment is no longer shown; its wordings stay in the store and the audit trail.
    body: isWithdrawn ? null : record.body,
    mentions: isWithdrawn
      ? []
      : record.mentions.map((mention) => ({
          ...mention,
          name: mention.kind === MentionKind.office ? (names.offices.get(mention.id)?.country ?? mention.id) : (names.users.get(mention.id) ?? 'unknown'),
        })),
    createdAt: record.createdAt,
    editedAt: record.editedAt,
    withdrawnAt: record.withdrawnAt,
    earlier: isWithdrawn ? [] : record.earlier,
  };
}

export function threadEntry({ thread, comments }: ThreadWithComments, names: EntryNames): ThreadEntry {
  return {
    id: thread.id,
    paragraphId: thread.paragraphId,
    anchor: thread.anchor,
    quote: thread.quote,
    status: thread.status,
    resolvedBy: userName(names, thread.resolvedBy),
    resolvedAt: thread.resolvedAt,
    createdAt: thread.createdAt,
    version: thread.version,
    comments: comments.map((comment) => commentEntry(comment, names)),
  };
}
