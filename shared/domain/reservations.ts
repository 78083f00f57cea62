/**
 * Reservations: an office holds back its agreement to a paragraph until its capital has checked
 * it (rules R1–R4 in SIGNOFF-RULES.md). The one place that says what an open reservation blocks.
 */
export const ReservationKind = {
  scrutiny: 'scrutiny',
  linguistic: 'linguistic',
  substance: 'substance',
  note: 'note',
} as const;
export type ReservationKind = (typeof ReservationKind)[keyof typeof ReservationKind];

export const reservationKinds = Object.values(ReservationKind);

/** What the rules need to know of a reservation. */
export interface ReservationLike {
  paragraphId: string;
  officeId: string;
  /** Null while the reservation is open. */
  liftedAt: string | null;
}

export const isReservationOpen = (reservation: ReservationLike): boolean => reservation.liftedAt === null;

/** R2: an office with an open reservation on a paragraph cannot approve it until that office lifts it. */
export function blocksApproval(reservations: readonly ReservationLike[], paragraphId: string, officeId: string): boolean {
  return reservations.some((reservation) => isReservationOpen(reservation) && reservation.paragraphId === paragraphId && reservation.officeId === officeId);
}

/**
 * R3: the open reservations that keep the letter from being ready: those of a signatory office on a
 * paragraph the letter still has. A reservation on a deleted paragraph blocks nothing any more.
 */
export function blockingReservations<T extends ReservationLike>(
  reservations: readonly T[],
  paragraphIds: Iterable<string>,
  officeIds: Iterable<string>,
): T[] {
  const paragraphs = new Set(paragraphIds);
  const offices = new Set(officeIds);
  return reservations.filter((reservation) => isReservationOpen(reservation) && paragraphs.has(reservation.paragraphId) && offices.has(reservation.officeId));
}

/** R3: ready needs every paragraph approved by every office (S10) and no blocking reservation. */
export function isReadyDespiteReservations(isApprovedByAll: boolean, blocking: readonly ReservationLike[]): boolean {
  return isApprovedByAll && blocking.length === 0;
}
