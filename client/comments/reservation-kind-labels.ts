import { t } from '../i18n/translate.js';
import type { ReservationKind } from '../../shared/domain/reservations.js';

/** How each kind of reservation reads on screen. */
export const reservationKindLabel: Record<ReservationKind, string> = {
  get scrutiny() { return t('comments.scrutinyReservation'); },
  get linguistic() { return t('comments.linguisticReservation'); },
  get substance() { return t('comments.reservationOnSubstance'); },
  get note() { return t('comments.note'); },
};
