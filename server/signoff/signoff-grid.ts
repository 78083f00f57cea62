import type { Signatory } from '../../shared/api/letters.js';
import type { SignoffEntry, SignoffGrid } from '../../shared/api/signoffs.js';
import { letterHash } from '../../shared/domain/letter-hash.js';
import { SignoffState, deriveSignoffState, isLetterReady } from '../../shared/domain/signoff-state.js';
import type { CurrentParagraph } from '../../shared/domain/current-paragraphs.js';

/** Every paragraph's state for every signatory office, with progress per office and overall. */
export function buildSignoffGrid(paragraphs: CurrentParagraph[], signatories: Signatory[], signoffs: SignoffEntry[]): SignoffGrid {
  const latest = new Map(signoffs.map((entry) => [`${entry.paragraphId}\u0000${entry.officeId}`, entry]));
  const rows = paragraphs.map((paragraph) => {
    const states = Object.fromEntries(
      signatories.map(({ office }) => [office.id, deriveSignoffState(latest.get(`${paragraph.id}\u0000${office.id}`), paragraph.hash)]),
    );
    return { paragraphId: paragraph.id, number: paragraph.number, excerpt: paragraph.text.slice(0, 120), states };
  });
  const offices = signatories.map(({ office }) => ({
    officeId: office.id,
    name: office.nameEn,
    approved: rows.filter((row) => row.states[office.id] === SignoffState.approved).length,
    of: rows.length,
  }));
  const approvedCells = offices.reduce((sum, office) => sum + office.approved, 0);
  return {
    offices,
    paragraphs: rows,
    approvedCells,
    totalCells: rows.length * signatories.length,
    isReady: isLetterReady(rows.map((row) => Object.values(row.states)), signatories.length),
    letterHash: letterHash(
      paragraphs.map((paragraph) => paragraph.hash),
      signatories.map((s) => ({ officeId: s.office.id, signerName: s.signerName, capacity: s.capacity })),
    ),
  };
}

const csvField = (value: string | number) => {
  const text = String(value);
  // A leading =, +, - or @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

/** The grid as CSV for a spreadsheet: one row per paragraph, one column per office. */
export function signoffGridCsv(grid: SignoffGrid): string {
  const header = ['Paragraph', 'Text', ...grid.offices.map((office) => office.name)];
  const rows = grid.paragraphs.map((row) => [row.number, row.excerpt, ...grid.offices.map((office) => row.states[office.officeId] ?? '')]);
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
