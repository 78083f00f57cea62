import type { Signatory } from '../../shared/api/letters.js';
import type { SignoffEntry, SignoffGrid } from '../../shared/api/signoffs.js';
import { letterHash, type BodyNodeJson } from '../../shared/domain/letter-hash.js';
import { SignoffState, deriveSignoffState, isLetterReady } from '../../shared/domain/signoff-state.js';
import type { CurrentParagraph } from '../../shared/domain/current-paragraphs.js';
import type { CsvCell } from '../http/csv-download.js';
import { officeWithCountry } from '../../shared/domain/office-names.js';
import { countByOffice, paragraphsWithOpenSuggestions } from '../../shared/domain/suggestions.js';
import { blockingReservations, isReadyDespiteReservations, type ReservationKind, type ReservationLike } from '../../shared/domain/reservations.js';

/**
 * Every paragraph's state for every signatory office, with progress per office and overall, and
 * the letter hash of `body` (the same text as `paragraphs`, with its layout).
 */
export function buildSignoffGrid(
  paragraphs: CurrentParagraph[],
  body: BodyNodeJson,
  signatories: Signatory[],
  signoffs: SignoffEntry[],
  reservations: readonly (ReservationLike & { kind: ReservationKind })[] = [],
): SignoffGrid {
  const latest = new Map(signoffs.map((entry) => [`${entry.paragraphId}\u0000${entry.officeId}`, entry]));
  // R3: open reservations of signatory offices on paragraphs the letter has.
  const blocking = blockingReservations(reservations, paragraphs.map((paragraph) => paragraph.id), signatories.map(({ office }) => office.id));
  const reservedKinds = (paragraphId: string) => {
    const kinds: Record<string, ReservationKind[]> = {};
    for (const reservation of blocking.filter((r) => r.paragraphId === paragraphId)) (kinds[reservation.officeId] ??= []).push(reservation.kind);
    return kinds;
  };
  const rows = paragraphs.map((paragraph) => {
    const states = Object.fromEntries(
      signatories.map(({ office }) => [office.id, deriveSignoffState(latest.get(`${paragraph.id}\u0000${office.id}`), paragraph.hash)]),
    );
    const reasons = Object.fromEntries(
      signatories.flatMap(({ office }) => {
        const reason = latest.get(`${paragraph.id}\u0000${office.id}`)?.reason;
        return states[office.id] === SignoffState.changesRequested && reason ? [[office.id, reason]] : [];
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
  const offices = signatories.map(({ office }) => ({
    officeId: office.id,
    name: office.nameEn,
    country: office.country,
    approved: rows.filter((row) => row.states[office.id] === SignoffState.approved).length,
    of: rows.length,
  }));
  const approvedCells = offices.reduce((sum, office) => sum + office.approved, 0);
  const withSuggestions = paragraphsWithOpenSuggestions(paragraphs);
  return {
    offices,
    paragraphs: rows,
    approvedCells,
    totalCells: rows.length * signatories.length,
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

/** A state as a person reads it in a spreadsheet. */
const stateWords: Record<SignoffState, string> = {
  [SignoffState.pending]: 'Pending',
  [SignoffState.approved]: 'Approved',
  [SignoffState.stale]: 'Stale (changed since approval)',
  [SignoffState.changesRequested]: 'Changes requested',
};

/**
 * The grid as rows for a spreadsheet: one row per paragraph with its whole text, one column per
 * office headed by country and office, states in words with the reason of a change request.
 */
export function signoffGridRows(grid: SignoffGrid): CsvCell[][] {
  const header = ['Paragraph', 'Text', ...grid.offices.map((office) => officeWithCountry(office.name, office.country)), 'Open reservations'];
  const rows = grid.paragraphs.map((row) => [
    row.number,
    row.text,
    ...grid.offices.map((office) => {
      const state = row.states[office.officeId];
      if (!state) return '';
      const reason = row.reasons[office.officeId];
      return reason ? `${stateWords[state]}: ${reason}` : stateWords[state];
    }),
    describeReservations(grid, row.reservations ?? {}),
  ]);
  return [header, ...rows];
}

/** "Estonia – Ministry of the Interior: scrutiny; …", in the grid's order of offices. */
function describeReservations(grid: SignoffGrid, reservations: Record<string, ReservationKind[]>): string {
  return grid.offices
    .filter((office) => (reservations[office.officeId] ?? []).length > 0)
    .map((office) => `${officeWithCountry(office.name, office.country)}: ${reservations[office.officeId]!.join(', ')}`)
    .join('; ');
}
