import type { Office } from '../../shared/api/offices.js';

/** An office as Jointly's screens name it: its country, or its id while the office list is unknown. */
export function officeName(offices: readonly Office[], officeId: string): string {
  return offices.find((office) => office.id === officeId)?.country ?? officeId;
}
