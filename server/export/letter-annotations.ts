import { ThreadStatus } from '../../shared/api/comments.js';
import { resolveAnchor } from '../../shared/domain/comment-anchor.js';
import { currentParagraphs } from '../../shared/domain/current-paragraphs.js';
import { isReservationOpen, type ReservationKind } from '../../shared/domain/reservations.js';
import type { Store } from '../store/store.js';
import type { RoomRegistry } from '../sync/room-registry.js';

/** One comment as an export prints it: who ("Name (Country)"), when, and the plain text. */
export interface ExportedComment {
  author: string;
  at: string;
  body: string;
}

/** An open thread with where it sits in the text the export holds. */
export interface ExportedThread {
  /** Null once the paragraph is gone from the letter. */
  paragraphId: string | null;
  paragraphNumber: number | null;
  /** Offsets in the paragraph's plain text (a line break counts one); null for the whole paragraph. */
  passage: { from: number; to: number } | null;
  /** The words the thread began on, readable even when they are gone. */
  quote: string;
  /** The words (or the paragraph) the thread is about were deleted. */
  isOnDeletedText: boolean;
  /** Oldest first; the first one opened the thread. Withdrawn comments are left out. */
  comments: ExportedComment[];
}

export interface ExportedReservation {
  paragraphId: string;
  paragraphNumber: number;
  /** The office's country, as the screens name it. */
  office: string;
  kind: ReservationKind;
  reason: string;
  by: string;
  at: string;
}

/**
 * The open threads and reservations an export may carry (Word comments, a PDF appendix), as plain
 * data for a worker thread. Everything people wrote stays plain text.
 */
export interface LetterAnnotations {
  /** In reading order of their paragraphs; threads on deleted paragraphs last. */
  threads: ExportedThread[];
  /** In reading order of their paragraphs. */
  reservations: ExportedReservation[];
}

/**
 * Reads the letter's open threads and open reservations and places them in the current text:
 * a passage still there keeps its offsets; a thread whose words were deleted falls back to its
 * paragraph (or to none). Reservations on deleted paragraphs block nothing and are left out (R3).
 */
export async function readLetterAnnotations(store: Store, registry: RoomRegistry, letterId: string): Promise<LetterAnnotations> {
  const [threads, reservations, users, offices] = await Promise.all([
    store.comments.listThreads(letterId),
    store.comments.listReservations(letterId),
    store.accounts.listUsers(),
    store.accounts.listOffices(),
  ]);
  const userById = new Map(users.map((user) => [user.id, user]));
  const country = new Map(offices.map((office) => [office.id, office.country]));
  const personName = (userId: string) => userById.get(userId)?.name ?? 'unknown';
  const openThreads = threads.filter(({ thread }) => thread.status === ThreadStatus.open);
  return registry.readText(letterId, (doc) => {
    const numbers = new Map(currentParagraphs(doc).map((paragraph) => [paragraph.id, paragraph.number]));
    const exported = openThreads.flatMap(({ thread, comments }): ExportedThread[] => {
      const shown = comments
        .filter((comment) => comment.withdrawnAt === null)
        .map((comment) => ({ author: `${personName(comment.userId)} (${country.get(comment.officeId) ?? comment.officeId})`, at: comment.createdAt, body: comment.body }));
      if (shown.length === 0) return [];
      const number = numbers.get(thread.paragraphId) ?? null;
      const resolved = number !== null && thread.anchor ? resolveAnchor(doc, thread.paragraphId, thread.anchor) : null;
      const isPassageThere = resolved !== null && resolved.text !== '';
      return [
        {
          paragraphId: number === null ? null : thread.paragraphId,
          paragraphNumber: number,
          passage: isPassageThere ? { from: resolved.from, to: resolved.to } : null,
          quote: thread.quote,
          isOnDeletedText: number === null || (thread.anchor !== null && !isPassageThere),
          comments: shown,
        },
      ];
    });
    const open = reservations.filter((reservation) => isReservationOpen(reservation) && numbers.has(reservation.paragraphId));
    const byNumber = (a: { paragraphNumber: number | null }, b: { paragraphNumber: number | null }) => (a.paragraphNumber ?? Infinity) - (b.paragraphNumber ?? Infinity);
    return {
      threads: exported.sort(byNumber),
      reservations: open
        .map((reservation) => ({
          paragraphId: reservation.paragraphId,
          paragraphNumber: numbers.get(reservation.paragraphId)!,
          office: country.get(reservation.officeId) ?? reservation.officeId,
          kind: reservation.kind,
          reason: reservation.reason,
          by: personName(reservation.userId),
          at: reservation.createdAt,
        }))
        .sort(byNumber),
    };
  });
}
