import type { LetterCourse, LetterStateMessage, SignoffEntry } from '../../shared/api/signoffs.js';
import type { SignoffAct } from '../../shared/domain/signoff-state.js';
import type { ReservationEntry } from '../../shared/api/comments.js';
import { isReservationOpen } from '../../shared/domain/reservations.js';

/** What the server told this page about the letter's sign-offs and course (message 102). */
export interface LetterState {
  course: LetterCourse | null;
  /** The latest act per paragraph, then per office. */
  signoffs: ReadonlyMap<string, ReadonlyMap<string, SignoffEntry>>;
  /** Every reservation by id, open and lifted (R1–R4); absent until the server sent any. */
  reservations?: ReadonlyMap<string, ReservationEntry>;
}

export const emptyLetterState: LetterState = { course: null, signoffs: new Map() };

/** Folds one message 102 into the state: `full` replaces, `signoffs` and `course` update. */
export function applyLetterStateMessage(state: LetterState, message: LetterStateMessage): LetterState {
  switch (message.kind) {
    case 'full':
      return { course: message.course, signoffs: mergeSignoffs(new Map(), message.signoffs), reservations: byId(new Map(), message.reservations ?? []) };
    case 'signoffs':
      return { ...state, signoffs: mergeSignoffs(state.signoffs, message.signoffs) };
    case 'course':
      return { ...state, course: message.course };
    case 'reservations':
      return { ...state, reservations: byId(state.reservations ?? new Map(), message.reservations) };
    default:
      throw new Error(`unknown letter state message ${String((message as { kind: unknown }).kind)}`);
  }
}

function mergeSignoffs(
  current: ReadonlyMap<string, ReadonlyMap<string, SignoffEntry>>,
  entries: readonly SignoffEntry[],
): Map<string, Map<string, SignoffEntry>> {
  const next = new Map([...current].map(([paragraphId, byOffice]) => [paragraphId, new Map(byOffice)]));
  for (const entry of entries) {
    const byOffice = next.get(entry.paragraphId) ?? new Map<string, SignoffEntry>();
    byOffice.set(entry.officeId, entry);
    next.set(entry.paragraphId, byOffice);
  }
  return next;
}

function byId(current: ReadonlyMap<string, ReservationEntry>, entries: readonly ReservationEntry[]): Map<string, ReservationEntry> {
  const next = new Map(current);
  for (const entry of entries) next.set(entry.id, entry);
  return next;
}

/** The open reservations, of one paragraph if given, oldest first. */
export function openReservations(state: LetterState, paragraphId?: string): ReservationEntry[] {
  return Array.from(state.reservations?.values() ?? []).filter(
    (reservation) => isReservationOpen(reservation) && (paragraphId === undefined || reservation.paragraphId === paragraphId),
  );
}

/** The latest act of an office on a paragraph, in the form deriveSignoffState reads. */
export function latestAct(state: LetterState, paragraphId: string, officeId: string): SignoffAct | undefined {
  return state.signoffs.get(paragraphId)?.get(officeId);
}
