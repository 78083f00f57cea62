import type { ReservationEntry, ThreadEntry } from '../../shared/api/comments.js';
import type { ReservationKind } from '../../shared/domain/reservations.js';

/**
 * A comment, reply, resolve or reservation act on a paragraph, as a line of its history (issue 16,
 * item 5). Built from the threads and reservations the page holds live, so the timeline follows
 * them without asking the server again.
 */
export type DiscussionAct =
  | { kind: 'comment'; at: string; by: string; officeId: string; threadId: string; isReply: boolean; quote: string; isAnchored: boolean; body: string | null }
  | { kind: 'resolve'; at: string; by: string; threadId: string; quote: string }
  | { kind: 'reservation-entered'; at: string; by: string; officeId: string; reservationKind: ReservationKind; reason: string }
  | { kind: 'reservation-lifted'; at: string; by: string; officeId: string; reservationKind: ReservationKind; note: string | null };

/** Every act on one paragraph, oldest first. A withdrawn comment keeps its place, without its words. */
export function discussionActs(paragraphId: string, threads: Iterable<ThreadEntry>, reservations: Iterable<ReservationEntry>): DiscussionAct[] {
  const acts: DiscussionAct[] = [];
  for (const thread of threads) {
    if (thread.paragraphId !== paragraphId) continue;
    thread.comments.forEach((comment, index) => {
      acts.push({
        kind: 'comment',
        at: comment.createdAt,
        by: comment.author,
        officeId: comment.officeId,
        threadId: thread.id,
        isReply: index > 0,
        quote: thread.quote,
        isAnchored: thread.anchor !== null,
        body: comment.body,
      });
    });
    if (thread.status === 'resolved' && thread.resolvedAt) {
      acts.push({ kind: 'resolve', at: thread.resolvedAt, by: thread.resolvedBy ?? 'unknown', threadId: thread.id, quote: thread.quote });
    }
  }
  for (const reservation of reservations) {
    if (reservation.paragraphId !== paragraphId) continue;
    const common = { officeId: reservation.officeId, reservationKind: reservation.kind };
    acts.push({ kind: 'reservation-entered', at: reservation.at, by: reservation.by, reason: reservation.reason, ...common });
    if (reservation.liftedAt) {
      acts.push({ kind: 'reservation-lifted', at: reservation.liftedAt, by: reservation.liftedBy ?? 'unknown', note: reservation.liftNote, ...common });
    }
  }
  return acts.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}
