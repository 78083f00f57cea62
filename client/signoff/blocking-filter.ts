import type { SignoffGrid } from '../../shared/api/signoffs.js';
import { SignoffState } from '../../shared/domain/signoff-state.js';

/** Which rows of the overview to show: all, or those a given state blocks. */
export const GridFilter = {
  all: 'all',
  blocking: 'blocking',
  stale: SignoffState.stale,
  changesRequested: SignoffState.changesRequested,
  pending: SignoffState.pending,
} as const;
export type GridFilter = (typeof GridFilter)[keyof typeof GridFilter];

type GridRow = SignoffGrid['paragraphs'][number];

/** S10: a paragraph blocks the letter while any office's state is not approved. */
export function filterGridRows(rows: readonly GridRow[], filter: GridFilter): GridRow[] {
  if (filter === GridFilter.all) return [...rows];
  return rows.filter((row) => {
    const states = Object.values(row.states);
    if (filter === GridFilter.blocking) return states.some((state) => state !== SignoffState.approved);
    return states.includes(filter);
  });
}
