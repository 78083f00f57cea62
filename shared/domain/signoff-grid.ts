import type { Signatory } from '../api/letters.js';
import type { SignoffEntry, SignoffGrid } from '../api/signoffs.js';
import type { CurrentParagraph } from './current-paragraphs.js';
import { letterHash, type BodyNodeJson } from './letter-hash.js';
import { blockingReservations, isReadyDespiteReservations, type ReservationKind, type ReservationLike } from './reservations.js';
import { deriveSignoffState, isLetterReady, SignoffState, type SignoffAct } from './signoff-state.js';
import { countByOffice, paragraphsWithOpenSuggestions } from './suggestions.js';

/** The latest act of an office on a paragraph, however the caller keeps them. */
export type LatestActOf = (paragraphId: string, officeId: string) => SignoffAct | undefined;

/** How far one signatory office got: paragraphs whose current text it approved, of all paragraphs. */
export interface OfficeProgress {
  officeId: string;
  approved: number;
  of: number;
}

/** Progress per office (in `officeIds` order) and over every paragraph-office cell. */
export interface SignoffProgress {
  offices: OfficeProgress[];
  approvedCells: number;
  totalCells: number;
}

/**
 * The course panel's figures: for every signatory office, how many paragraphs it approved as they
 * read now (S1–S6), and the sum over all cells. Needs only each paragraph's id and current hash.
 */
export function signoffProgress(paragraphs: readonly { id: string; hash: string }[], officeIds: readonly string[], latest: LatestActOf): SignoffProgress {
  const offices = officeIds.map((officeId) => ({
    officeId,
    approved: paragraphs.filter((paragraph) => deriveSignoffState(latest(paragraph.id, officeId), paragraph.hash) === SignoffState.approved).length,
    of: paragraphs.length,
  }));
  return {
    offices,
    approvedCells: offices.reduce((sum, office) => sum + office.approved, 0),
    totalCells: paragraphs.length * officeIds.length,
  };
}

/**
 * Every paragraph's state for every signatory office, with progress per office and overall, and
 * the letter hash of `body` (the same text as `paragraphs`, with its layout). The server builds it
 * from its own text for the overview route and its checks; a client builds the same from its copy
 * of the text and the letter state of message 102.
 */
export function buildSignoffGrid(
  paragraphs: CurrentParagraph[],
  body: BodyNodeJson,
  signatories: Signatory[],
  signoffs: SignoffEntry[],
  reservations: readonly (ReservationLike & { kind: ReservationKind })[] = [],
): SignoffGrid {
  const latest = new Map(signoffs.map((entry) => [`${entry.paragraphId}\u0000${entry.officeId}`, entry]));
  const officeIds = signatories.map(({ office }) => office.id);
  // R3: open reservations of signatory offices on paragraphs the letter has.
  const blocking = blockingReservations(reservations, paragraphs.map((paragraph) => paragraph.id), officeIds);
  const reservedKinds = (paragraphId: string) => {
    const kinds: Record<string, ReservationKind[]> = {};
    for (const reservation of blocking.filter((r) => r.paragraphId === paragraphId)) (kinds[reservation.officeId] ??= []).push(reservation.kind);
    return kinds;
  };
  const rows = paragraphs.map((paragraph) => {
    const states = Object.fromEntries(
      officeIds.map((officeId) => [officeId, deriveSignoffState(latest.get(`${paragraph.id}\u0000${officeId}`), paragraph.hash)]),
    );
    const reasons = Object.fromEntries(
      officeIds.flatMap((officeId) => {
        const reason = latest.get(`${paragraph.id}\u0000${officeId}`)?.reason;
        return states[officeId] === SignoffState.changesRequested && reason ? [[officeId, reason]] : [];
      }),
    );
    return {
      paragraphId: paragraph.id,
      number: paragraph.number,
      excerpt: paragraph.text.slice(0, 120),
      text: paragraph.text,
      states,
      reasons,
      reservations: reservedKinds(paragraph.id),
      suggestions: countByOffice(paragraph.suggestions ?? []),
    };
  });
  const progress = signoffProgress(paragraphs, officeIds, (paragraphId, officeId) => latest.get(`${paragraphId}\u0000${officeId}`));
  const offices = signatories.map(({ office }, index) => ({
    officeId: office.id,
    name: office.nameEn,
    country: office.country,
    approved: progress.offices[index]!.approved,
    of: rows.length,
  }));
  const withSuggestions = paragraphsWithOpenSuggestions(paragraphs);
  return {
    offices,
    paragraphs: rows,
    approvedCells: progress.approvedCells,
    totalCells: progress.totalCells,
    isReady:
      withSuggestions.length === 0 &&
      isReadyDespiteReservations(isLetterReady(rows.map((row) => Object.values(row.states)), signatories.length), blocking),
    openReservations: blocking.length,
    paragraphsWithSuggestions: withSuggestions,
    letterHash: letterHash(
      body,
      signatories.map((s) => ({ officeId: s.office.id, signerName: s.signerName, capacity: s.capacity })),
    ),
  };
}
