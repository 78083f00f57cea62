import type { SignoffGrid } from '../../shared/api/signoffs.js';
import { SignoffState } from '../../shared/domain/signoff-state.js';
import type { CsvCell } from '../http/csv-download.js';
import { officeWithCountry } from '../../shared/domain/office-names.js';
import type { ReservationKind } from '../../shared/domain/reservations.js';

// The grid itself is computed in shared/ so that clients derive the same one from their copy of the text.
export { buildSignoffGrid } from '../../shared/domain/signoff-grid.js';

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
