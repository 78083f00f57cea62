import type { ReservationKind } from '../../shared/domain/reservations.js';

/** How each kind of reservation reads on screen. */
export const reservationKindLabel: Record<ReservationKind, string> = {
  scrutiny: 'Scrutiny reservation',
  linguistic: 'Linguistic reservation',
  substance: 'Reservation on substance',
  note: 'Note',
};
