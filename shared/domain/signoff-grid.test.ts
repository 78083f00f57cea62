import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import type { Signatory } from '../api/letters.js';
import type { SignoffEntry } from '../api/signoffs.js';
import { currentParagraphs } from './current-paragraphs.js';
import { bodyFieldName } from './editor-extensions.js';
import { letterHash } from './letter-hash.js';
import { letterSchema } from './letter-schema.js';
import { buildSignoffGrid, signoffProgress } from './signoff-grid.js';
import { SignoffState } from './signoff-state.js';
import { letterBodyJson } from './yjs-text-blocks.js';

const paragraph = (id: string, text: string) => ({ type: 'paragraph', attrs: { id }, content: [{ type: 'text', text }] });
const letterDoc = (second: string) =>
  prosemirrorJSONToYDoc(
    letterSchema(),
    {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { id: 'h1', level: 2 }, content: [{ type: 'text', text: 'Joint letter' }] },
        paragraph('p1', 'We call on the Commission to act.'),
        paragraph('p2', second),
      ],
    },
    bodyFieldName,
  );

const signatory = (id: string, country: string, position: number): Signatory => ({
  position,
  office: { id, name: id, nameEn: 'Ministry of the Interior', country, ministerName: 'M', ministerTitle: 'Minister', color: '#123456' },
  signerName: `Minister of ${country}`,
  capacity: 'Minister',
});
const signatories = [signatory('fi-interior', 'Finland', 0), signatory('ee-interior', 'Estonia', 1)];

/** The paragraphs, body and acts of a letter whose second paragraph Finland approved before it was reworded. */
function scene() {
  const before = currentParagraphs(letterDoc('Borders are to be kept open.'));
  const doc = letterDoc('Borders are to be kept open for trade.');
  const paragraphs = currentParagraphs(doc);
  const hashOf = (list: typeof paragraphs, id: string) => list.find((p) => p.id === id)!.hash;
  const act = (paragraphId: string, officeId: string, action: SignoffEntry['action'], hash: string, reason: string | null = null): SignoffEntry => ({
    paragraphId,
    officeId,
    action,
    hash,
    reason,
    by: 'someone',
    at: '2026-12-07T10:00:00.000Z',
  });
  const signoffs = [
    act('h1', 'fi-interior', 'approve', hashOf(paragraphs, 'h1')),
    act('h1', 'ee-interior', 'approve', hashOf(paragraphs, 'h1')),
    act('p1', 'fi-interior', 'approve', hashOf(paragraphs, 'p1')),
    act('p1', 'ee-interior', 'request_changes', hashOf(paragraphs, 'p1'), 'Name the agencies.'),
    act('p2', 'fi-interior', 'approve', hashOf(before, 'p2')),
  ];
  return { doc, paragraphs, body: letterBodyJson(doc.getXmlFragment(bodyFieldName)), signoffs };
}

describe('the sign-off grid, computed once in shared code for the server and every client', () => {
  it('S1–S6 gives each paragraph its state per office: approved, stale after a change, changes requested with the reason, pending', () => {
    const { paragraphs, body, signoffs } = scene();
    const grid = buildSignoffGrid(paragraphs, body, signatories, signoffs);
    expect(grid.paragraphs.map((row) => [row.number, row.states['fi-interior'], row.states['ee-interior']])).toEqual([
      [1, SignoffState.approved, SignoffState.approved],
      [2, SignoffState.approved, SignoffState.changesRequested],
      [3, SignoffState.stale, SignoffState.pending],
    ]);
    expect(grid.paragraphs[1]!.reasons).toEqual({ 'ee-interior': 'Name the agencies.' });
    expect(grid.paragraphs[2]!.excerpt).toBe('Borders are to be kept open for trade.');
  });

  it('S10 counts progress per office and overall, and the letter is not ready while a cell is not approved', () => {
    const { paragraphs, body, signoffs } = scene();
    const grid = buildSignoffGrid(paragraphs, body, signatories, signoffs);
    expect(grid.offices.map(({ country, approved, of }) => [country, approved, of])).toEqual([
      ['Finland', 2, 3],
      ['Estonia', 1, 3],
    ]);
    expect([grid.approvedCells, grid.totalCells, grid.isReady]).toEqual([3, 6, false]);
  });

  it('S10 R3 an approval of every cell makes the letter ready, unless an office holds an open reservation on a paragraph', () => {
    const { paragraphs, body } = scene();
    const all = paragraphs.flatMap((p) =>
      signatories.map(({ office }) => ({ paragraphId: p.id, officeId: office.id, action: 'approve' as const, hash: p.hash, reason: null, by: 'x', at: 'now' })),
    );
    expect(buildSignoffGrid(paragraphs, body, signatories, all).isReady).toBe(true);
    const held = buildSignoffGrid(paragraphs, body, signatories, all, [{ paragraphId: 'p2', officeId: 'ee-interior', liftedAt: null, kind: 'scrutiny' }]);
    expect([held.isReady, held.openReservations, held.paragraphs[2]!.reservations]).toEqual([false, 1, { 'ee-interior': ['scrutiny'] }]);
  });

  it('F1 carries the letter hash of the text and the signatories, as a signature binds to it', () => {
    const { paragraphs, body, signoffs } = scene();
    const grid = buildSignoffGrid(paragraphs, body, signatories, signoffs);
    expect(grid.letterHash).toBe(letterHash(body, signatories.map((s) => ({ officeId: s.office.id, signerName: s.signerName, capacity: s.capacity }))));
    expect(buildSignoffGrid(paragraphs, body, signatories.slice(0, 1), signoffs).letterHash).not.toBe(grid.letterHash);
  });

  it('the course panel’s progress, from ids and hashes alone, is the grid’s progress', () => {
    const { paragraphs, body, signoffs } = scene();
    const grid = buildSignoffGrid(paragraphs, body, signatories, signoffs);
    const latest = new Map(signoffs.map((entry) => [`${entry.paragraphId} ${entry.officeId}`, entry]));
    const progress = signoffProgress(
      paragraphs.map(({ id, hash }) => ({ id, hash })),
      signatories.map(({ office }) => office.id),
      (paragraphId, officeId) => latest.get(`${paragraphId} ${officeId}`),
    );
    expect(progress).toEqual({
      offices: grid.offices.map(({ officeId, approved, of }) => ({ officeId, approved, of })),
      approvedCells: grid.approvedCells,
      totalCells: grid.totalCells,
    });
  });
});
